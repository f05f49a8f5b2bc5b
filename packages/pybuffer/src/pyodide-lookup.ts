/**
 * Python objects inside Pyodide wherever the umbrella takes an exporter: a PyProxy of an
 * object with the buffer protocol, or a PyBufferView, becomes `@pybuffer/pyodide`'s
 * exporter at the call (`lookupPyodide`). Found by lookup (a tag and prototype test that
 * calls no Python), never by patching Pyodide's classes; nothing imports Pyodide itself,
 * and the lookup leaves out `fromPyodide`'s ctypes road (`{ pyodide }`), which only
 * `pybuffer/pyodide` brings.
 */
import {
  isBufferProxy,
  isPyBufferView,
  lookupPyodide,
  type PyBufferProxyLike,
  type PyBufferViewLike,
} from "@pybuffer/pyodide";

/** A Python buffer inside Pyodide, as the umbrella takes it: a PyProxy or a PyBufferView. */
export type PyodideBuffer = PyBufferProxyLike | PyBufferViewLike;

/**
 * Whether `value` is a Pyodide PyProxy of a Python buffer, or a PyBufferView.
 *
 * @example
 * ```ts
 * isPyodideBuffer({}); // false
 * ```
 */
export function isPyodideBuffer(value: unknown): boolean {
  return isBufferProxy(value) || isPyBufferView(value);
}

/** The exporter for a Pyodide buffer (`fromPyodide`), or `undefined` for anything else. */
export { lookupPyodide as pyodideExporter };
