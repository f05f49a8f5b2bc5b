/**
 * Python 2's `buffer` type: the Python-level operations of a buffer object (length,
 * items, slices, `+`, `*`, comparison, hash, `str`, repr) over the data and slots of
 * {@link BufferCore}. Each method is a thin front for the module that mirrors the C
 * function (`item.ts`, `slicing.ts`, `operators.ts`, `compare.ts`, `repr.ts`).
 */

import { tp_name } from "@pybuffer/struct";
import { installPrinting } from "@pybuffer/struct/print";
import { slotArity } from "./arity.js";
import { BufferCore, type BufferInit } from "./buffer-core.js";
import { buffersEqual, compareBuffers, contains } from "./compare.js";
import { getItem, setItem } from "./item.js";
import { concat, repeat } from "./operators.js";
import { bufferSummary } from "./print.js";
import { bufferRepr } from "./repr.js";
import { segmentBytes } from "./segment.js";
import { getSlice, setSlice } from "./slicing.js";
import { stringHash } from "./string-hash.js";

/**
 * A Python int: an integral number, a bigint or a boolean.
 *
 * @example
 * const i: PyIndex = 2n ** 62n;
 */
export type PyIndex = number | bigint | boolean;

/**
 * `Py_END_OF_BUFFER`: a size meaning "to the end of the base's buffer".
 *
 * @example
 * fromObject(data, 2, Py_END_OF_BUFFER); // bytes 2.. of data, however long it gets
 */
export const Py_END_OF_BUFFER = -1;

const TOKEN: unique symbol = Symbol("BufferObject");

function latin1(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 0x2000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  }
  return out;
}

/**
 * A Python 2 `buffer` object. Make one with {@link buffer}, {@link fromObject},
 * {@link fromReadWriteObject}, {@link fromMemory}, {@link fromReadWriteMemory} or
 * {@link alloc}; like CPython's type it cannot be subclassed or built with `new`.
 *
 * @example
 * const b = buffer(new Uint8Array([104, 105]));
 * b.length; // 2
 * b.repr(); // "<read-only buffer for 0x7f…, size -1, offset 0 at 0x7f…>"
 */
export class BufferObject extends BufferCore {
  static {
    // Python's name for the type, in messages ("…, not buffer").
    Object.defineProperty(BufferObject.prototype, tp_name, { value: "buffer", configurable: true });
    // Node's util.inspect (console.log) shows the repr with the first bytes; String(b)
    // stays Python 2's str(b) (toString below).
    installPrinting(BufferObject.prototype, bufferSummary, false);
  }

  /** @internal */
  constructor(token: symbol, init: BufferInit) {
    if (new.target !== BufferObject) {
      throw new TypeError("type 'buffer' is not an acceptable base type");
    }
    if (token !== TOKEN) {
      throw new TypeError("cannot create 'buffer' instances with new: use buffer()");
    }
    super(init);
  }

  /**
   * `len(b)`: the current length (the base is asked again).
   *
   * @example
   * buffer(bytes("abc"), 1).length; // 2
   */
  get length(): number {
    return this._region("any").len;
  }

  /**
   * `b[i]`: the byte at `index` (negative from the end) as a 1-byte Uint8Array.
   *
   * @example
   * buffer(bytes("abc")).get(-1); // Uint8Array [99]
   */
  get(index: PyIndex): Uint8Array {
    // biome-ignore lint/complexity/noArguments: Python's arity errors need the real argument count
    slotArity(1, arguments.length);
    return getItem(this, index);
  }

  /**
   * `b[start:stop]` / `b[start:stop:step]`: a copy of those bytes (2.7: a str).
   * `null` or `undefined` bounds are omitted ones.
   *
   * @example
   * buffer(bytes("abcdef")).slice(1, 3); // "bc" as bytes
   */
  slice(start?: PyIndex | null, stop?: PyIndex | null, step?: PyIndex | null): Uint8Array {
    return getSlice(this, start, stop, step);
  }

  /**
   * `b[i] = value` on a writable buffer: `value` must be a 1-byte buffer.
   *
   * @example
   * fromReadWriteObject(data, 0, Py_END_OF_BUFFER).set(0, bytes("x"));
   */
  set(index: PyIndex, value: unknown): void {
    // biome-ignore lint/complexity/noArguments: Python's arity errors need the real argument count
    slotArity(2, arguments.length, " ");
    setItem(this, index, value);
  }

  /**
   * `b[start:stop] = value` (or with `step`): `value` must have the slice's length.
   *
   * @example
   * fromReadWriteObject(data, 0, Py_END_OF_BUFFER).setSlice(0, 2, bytes("xy"));
   */
  setSlice(
    start: PyIndex | null | undefined,
    stop: PyIndex | null | undefined,
    value: unknown,
    step?: PyIndex | null,
  ): void {
    setSlice(this, start, stop, value, step);
  }

