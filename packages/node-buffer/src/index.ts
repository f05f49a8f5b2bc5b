// The family's error classes, one per CPython exception, live in @pybuffer/struct (layer 0);
// every package re-exports all of them, so `instanceof` works whichever package is imported.
export * from "@pybuffer/struct/errors";
export { isBytes } from "./arguments.js";
export { fromNodeBuffer, type NodeBufferExportOptions } from "./from-node-buffer.js";
export { NodeBufferExporter } from "./node-buffer-exporter.js";
export { type NodeBufferSource, type ToNodeBufferOptions, toNodeBuffer } from "./to-node-buffer.js";
