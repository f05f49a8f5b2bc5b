/**
 * `fromPyodide`: the entry from Python to JavaScript.
 */
import { pythonTypeName } from "@pybuffer/core";
import { isBufferProxy, isPyBufferView, isPyProxy } from "./detect.js";
import { instanceRoad } from "./instance-road.js";
import { checkOptions } from "./options.js";
import { PyodideExporter, type PyodideExportOptions } from "./pyodide-exporter.js";
import type { PyBufferProxyLike, PyBufferViewLike } from "./types.js";

function checkPyodideOptions(options: PyodideExportOptions | undefined): PyodideExportOptions {
  const checked = checkOptions(options, "fromPyodide");
  const pyodide = checked.pyodide;
  if (
    pyodide !== undefined &&
    typeof (pyodide as { runPython?: unknown })?.runPython !== "function"
  ) {
    throw new TypeError("fromPyodide: options.pyodide must be a loaded Pyodide");
  }
  return checked;
}

/** The Python type name of a PyProxy (`undefined` when it was destroyed). */
function proxyType(proxy: { readonly type: string }): string {
  try {
    return proxy.type;
  } catch {
    return "PyProxy";
  }
}

/**
 * `fromPyodide(obj, options?)`: an exporter over a Python object inside Pyodide that
 * supports the buffer protocol, given as a `PyProxy` (`bytes`, `bytearray`,
 * `memoryview`, `array.array`, ctypes arrays and structures, …) or as a `PyBufferView`
 * from `proxy.getBuffer()`. Zero-copy: views address the Pyodide heap. Their format,
 * item size, shape, strides and read-only flag are exactly what CPython reports for
 * `memoryview(obj)` on wasm32 (records and big-endian formats included); for objects
 * whose buffer has suboffsets, pass `{ pyodide }`.
 *
 * For a PyProxy, the Python export is taken by the exporter's first view and given back
 * with its last (Python cannot resize a `bytearray` in between, as in CPython). A
 * PyBufferView stays its caller's: its export is held until the caller releases it,
 * after which requests fail with `BufferError`.
 *
 * Errors: `TypeError` for anything else (`a bytes-like object is required, not 'dict'`
 * for a Python object without the buffer protocol).
 *
 * @example
 * ```ts
 * const ints = pyodide.runPython("import array; array.array('l', [1, -2, 3])");
 * const view = getBuffer(fromPyodide(ints), PyBUF_FULL_RO);
 * [view.format, view.itemsize, view.shape]; // => ["l", 4, [3]]
 * releaseBuffer(view);
 * ```
 */
export function fromPyodide(
  obj: PyBufferProxyLike | PyBufferViewLike,
  options?: PyodideExportOptions,
): PyodideExporter {
  const { pyodide } = checkPyodideOptions(options);
  const road = pyodide === undefined ? null : instanceRoad(pyodide);
  if (isBufferProxy(obj)) return new PyodideExporter(obj, obj, road);
  if (isPyBufferView(obj)) return new PyodideExporter(obj, null, road);
  if (isPyProxy(obj)) {
    throw new TypeError(`a bytes-like object is required, not '${proxyType(obj)}'`);
  }
  throw new TypeError(
    `fromPyodide: expected a PyProxy or a PyBufferView, not '${pythonTypeName(obj)}'`,
  );
}

/**
 * `lookupPyodide(value)`: `fromPyodide(value)` when `value` is a PyProxy of a Python
 * buffer or a PyBufferView, else `undefined`; what a library that takes exporters calls
 * to take Pyodide's objects as well. Answered without a call into Python (the Python
 * export is taken by the exporter's first view). It does not bring the ctypes road
 * (`{ pyodide }`), so a bundle that uses only this stays small.
 *
 * @example
 * ```ts
 * lookupPyodide(pyodide.runPython("bytearray(2)")) instanceof PyodideExporter; // => true
 * lookupPyodide([1, 2]); // => undefined
 * ```
 */
export function lookupPyodide(value: unknown): PyodideExporter | undefined {
  if (isBufferProxy(value)) return new PyodideExporter(value, value, null);
  return isPyBufferView(value) ? new PyodideExporter(value, null, null) : undefined;
}
