/**
 * Backing-store checks: is an ArrayBuffer detached, does a byte range still lie inside
 * a buffer that may have been shrunk or detached behind our back. Whether a buffer is
 * detached is core's `isDetached` (re-exported here), which tells a legal empty buffer
 * from a detached one on every engine. A SharedArrayBuffer is never detached and only
 * grows.
 */
import { isDetached, type Memory } from "@pybuffer/core";
import { BufferError } from "@pybuffer/struct";

const objectTag = Object.prototype.toString;

/**
 * Whether `value` is a SharedArrayBuffer (from any realm; works where the global is
 * hidden because the page is not cross-origin isolated).
 *
 * @example
 * ```ts
 * isSharedArrayBuffer(new SharedArrayBuffer(4)); // true
 * isSharedArrayBuffer(new ArrayBuffer(4)); // false
 * ```
 */
export function isSharedArrayBuffer(value: unknown): value is SharedArrayBuffer {
  return objectTag.call(value) === "[object SharedArrayBuffer]";
}

/**
 * Whether `value` is an ArrayBuffer or a SharedArrayBuffer (from any realm).
 *
 * @example
 * ```ts
 * isMemory(new ArrayBuffer(1)); // true
 * isMemory(new Uint8Array(1)); // false
 * ```
 */
export function isMemory(value: unknown): value is Memory {
  const tag = objectTag.call(value);
  return tag === "[object ArrayBuffer]" || tag === "[object SharedArrayBuffer]";
}

/**
 * Throws `BufferError` unless bytes `[start, end)` lie inside `memory` as it is now:
 * the message says whether the buffer was detached or shrunk. `what` names the caller.
 *
 * @example
 * ```ts
 * const ab = new ArrayBuffer(8, { maxByteLength: 16 });
 * ab.resize(4);
 * checkSpan(ab, 0, 8, "fromTypedArray"); // BufferError: … shrunk …
 * ```
 */
export function checkSpan(memory: Memory, start: number, end: number, what: string): void {
  if (end <= memory.byteLength && !(end === 0 && isDetached(memory))) return;
  throw spanError(memory, start, end, what);
}

/**
 * The `BufferError` {@link checkSpan} throws, for callers that test bounds themselves on a
 * hot path and need the message only on failure.
 *
 * @example
 * ```ts
 * if (end > ab.byteLength) throw spanError(ab, 0, end, "toTypedArray");
 * ```
 */
export function spanError(memory: Memory, start: number, end: number, what: string): BufferError {
  if (isDetached(memory)) {
    return new BufferError(`${what}: the underlying ArrayBuffer is detached`);
  }
  return new BufferError(
    `${what}: the underlying buffer was shrunk to ${memory.byteLength} bytes, ` +
      `but the view needs bytes ${start} to ${end}`,
  );
}

export { isDetached };
