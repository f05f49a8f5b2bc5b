/**
 * `pybuffer/blob`: `@pybuffer/blob`, `toBlob` also taking JS binary types, Pyodide buffers
 * and ndarrays (`as-exporter.ts`).
 */

import type { ToBlobOptions } from "@pybuffer/blob";
import * as blob from "@pybuffer/blob";
import type { BufferView } from "@pybuffer/core";
import { asExporter, type ExporterLike } from "./as-exporter.js";

export * from "@pybuffer/blob";

/**
 * `toBlob(source, options?)`: a Blob of the items of `source` in C order, `source` any
 * exporter, view in hand, JS binary type, Pyodide buffer or ndarray.
 *
 * @example
 * ```ts
 * await toBlob(pyodide.runPython("b'abc'")).text(); // "abc"
 * ```
 */
export function toBlob(source: ExporterLike | BufferView, options?: ToBlobOptions): Blob {
  return blob.toBlob(asExporter(source) as object, options);
}
