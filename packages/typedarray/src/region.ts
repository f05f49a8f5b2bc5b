/**
 * The bytes an ArrayBufferView covers: its buffer, byte offset and byte length, read
 * so that the platform's silent failure modes become clear errors.
 *
 * A fixed-length view over a resizable ArrayBuffer that was shrunk past it reports
 * `length 0` and `byteOffset 0` instead of failing, and a fixed-length DataView throws a
 * `TypeError` that wrongly says "detached". {@link viewRegion} tells these cases apart.
 */
import type { Memory } from "@pybuffer/core";
import { BufferError } from "@pybuffer/struct";
import { isDetached } from "./memory.js";

/** A run of bytes in one backing store. */
export interface Region {
  readonly memory: Memory;
  readonly byteOffset: number;
  readonly byteLength: number;
}

type Getter<T> = (this: unknown) => T;

function getter<T>(proto: object, name: string): Getter<T> {
  return Object.getOwnPropertyDescriptor(proto, name)?.get as Getter<T>;
}

// The platform's own accessors, read once: a view's own properties (or a subclass's
// overrides) cannot make it claim another offset or length, and so reach other bytes.
const TYPED_ARRAY = Object.getPrototypeOf(Int8Array.prototype) as object;
const ACCESSORS = {
  typed: {
    buffer: getter<ArrayBufferLike>(TYPED_ARRAY, "buffer"),
    byteOffset: getter<number>(TYPED_ARRAY, "byteOffset"),
    byteLength: getter<number>(TYPED_ARRAY, "byteLength"),
  },
  data: {
    buffer: getter<ArrayBufferLike>(DataView.prototype, "buffer"),
    byteOffset: getter<number>(DataView.prototype, "byteOffset"),
    byteLength: getter<number>(DataView.prototype, "byteLength"),
  },
};
const subarray = (TYPED_ARRAY as { subarray: (this: unknown, begin: number) => ArrayBufferView })
  .subarray;

function outOfBounds(what: string, memory: Memory): BufferError {
  return new BufferError(
    `${what}: the view lies outside its ArrayBuffer, which was shrunk to ${memory.byteLength} bytes`,
  );
}

/** A TypedArray reporting 0 bytes at offset 0 over a resizable buffer may be out of bounds. */
function isOutOfBounds(view: ArrayBufferView): boolean {
  try {
    // subarray() reads the array's real offset slot: it throws, or reveals the offset.
    return ACCESSORS.typed.byteOffset.call(subarray.call(view, 0)) !== 0;
  } catch {
    return true;
  }
}

/**
 * The region of a TypedArray or DataView (`typed` says which), read through the
 * platform's own accessors, or `BufferError` when its buffer is detached or was shrunk so
 * that the view is out of bounds. `what` names the caller in messages.
 *
 * @example
 * ```ts
 * const pool = new ArrayBuffer(64);
 * viewRegion(new Uint8Array(pool, 8, 4), true, "fromTypedArray");
 * // { memory: pool, byteOffset: 8, byteLength: 4 }
 * ```
 */
export function viewRegion(view: ArrayBufferView, typed: boolean, what: string): Region {
  const get = typed ? ACCESSORS.typed : ACCESSORS.data;
  const memory = get.buffer.call(view) as Memory;
  let byteOffset: number;
  let byteLength: number;
  try {
    byteOffset = get.byteOffset.call(view);
    byteLength = get.byteLength.call(view);
  } catch {
    // A DataView detached or out of bounds throws from its getters.
    throw isDetached(memory) ? detachedError(what) : outOfBounds(what, memory);
  }
  // A detached or out-of-bounds TypedArray reads as 0 bytes: only then is there more to ask.
  if (byteLength === 0) checkEmpty(view, typed, memory, byteOffset, what);
  return { memory, byteOffset, byteLength };
}

function detachedError(what: string): BufferError {
  return new BufferError(`${what}: the view's ArrayBuffer is detached`);
}

/** Whether a view that reads as 0 bytes is detached or out of bounds, or truly empty. */
function checkEmpty(
  view: ArrayBufferView,
  typed: boolean,
  memory: Memory,
  byteOffset: number,
  what: string,
): void {
  if (isDetached(memory)) throw detachedError(what);
  if (
    typed &&
    byteOffset === 0 &&
    (memory as { resizable?: boolean }).resizable === true &&
    isOutOfBounds(view)
  ) {
    throw outOfBounds(what, memory);
  }
}
