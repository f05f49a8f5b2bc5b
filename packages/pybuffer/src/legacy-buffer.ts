/**
 * Python 2's `buffer` over JavaScript's binary types. `@pybuffer/legacy` gives a
 * `Uint8Array` (Node `Buffer` included) its own single segment and bridges any new-style
 * exporter; here the other binary types (any TypedArray, DataView, ArrayBuffer,
 * SharedArrayBuffer) are made exporters first, by lookup at the call.
 */
import {
  type BufferObject,
  buffer as legacyBuffer,
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
 * bufferFromObject(new Float32Array(2), 4, -1).length; // 4
 * ```
 */
export function bufferFromObject(base: object, offset: PyIndex, size: PyIndex): BufferObject {
  return legacyFromObject(asBase(base) as object, offset, size);
}

/**
 * `PyBuffer_FromReadWriteObject(base, offset, size)`, taking JS binary types.
 *
 * @example
 * ```ts
 * const data = new Int8Array(4);
 * bufferFromReadWriteObject(data, 1, 1).set(0, new Uint8Array([255])); // data[1] === -1
 * ```
 */
export function bufferFromReadWriteObject(
  base: object,
  offset: PyIndex,
  size: PyIndex,
): BufferObject {
  return legacyFromReadWriteObject(asBase(base) as object, offset, size);
}
