/**
 * JavaScript's binary types wherever the family takes an exporter (DESIGN: the umbrella
 * accepts them). Done by lookup at the call, through `@pybuffer/typedarray`'s
 * `fromBinary`, never by patching built-in prototypes: importing this module changes
 * nothing global. Values that are neither an exporter nor a JS binary type pass through
 * unchanged, so the wrapped function raises CPython's own `TypeError`.
 *
 * A Node `Buffer` is a `Uint8Array` (over a slice of Node's pool at `byteOffset`): it is
 * found by `ArrayBuffer.isView` like any TypedArray and exported over exactly its own
 * bytes, without importing `node:buffer`.
 */
import {
  type BufferView,
  checkBuffer as coreCheckBuffer,
  copyData as coreCopyData,
  getBuffer as coreGetBuffer,
  type Exporter,
  isMemory,
} from "@pybuffer/core";
import type { NdarrayLike } from "@pybuffer/ndarray";
import { type BinaryLike, fromBinary, isWasmMemory } from "@pybuffer/typedarray";
import { isNdarray, ndarrayOr } from "./ndarray-lookup.js";
import { isPyodideBuffer, type PyodideBuffer, pyodideExporter } from "./pyodide-lookup.js";

/**
 * What the umbrella takes beyond its packages' own sources, wherever they take an
 * exporter: a Python buffer inside Pyodide (a PyProxy or a PyBufferView) or a scijs or
 * stdlib array.
 */
export type ForeignBuffer = PyodideBuffer | NdarrayLike;

/** Anything the umbrella takes where an exporter is expected. */
export type ExporterLike = Exporter | BinaryLike | ForeignBuffer;

/**
 * Whether `value` is a TypedArray (Node `Buffer` included), DataView, ArrayBuffer,
 * SharedArrayBuffer or WebAssembly.Memory.
 *
 * @example
 * ```ts
 * isBinary(new Float32Array(2)); // true
 * isBinary([1, 2]); // false
 * ```
 */
export function isBinary(value: unknown): value is BinaryLike {
  return ArrayBuffer.isView(value) || isMemory(value) || isWasmMemory(value);
}

/**
 * `value` as an exporter: exporters as they are, JS binary types through `fromBinary`,
 * Pyodide's PyProxies of Python buffers and PyBufferViews through `fromPyodide`, scijs and
 * stdlib arrays through `fromNdarray` (`ndarray-lookup.ts`).
 *
 * @example
 * ```ts
 * getBuffer(asExporter(new Float64Array(4)), PyBUF_FULL_RO).format; // "d"
 * ```
 */
export function asExporter(value: unknown): unknown {
  if (coreCheckBuffer(value)) return value;
  return isBinary(value) ? fromBinary(value) : foreignOr(value);
}

/**
 * `value` as an exporter when it is a {@link ForeignBuffer}, else `value` unchanged: what
 * the umbrella hands to an adapter that takes JS binary types, views and exporters itself.
 *
 * @example
 * ```ts
 * foreignOr(pyodide.runPython("bytearray(2)")); // a PyodideExporter
 * foreignOr(new Uint8Array(2)); // the same Uint8Array
 * ```
 */
export function foreignOr(value: unknown): unknown {
  return pyodideExporter(value) ?? ndarrayOr(value);
}

/**
 * `PyObject_CheckBuffer`, true for JS binary types and scijs/stdlib arrays as well.
 *
 * @example
 * ```ts
 * checkBuffer(new Uint8Array(2)); // true
 * ```
 */
export function checkBuffer(obj: unknown): boolean {
  return coreCheckBuffer(obj) || isBinary(obj) || isPyodideBuffer(obj) || isNdarray(obj);
}

/**
 * `PyObject_GetBuffer`, accepting JS binary types as exporters.
 *
 * @example
 * ```ts
 * const view = getBuffer(new Uint16Array([1, 2]), PyBUF_FULL_RO); // view.format === "H"
 * releaseBuffer(view);
 * ```
 */
export function getBuffer(obj: unknown, flags: number): BufferView {
  return coreGetBuffer(asExporter(obj), flags);
}

/**
 * `PyObject_CopyData(dest, src)`, accepting JS binary types on either side.
 *
 * @example
 * ```ts
 * const dest = new Uint8Array(2);
 * copyData(dest, new Uint8Array([7, 8])); // dest is [7, 8]
 * ```
 */
export function copyData(dest: unknown, src: unknown): void {
  coreCopyData(asExporter(dest), asExporter(src));
}
