/**
 * `pybuffer/npy`: `@pybuffer/npy`, `saveNpy` and `saveNpz` also taking JS binary types,
 * Pyodide buffers and ndarrays (`as-exporter.ts`). Only a subpath: its zip support
 * (fflate, ~7 KB gzip) would otherwise weigh on every bundle of the main entry. What
 * `loadNpy` returns is an exporter, which the main entry's memoryview takes as it is.
 */

import type { SaveNpyOptions, SaveNpzOptions } from "@pybuffer/npy";
import * as npy from "@pybuffer/npy";
import { asExporter, type ExporterLike } from "./as-exporter.js";

export * from "@pybuffer/npy";

/**
 * `saveNpy(exporter, options?)`: `np.save`'s bytes, `exporter` a JS binary type, a
 * Pyodide buffer or an ndarray too.
 *
 * @example
 * ```ts
 * loadNpy(saveNpy(pyodide.runPython("array.array('i', [7])"))).format; // "<i"
 * ```
 */
export function saveNpy(exporter: ExporterLike, options?: SaveNpyOptions): Uint8Array<ArrayBuffer> {
  return npy.saveNpy(asExporter(exporter), options);
}

/**
 * `saveNpz(arrays, options?)`: `np.savez`'s bytes, each array a JS binary type, a
 * Pyodide buffer or an ndarray too.
 *
 * @example
 * ```ts
 * loadNpz(saveNpz({ x: new Float64Array([1]) })).keys(); // ["x"]
 * ```
 */
export function saveNpz(
  arrays: Readonly<Record<string, ExporterLike>> | readonly ExporterLike[],
  options?: SaveNpzOptions,
): Uint8Array<ArrayBuffer> {
  if (typeof arrays !== "object" || arrays === null) return npy.saveNpz(arrays, options);
  const exporters = Array.isArray(arrays)
    ? arrays.map(asExporter)
    : Object.fromEntries(Object.entries(arrays).map(([key, value]) => [key, asExporter(value)]));
  return npy.saveNpz(exporters, options);
}
