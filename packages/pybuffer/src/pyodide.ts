/**
 * `pybuffer/pyodide`: `@pybuffer/pyodide`, `toPyodide` also taking JS binary types,
 * Pyodide buffers and ndarrays (`as-exporter.ts`).
 */

import type { PyodideLike, PythonBuffer, ToPyodideOptions } from "@pybuffer/pyodide";
import * as pyodide from "@pybuffer/pyodide";
import { asExporter, type ExporterLike } from "./as-exporter.js";

export * from "@pybuffer/pyodide";

/**
 * `toPyodide(exporter, pyodide, options?)`, `exporter` a JS binary type, a Pyodide buffer
 * (zero-copy: the same bytes) or an ndarray too.
 *
 * @example
 * ```ts
 * toPyodide(new Float64Array([0.5]), pyodide).copied; // true
 * ```
 */
export function toPyodide(
  exporter: ExporterLike,
  instance: PyodideLike,
  options?: ToPyodideOptions,
): PythonBuffer {
  return pyodide.toPyodide(asExporter(exporter), instance, options);
}
