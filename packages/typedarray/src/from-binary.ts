/**
 * One entry for every JavaScript binary type: picks the adapter by the value's kind,
 * and passes exporters through. This is how the `to*` functions accept a TypedArray or
 * an ArrayBuffer wherever they accept an exporter.
 */
import { checkBuffer, type Exporter, pythonTypeName } from "@pybuffer/core";
import { fromArrayBuffer, fromWasmMemory, isWasmMemory } from "./from-buffer.js";
import { fromDataView, fromTypedArray } from "./from-typed-array.js";
import { typedArrayKind } from "./kinds.js";
import type { LayoutOptions } from "./layout.js";
import { isMemory } from "./memory.js";
import { checkOptions } from "./options.js";

/** What {@link fromBinary} accepts. */
export type BinaryLike =
  | ArrayBufferView
  | ArrayBuffer
  | SharedArrayBuffer
  | WebAssembly.Memory
  | Exporter;

// Shared and never written: no `{}` per call when the options are left out.
const NO_OPTIONS: LayoutOptions = Object.freeze({});

/**
 * An exporter for `value`: a TypedArray ({@link fromTypedArray}), a DataView
 * ({@link fromDataView}), an ArrayBuffer or SharedArrayBuffer ({@link fromArrayBuffer}),
 * a `WebAssembly.Memory` ({@link fromWasmMemory}), or an object that already is an
 * exporter (returned as it is; `options` must then be empty). Anything else is a
 * `TypeError` (CPython's `a bytes-like object is required`).
 *
 * @example
 * ```ts
 * const view = getBuffer(fromBinary(new Uint16Array([1, 2])), PyBUF_FULL_RO);
 * view.format; // "H"
 * releaseBuffer(view);
 * ```
 */
export function fromBinary(value: BinaryLike, options: LayoutOptions = NO_OPTIONS): Exporter {
  options = checkOptions(options, "fromBinary");
  if (ArrayBuffer.isView(value)) {
    return typedArrayKind(value) === undefined
      ? fromDataView(value as DataView, options)
      : fromTypedArray(value, options);
  }
  if (isMemory(value)) return fromArrayBuffer(value, options);
  if (isWasmMemory(value)) return fromWasmMemory(value, options);
  if (checkBuffer(value)) {
    if (Object.keys(options).length > 0) {
      throw new TypeError("fromBinary: layout options apply to JavaScript binary types only");
    }
    return value;
  }
  throw new TypeError(`a bytes-like object is required, not '${pythonTypeName(value)}'`);
}
