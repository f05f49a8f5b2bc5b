/**
 * Buffer arguments (CPython's `y*` / `w*` conversions): any ArrayBufferView,
 * ArrayBuffer or SharedArrayBuffer becomes a `DataView`, cached for the last
 * buffer seen so that repeated single-item access allocates nothing. Detached
 * buffers give a `ValueError`, never garbage.
 */
import { ValueError } from "./errors.js";
import { pyTypeName } from "./py-types.js";

// A key no argument can be (null and undefined are arguments: they must miss the cache).
const NO_KEY: unique symbol = Symbol("no buffer yet");
let lastKey: unknown = NO_KEY;
/**
 * What tells whether `lastKey` still has the bytes of `lastView`: a typed array's
 * `length` (V8 inlines it; its `byteLength` is a slow builtin call), else the
 * `byteLength` of the DataView or ArrayBuffer. A detached buffer reads 0, a resized one
 * its new size, and only non-empty views are cached, so any change misses the cache.
 */
let lastCheck = -1;
let lastTyped = false;
let lastView: DataView | null = null;
let lastLen = 0;

/**
 * The byte length of the `DataView` the last {@link dataViewOf} call returned (what
 * its `byteLength` reads, without the getter's cost).
 */
export let viewLength = 0;

function detached(): ValueError {
  return new ValueError("cannot use a detached ArrayBuffer");
}

/**
 * Whether an ArrayBuffer is detached (Node 20 has no `ArrayBuffer.prototype.detached`):
 * only a buffer of `byteLength` 0 can be, and making a view of it throws only then.
 */
function isDetached(buffer: ArrayBufferLike): boolean {
  if (buffer.byteLength !== 0 || !(buffer instanceof ArrayBuffer)) return false;
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

/**
 * Throw the family's `ValueError` if the bytes of a typed array value (an `s`, `p`
 * or `c` argument) are in a detached ArrayBuffer.
 *
 * @example
 * checkAttached(new Uint8Array(2)); // fine
 */
export function checkAttached(bytes: Uint8Array): void {
  if (bytes.length === 0 && isDetached(bytes.buffer)) throw detached();
}

/**
 * The family's `ValueError` for a `DataView` taken earlier in a call whose memory
 * has since been detached or shrunk below `end` bytes (user code ran: a getter of a
 * value, or another call between two steps of an iterator), or `null` when it still
 * holds `end` bytes. Callers ask it after an engine error, so the fast path pays
 * nothing.
 *
 * @example
 * memoryLost(new DataView(new ArrayBuffer(4)), 4); // null
 */
export function memoryLost(dv: DataView, end: number): ValueError | null {
  let len: number;
  try {
    len = dv.byteLength;
  } catch {
    // A fixed-length view over a resizable buffer that shrank past it, or detached.
    len = -1;
  }
  if (len >= end) return null;
  if (isDetached(dv.buffer)) return detached();
  return new ValueError(`the buffer shrank to ${dv.buffer.byteLength} bytes while in use`);
}

function notBuffer(value: unknown, write: boolean): TypeError {
  return new TypeError(
    write
      ? `argument must be read-write bytes-like object, not ${value == null ? "None" : pyTypeName(value)}`
      : `a bytes-like object is required, not '${pyTypeName(value)}'`,
  );
}

function isBufferLike(value: unknown): value is ArrayBuffer | SharedArrayBuffer {
  return (
    value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === "function" && value instanceof SharedArrayBuffer)
  );
}

function slowView(buffer: unknown, write: boolean): DataView {
  let view: DataView;
  try {
    if (buffer instanceof DataView) {
      // Not cached: a DataView's byteLength throws once detached (caught here only).
      viewLength = buffer.byteLength;
      return buffer;
    }
    if (ArrayBuffer.isView(buffer)) {
      view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } else if (isBufferLike(buffer)) {
      view = new DataView(buffer);
    } else {
      throw notBuffer(buffer, write);
    }
  } catch (e) {
    if (e instanceof TypeError && ArrayBuffer.isView(buffer)) throw detached();
    if (e instanceof TypeError && isBufferLike(buffer)) throw detached();
    throw e;
  }
  const len = view.byteLength;
  viewLength = len;
  if (len !== 0) {
    lastKey = buffer;
    lastTyped = ArrayBuffer.isView(buffer);
    lastCheck = lastTyped ? (buffer as Uint8Array).length : len;
    lastLen = len;
    lastView = view;
  }
  return view;
}

/**
 * A `DataView` over a buffer argument. `write` picks the `pack_into` wording of
 * the type error.
 *
 * @example
 * dataViewOf(new Uint8Array(4), false).byteLength; // 4
 */
export function dataViewOf(buffer: unknown, write: boolean): DataView {
  if (
    buffer === lastKey &&
    (lastTyped ? (buffer as Uint8Array).length : (buffer as DataView).byteLength) === lastCheck
  ) {
    viewLength = lastLen;
    return lastView!;
  }
  return slowView(buffer, write);
}

let bytesKey: DataView | null = null;
let bytesView: Uint8Array | null = null;

/**
 * A `Uint8Array` over the same bytes as `dv` (cached for the last one asked).
 *
 * @example
 * bytesOf(new DataView(new ArrayBuffer(2))).length; // 2
 */
export function bytesOf(dv: DataView): Uint8Array {
  if (dv !== bytesKey || bytesView === null) {
    bytesView = new Uint8Array(dv.buffer, dv.byteOffset, dv.byteLength);
    bytesKey = dv;
  }
  return bytesView;
}

/**
 * Forget the cached views (they keep the last buffer reachable until the next call).
 *
 * @example
 * forgetBufferViews();
 */
export function forgetBufferViews(): void {
  lastKey = NO_KEY;
  lastCheck = -1;
  lastView = null;
  bytesKey = null;
  bytesView = null;
}
