// The family's error classes, one per CPython exception, live in @pybuffer/struct (layer 0);
// every package re-exports all of them, so `instanceof` works whichever package is imported.
export * from "@pybuffer/struct/errors";
export {
  fromBuffer,
  fromFlags,
  fromMemory,
  fromObject,
  getContiguous,
  memoryview,
} from "./constructors.js";
export { hashBytes } from "./hash.js";
export { Ellipsis, type Key } from "./indexing.js";
export { MemoryView } from "./memoryview.js";
export { Slice, type SliceBound, slice } from "./slice.js";
export type { ItemKey, ItemOf, IterItem, Known, ListOf } from "./view-types.js";
