// The family's error classes, one per CPython exception, live in @pybuffer/struct (layer 0);
// every package re-exports all of them, so `instanceof` works whichever package is imported.
export * from "@pybuffer/struct/errors";
export type { ViewSource } from "./acquire.js";
export { ByteArray } from "./byte-array.js";
export type { ByteSource } from "./byte-source.js";
export { type FormatKind, formatKind } from "./format-kind.js";
export { type BinaryLike, fromBinary } from "./from-binary.js";
export {
  type BufferExportOptions,
  fromArrayBuffer,
  fromWasmMemory,
  isWasmMemory,
} from "./from-buffer.js";
export { fromDataView, fromTypedArray, type ViewExportOptions } from "./from-typed-array.js";
export type {
  FormatOfSource,
  NdimOfSource,
  ShapedSource,
  TypedArrayOf,
} from "./kind-types.js";
export {
  type Float16ArrayLike,
  float16ArrayConstructor,
  TYPED_ARRAY_FORMATS,
  type TypedArray,
  type TypedArrayConstructor,
  typedArrayConstructor,
  typedArrayElementSize,
  typedArrayKind,
} from "./kinds.js";
export type { Layout, LayoutOptions } from "./layout.js";
export { isDetached, isMemory, isSharedArrayBuffer } from "./memory.js";
export { type ExportSpec, MemoryExporter } from "./memory-exporter.js";
export { type ToDataViewOptions, toArrayBuffer, toDataView } from "./to-data-view.js";
export { type ToTypedArrayOptions, toTypedArray } from "./to-typed-array.js";
