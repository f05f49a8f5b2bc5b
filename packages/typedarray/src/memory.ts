/**
 * Backing-store checks: is a value an ArrayBuffer or SharedArrayBuffer, is it detached
 * (the bounds of an export are core's `LayoutExporter`'s to check). Both are core's
 * (`isMemory`, `isDetached`, re-exported here): `isMemory` asks the platform's own
 * accessors, so an object that only looks like a buffer is refused, and `isDetached`
 * tells a legal empty buffer from a detached one on every engine. A SharedArrayBuffer
 * is never detached and only grows.
 */
import { isDetached, isMemory } from "@pybuffer/core";

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
  return objectTag.call(value) === "[object SharedArrayBuffer]" && isMemory(value);
}

export { isDetached, isMemory };
