/**
 * `pybuffer/typedarray`: `@pybuffer/typedarray`, its conversions (`toTypedArray`,
 * `toDataView`, `toArrayBuffer`) also taking what the umbrella takes where an exporter is
 * expected: a Pyodide PyProxy or PyBufferView, a scijs or stdlib array (`as-exporter.ts`).
 */

import type {
  FormatOfSource,
  ToDataViewOptions,
  ToTypedArrayOptions,
  TypedArray,
  TypedArrayOf,
  ViewSource,
} from "@pybuffer/typedarray";
import * as typedarray from "@pybuffer/typedarray";
import { type ForeignBuffer, foreignOr } from "./as-exporter.js";

export * from "@pybuffer/typedarray";

/**
 * `toTypedArray(source, options?)`, `source` a Pyodide buffer or an ndarray too.
 *
 * @example
 * ```ts
 * toTypedArray(pyodide.runPython("array.array('f', [1.5])")); // Float32Array [1.5], over the heap
 * ```
 */
export function toTypedArray<S extends ViewSource>(
  source: S,
  options?: ToTypedArrayOptions,
): TypedArrayOf<FormatOfSource<S>>;
export function toTypedArray(source: ForeignBuffer, options?: ToTypedArrayOptions): TypedArray;
export function toTypedArray(source: unknown, options?: ToTypedArrayOptions): TypedArray {
  return typedarray.toTypedArray(foreignOr(source) as ViewSource, options);
}

/**
 * `toDataView(source, options?)`, `source` a Pyodide buffer or an ndarray too.
 *
 * @example
 * ```ts
 * toDataView(pyodide.runPython("bytearray(b'ab')")).getUint8(1); // 98
 * ```
 */
export function toDataView(
  source: ViewSource | ForeignBuffer,
  options?: ToDataViewOptions,
): DataView {
  return typedarray.toDataView(foreignOr(source) as ViewSource, options);
}

/**
 * `toArrayBuffer(source)`, `source` a Pyodide buffer or an ndarray too.
 *
 * @example
 * ```ts
 * toArrayBuffer(pyodide.runPython("b'ab'")).byteLength; // 2
 * ```
 */
export function toArrayBuffer(source: ViewSource | ForeignBuffer): ArrayBuffer {
  return typedarray.toArrayBuffer(foreignOr(source) as ViewSource);
}
