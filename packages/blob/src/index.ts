// The family's error classes, one per CPython exception, live in @pybuffer/struct (layer 0);
// every package re-exports all of them, so `instanceof` works whichever package is imported.
export * from "@pybuffer/struct/errors";
export { isBlob } from "./arguments.js";
export { type FromBlobOptions, fromBlob } from "./from-blob.js";
export {
  type BlobProgress,
  type IterUnpackBlobOptions,
  iterUnpackBlob,
  iterUnpackBlobColumns,
} from "./iter-unpack-blob.js";
export { RecordJoiner, type Split } from "./record-joiner.js";
export { type ToBlobOptions, toBlob } from "./to-blob.js";
