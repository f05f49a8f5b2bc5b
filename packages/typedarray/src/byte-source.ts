/**
 * The arguments `bytearray` takes, checked with CPython's messages: a count (zeros),
 * bytes-like data (copied), or an array of integers in range(0, 256); and the sizes
 * `bytearray.resize` (3.14) takes.
 */
import { allocBytes, detachedError, isDetached, type Memory, pythonTypeName } from "@pybuffer/core";
import { OverflowError, ValueError } from "@pybuffer/struct";
import { isMemory } from "./memory.js";

/** What `new ByteArray(init)` accepts. */
export type ByteSource =
  | number
  | boolean
  | ArrayLike<number>
  | ArrayBufferView
  | ArrayBuffer
  | SharedArrayBuffer;

function checkByte(value: unknown): number {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new TypeError(`'${pythonTypeName(value)}' object cannot be interpreted as an integer`);
  }
  if (value < 0 || value > 255) throw new ValueError("byte must be in range(0, 256)");
  return value;
}

/**
 * The bytes `bytearray(init)` starts with, as a new `Uint8Array` (CPython 3.13's
 * messages: `negative count`, `string argument without an encoding`, `byte must be in
 * range(0, 256)`, `cannot convert 'NoneType' object to bytearray`).
 *
 * @example
 * ```ts
 * bytesFrom(3); // Uint8Array [0, 0, 0]
 * bytesFrom([1, 2]); // Uint8Array [1, 2]
 * bytesFrom(-1); // ValueError: negative count
 * ```
 */
export function bytesFrom(init: unknown): Uint8Array<ArrayBuffer> {
  if (typeof init === "number" || typeof init === "boolean") {
    if (typeof init === "number" && !Number.isInteger(init)) {
      throw new TypeError(`cannot convert '${pythonTypeName(init)}' object to bytearray`);
    }
    const count = Number(init);
    if (count < 0) throw new ValueError("negative count");
    if (!Number.isSafeInteger(count)) {
      throw new OverflowError("cannot fit 'int' into an index-sized integer");
    }
    return allocBytes(count);
  }
  if (typeof init === "string") throw new TypeError("string argument without an encoding");
  if (ArrayBuffer.isView(init)) {
    if (isDetached(init.buffer as Memory)) throw detachedError();
    return new Uint8Array(init.buffer, init.byteOffset, init.byteLength).slice();
  }
  if (isMemory(init)) {
    if (isDetached(init)) throw detachedError();
    return new Uint8Array(init).slice();
  }
  if (
    typeof init === "object" &&
    init !== null &&
    typeof (init as ArrayLike<number>).length === "number"
  ) {
    const items = init as ArrayLike<unknown>;
    const out = new Uint8Array(items.length);
    for (let i = 0; i < out.length; i++) out[i] = checkByte(items[i]);
    return out;
  }
  throw new TypeError(`cannot convert '${pythonTypeName(init)}' object to bytearray`);
}

/**
 * Checks a size for `bytearray.resize(size)` with CPython 3.14's messages.
 *
 * @example
 * ```ts
 * checkResize(4); // 4
 * checkResize(-1); // ValueError: Can only resize to positive sizes, got -1
 * ```
 */
export function checkResize(size: unknown): number {
  if (typeof size !== "number" || !Number.isInteger(size)) {
    throw new TypeError(`'${pythonTypeName(size)}' object cannot be interpreted as an integer`);
  }
  if (size < 0) throw new ValueError(`Can only resize to positive sizes, got ${size}`);
  if (!Number.isSafeInteger(size)) {
    throw new OverflowError("Python int too large to convert to C ssize_t");
  }
  return size;
}
