/**
 * `pybuffer/core`: `@pybuffer/core`, `getBuffer`, `checkBuffer` and `copyData` also taking
 * JS binary types, Pyodide buffers and ndarrays, as in the main entry (`as-exporter.ts`).
 */
export * from "@pybuffer/core";
export {
  asExporter,
  checkBuffer,
  copyData,
  type ExporterLike,
  type ForeignBuffer,
  getBuffer,
  isBinary,
} from "./as-exporter.js";