  /**
   * `b + other`: new bytes; `other` itself when this buffer is empty (as in 2.7).
   *
   * @example
   * buffer(bytes("ab")).concat(bytes("c")); // "abc" as bytes
   */
  concat<T>(other: T): Uint8Array | T {
    // biome-ignore lint/complexity/noArguments: Python's arity errors need the real argument count
    slotArity(1, arguments.length);
    return concat(this, other);
  }

  /**
   * `b * n`: the bytes `n` times (empty for `n <= 0`).
   *
   * @example
   * buffer(bytes("ab")).repeat(2); // "abab" as bytes
   */
  repeat(n: PyIndex): Uint8Array {
    // biome-ignore lint/complexity/noArguments: Python's arity errors need the real argument count
    slotArity(1, arguments.length, " ");
    return repeat(this, n);
  }

  /**
   * `cmp(b, other)`: -1, 0 or 1, by bytes against a buffer, by code points against a
   * string (2.7's unicode coercion: the bytes decoded as ASCII), else by Python 2's order
   * of unrelated types (None and numbers first, then type names: a Uint8Array is a `str`).
   *
   * @example
   * buffer(bytes("a")).compare(buffer(bytes("b"))); // -1
   */
  compare(other: unknown): -1 | 0 | 1 {
    // biome-ignore lint/complexity/noArguments: Python's arity errors need the real argument count
    slotArity(1, arguments.length);
    return compareBuffers(this, other);
  }

  /**
   * `b == other`: a buffer with the same bytes, or a string equal to the bytes decoded as
   * ASCII (never a str, as in 2.7).
   *
   * @example
   * buffer(bytes("a")).equals(buffer(bytes("a"))); // true
   */
  equals(other: unknown): boolean {
    return buffersEqual(this, other);
  }

  /**
   * `item in b`: whether a 1-byte `item` equals one of the bytes (not a substring test).
   *
   * @example
   * buffer(bytes("abc")).includes(bytes("b")); // true
   */
  includes(item: unknown): boolean {
    return contains(this, item);
  }

  /**
   * `hash(b)`: Python 2.7's str hash of the current bytes as a signed 64-bit bigint
   * (`hash(buffer(s)) == hash(s)`), computed once and cached like `b_hash` (so it
   * goes stale if the base changes, as in 2.7). Writable buffers refuse:
   * `TypeError("writable buffers are not hashable")`.
   *
   * @example
   * buffer(bytes("a")).hash(); // 12416037344n
   */
  hash(): bigint {
    // biome-ignore lint/complexity/noArguments: Python's arity errors need the real argument count
    slotArity(0, arguments.length);
    if (this._hash !== undefined) return this._hash;
    if (!this.readonly) throw new TypeError("writable buffers are not hashable");
    this._hash = stringHash(segmentBytes(this._region("any")));
    return this._hash;
  }

  /**
   * `str(b)`: a copy of the current bytes.
   *
   * @example
   * buffer(bytes("abc"), 1).toBytes(); // "bc" as bytes
   */
  toBytes(): Uint8Array {
    // biome-ignore lint/complexity/noArguments: Python's arity errors need the real argument count
    slotArity(0, arguments.length);
    return segmentBytes(this._region("any")).slice();
  }

  /**
   * `str(b)` as a JavaScript "binary string": one UTF-16 code unit per byte (Latin-1),
   * which is what a Python 2 str is. Use {@link repr} for the repr.
   *
   * @example
   * String(buffer(bytes("hi"))); // "hi"
   */
  override toString(): string {
    return latin1(this.toBytes());
  }

  /**
   * `repr(b)` in Python 2.7's shape, with stable fake addresses.
   *
   * @example
   * buffer(bytes("abc")).repr(); // "<read-only buffer for 0x7f…, size -1, offset 0 at 0x7f…>"
   */
  repr(): string {
    // biome-ignore lint/complexity/noArguments: Python's arity errors need the real argument count
    slotArity(0, arguments.length);
    return bufferRepr(this);
  }

  /**
   * `iter(b)`: 1-byte Uint8Arrays; the length is asked again before each item.
   *
   * @example
   * [...buffer(bytes("ab"))]; // [Uint8Array [97], Uint8Array [98]]
   */
  *[Symbol.iterator](): Generator<Uint8Array, void, undefined> {
    for (let i = 0; ; i++) {
      const region = this._region("any");
      if (i >= region.len) return;
      yield segmentBytes(region).slice(i, i + 1);
    }
  }
}

/**
 * Makes a buffer object from its fields (`buffer_from_memory`'s last step). Not
 * exported from the package: the constructors check their arguments first. @internal
 *
 * @example
 * createBufferObject({ base: null, memory, ptr: 0, size: 4n, offset: 0n, readonly: true });
 */
export function createBufferObject(init: BufferInit): BufferObject {
  return new BufferObject(TOKEN, init);
}

/**
 * `PyBuffer_Check(p)`: whether `value` is a buffer object.
 *
 * @example
 * isBuffer(buffer(new Uint8Array(1))); // true
 * isBuffer(new Uint8Array(1)); // false
 */
export function isBuffer(value: unknown): value is BufferObject {
  return value instanceof BufferObject;
}
