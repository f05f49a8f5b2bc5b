/**
 * Backing-store checks: is a value an ArrayBuffer or SharedArrayBuffer, is it detached
 * (the bounds of an export are core's `LayoutExporter`'s to check). Whether a buffer is
 * detached is core's `isDetached` (re-exported here), which tells a legal empty buffer
 * from a detached one on every engine. A SharedArrayBuffer is never detached and only
 * grows.
 */
import { isDetached, type Memory } from "@pybuffer/core";

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

export { isDetached };
