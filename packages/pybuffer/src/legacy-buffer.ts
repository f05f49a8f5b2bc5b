/**
 * Python 2's `buffer` and the old segment API over what the umbrella takes.
 * `@pybuffer/legacy` gives a `Uint8Array` (Node `Buffer` included) its own single segment
 * and bridges any new-style exporter; here the other binary types (any TypedArray,
 * DataView, ArrayBuffer, SharedArrayBuffer), Pyodide buffers and ndarrays are made
 * exporters first, by lookup at the call.
 */
import {
  type BufferObject,
  asCharBuffer as legacyAsCharBuffer,
  asReadBuffer as legacyAsReadBuffer,
  asWriteBuffer as legacyAsWriteBuffer,
  buffer as legacyBuffer,
  checkReadBuffer as legacyCheckReadBuffer,
  fromObject as legacyFromObject,
  fromReadWriteObject as legacyFromReadWriteObject,
  type PyIndex,
} from "@pybuffer/legacy";
import { asExporter } from "./as-exporter.js";

/** A `Uint8Array` stays itself (legacy reads it directly); other binary types export. */
function asBase(value: unknown): unknown {
  return value instanceof Uint8Array ? value : asExporter(value);
}

/**
 * The Python 2 builtin `buffer(object[, offset[, size]])`, taking JS binary types.
 *
 * @example
 * ```ts
 * buffer(Buffer.from("abcdef"), 2, 3).toBytes(); // Uint8Array [0x63, 0x64, 0x65]
 * buffer(new Uint16Array([1, 2])).length; // 4
 * ```
 */
export function buffer(...args: [object: unknown, offset?: PyIndex, size?: PyIndex]): BufferObject {
  // Plain JavaScript callers may pass no argument: legacy raises 2.7's arity TypeError.
  if ((args as unknown[]).length === 0) return legacyBuffer(...args);
  const rest = args.slice(1) as [offset?: PyIndex, size?: PyIndex];
  return legacyBuffer(asBase(args[0]), ...rest);
}

/**
 * `PyBuffer_FromObject(base, offset, size)`, taking JS binary types.
 *
 * @example
 * ```ts
 * fromObject(new Float32Array(2), 4, -1).length; // 4
 * ```
 */
export function fromObject(base: object, offset: PyIndex, size: PyIndex): BufferObject {
  return legacyFromObject(asBase(base) as object, offset, size);
}

/**
 * `PyBuffer_FromReadWriteObject(base, offset, size)`, taking JS binary types.
 *
 * @example
 * ```ts
 * const data = new Int8Array(4);
 * fromReadWriteObject(data, 1, 1).set(0, new Uint8Array([255])); // data[1] === -1
 * ```
 */
export function fromReadWriteObject(base: object, offset: PyIndex, size: PyIndex): BufferObject {
  return legacyFromReadWriteObject(asBase(base) as object, offset, size);
}

/**
 * `PyObject_AsReadBuffer(obj)`, taking what the umbrella takes.
 *
 * @example
 * ```ts
 * asReadBuffer(new Uint16Array([1])); // Uint8Array [1, 0]
 * ```
 */
export function asReadBuffer(obj: unknown): Uint8Array {
  return legacyAsReadBuffer(asBase(obj));
}

/**
 * `PyObject_AsWriteBuffer(obj)`, taking what the umbrella takes.
 *
 * @example
 * ```ts
 * asWriteBuffer(new Uint16Array([1])).length; // 2
 * ```
 */
export function asWriteBuffer(obj: unknown): Uint8Array {
  return legacyAsWriteBuffer(asBase(obj));
}

/**
 * `PyObject_AsCharBuffer(obj)`, taking what the umbrella takes.
 *
 * @example
 * ```ts
 * asCharBuffer(new Uint8Array([104, 105])); // Uint8Array [104, 105]
 * ```
 */
export function asCharBuffer(obj: unknown): Uint8Array {
  return legacyAsCharBuffer(asBase(obj));
}

/**
 * `PyObject_CheckReadBuffer(obj)`, true for what the umbrella takes.
 *
 * @example
 * ```ts
 * checkReadBuffer(new Float64Array(1)); // true
 * ```
 */
export function checkReadBuffer(obj: unknown): boolean {
  return legacyCheckReadBuffer(asBase(obj));
}
