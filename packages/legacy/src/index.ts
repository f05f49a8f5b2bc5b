// The family's error classes, one per CPython exception, live in @pybuffer/struct (layer 0);
// every package re-exports all of them, so `instanceof` works whichever package is imported.
export * from "@pybuffer/struct/errors";
export { BufferObject, isBuffer, Py_END_OF_BUFFER, type PyIndex } from "./buffer-object.js";
export {
  alloc,
  buffer,
  fromMemory,
  fromObject,
  fromReadWriteMemory,
  fromReadWriteObject,
} from "./constructors.js";
export type { Segment } from "./segment.js";
export { asCharBuffer, asReadBuffer, asWriteBuffer, checkReadBuffer } from "./segment-api.js";
export {
  bf_getcharbuffer,
  bf_getreadbuffer,
  bf_getsegcount,
  bf_getwritebuffer,
  type SegmentAccess,
  type SegmentExporter,
} from "./segment-protocol.js";
export { stringHash } from "./string-hash.js";
