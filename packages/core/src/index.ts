// The family's error classes, one per CPython exception, live in @pybuffer/struct (layer 0);
// every package re-exports all of them, so `instanceof` works whichever package is imported.
export * from "@pybuffer/struct/errors";
export { isAbi, pointerSize, readPointer, writePointer } from "./abi.js";
export { allocating, allocBytes } from "./alloc.js";
export { type ContiguityLayout, isContiguous } from "./contiguity.js";
export { copyData } from "./copy-data.js";
export {
  bf_getbuffer,
  bf_releasebuffer,
  checkBuffer,
  Exportable,
  type Exporter,
  exportCount,
  getBuffer,
  isReleased,
  releaseBuffer,
} from "./exporter.js";
export { fillInfo } from "./fill-info.js";
export * from "./flags.js";
export { fromContiguous } from "./from-contiguous.js";
export { LayoutExporter } from "./layout-exporter.js";
export {
  checkRange,
  detachedError,
  isDetached,
  isMemory,
  outsideMemoryError,
} from "./memory.js";
export { NDBuffer } from "./nd-buffer.js";
export type { NDBufferOptions } from "./nd-layout.js";
export { type IndirectLayout, type StridedLayout, toSuboffsets } from "./pil.js";
export { getPointer } from "./pointer.js";
export { className, describeExporter, describeView } from "./print/view-summary.js";
export { checkReach } from "./reach.js";
export {
  checkFlags,
  reqAnyContiguous,
  reqCContiguous,
  reqFContiguous,
  reqFormat,
  reqIndirect,
  reqShape,
  reqStrides,
  reqWritable,
} from "./request.js";
export type { FormatOf, NdimOf, NdimOfShape, ShapedExporter } from "./shaped.js";
export { sizeFromFormat } from "./size-from-format.js";
export { fillContiguousStrides } from "./strides.js";
export { toContiguous } from "./to-contiguous.js";
export { pythonTypeName } from "./type-name.js";
export {
  type LayoutSpec,
  layoutView,
  VerifiedLayout,
  verifyLayout,
} from "./verified-layout.js";
export { checkLayout, exceedsMaxNdim, validateFields, validateView } from "./verify.js";
export type { Abi, BufferView, Memory } from "./view.js";
export type { Trust, ViewRecord } from "./view-record.js";
