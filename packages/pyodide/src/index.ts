// The family's error classes, one per CPython exception, live in @pybuffer/struct (layer 0);
// every package re-exports all of them, so `instanceof` works whichever package is imported.
export * from "@pybuffer/struct/errors";
export { type AllocateOptions, allocate } from "./allocate.js";
export { isBufferProxy, isPyBufferView, isPyProxy } from "./detect.js";
export { fromPyodide, lookupPyodide } from "./from-pyodide.js";
export { PyodideExporter, type PyodideExportOptions } from "./pyodide-exporter.js";
export { PythonBuffer, type ToPyodideOptions, toPyodide } from "./to-pyodide.js";
export type { PyBufferProxyLike, PyBufferViewLike, PyodideLike, PyProxyLike } from "./types.js";
