/**
 * `pybuffer/ndarray`: `@pybuffer/ndarray`, `toNdarray` and `toStdlib` also taking JS
 * binary types and Pyodide buffers (`as-exporter.ts`).
 */
import type { BufferView } from "@pybuffer/core";
import type {
  ScijsFactory,
  StdlibConstructor,
  ToArrayOptions,
  ToStdlibOptions,
  ViewSource,
} from "@pybuffer/ndarray";
import * as ndarray from "@pybuffer/ndarray";
import { asExporter, type ExporterLike } from "./as-exporter.js";

export * from "@pybuffer/ndarray";

/**
 * `toNdarray(source, ndarray, options?)`, `source` any exporter, view in hand, JS binary
 * type, Pyodide buffer or ndarray.
 *
 * @example
 * ```ts
 * toNdarray(pyodide.runPython("array.array('h', [1, 2])"), ndarray).get(1); // 2
 * ```
 */
export function toNdarray<R>(
  source: ExporterLike | BufferView,
  factory: ScijsFactory<R>,
  options?: ToArrayOptions,
): R {
  return ndarray.toNdarray(asExporter(source) as ViewSource, factory, options);
}

/**
 * `toStdlib(source, ctor, options?)`, `source` any exporter, view in hand, JS binary type,
 * Pyodide buffer or ndarray.
 *
 * @example
 * ```ts
 * toStdlib(pyodide.runPython("array.array('d', [0.5])"), ctor).get(0); // 0.5
 * ```
 */
export function toStdlib<R>(
  source: ExporterLike | BufferView,
  ctor: StdlibConstructor<R>,
  options?: ToStdlibOptions,
): R {
  return ndarray.toStdlib(asExporter(source) as ViewSource, ctor, options);
}
