/**
 * `b + x` and `b * n` (`buffer_concat`, `buffer_repeat`). Both give new bytes (Python
 * 2.7: a str), with one exception kept from CPython: an empty buffer plus `x` returns
 * `x` itself, whatever its type.
 */
import { MemoryError, OverflowError } from "@pybuffer/struct";
import type { BufferObject } from "./buffer-object.js";
import { operandReader } from "./operand.js";
import { PY_SSIZE_T_MAX, repeatCountArg } from "./py-int.js";
import { segmentBytes } from "./segment.js";

/** `PyStringObject_SIZE` on LP64: a str's header before its bytes, plus the NUL. */
const STRING_HEADER = 37n;
/**
 * Results past this many bytes are refused up front with MemoryError (Python 2.7 would
 * try to allocate them and, mostly, raise MemoryError): no engine hands out such
 * Uint8Arrays, and some would first reserve address space lazily and then spend
 * minutes filling it.
 */
const MAX_RESULT = 2 ** 32;

/**
 * `b + other`: this buffer's bytes followed by `other`'s (any one-segment buffer).
 * When this buffer is empty, returns `other` itself, as Python 2.7 does.
 *
 * @example
 * concat(buffer(bytes("ab")), bytes("cd")); // "abcd" as bytes
 * concat(buffer(bytes("")), x) === x; // true
 */
export function concat<T>(self: BufferObject, other: T): Uint8Array | T {
  const read = operandReader(other);
  const region = self._region("any");
  if (region.len === 0) return other;
  const segment = read();
  const tail = segmentBytes(segment);
  // After the operand's proc (exporter code): segmentBytes checks our memory again.
  const head = segmentBytes(region);
  const out = new Uint8Array(head.length + tail.length);
  out.set(head, 0);
  out.set(tail, head.length);
  return out;
}

/**
 * `b * n` / `n * b`: the bytes repeated `n` times; `n <= 0` gives empty bytes.
 *
 * Errors: `TypeError("can't multiply sequence by non-int of type 'float'")` (and other
 * types); `OverflowError("cannot fit 'long' into an index-sized integer")` past
 * `Py_ssize_t`; `MemoryError("result too large")` as CPython, and also for results over
 * 4 GiB; `OverflowError("string is too large")` as CPython for totals
 * just under 2^63. An empty buffer repeated any number of times is empty (2.7.18
 * crashes with SIGFPE on `buffer('') * 2**62`).
 *
 * @example
 * repeat(buffer(bytes("ab")), 3); // "ababab" as bytes
 */
export function repeat(self: BufferObject, n: unknown): Uint8Array {
  let count = repeatCountArg(n);
  if (count < 0n) count = 0n;
  const region = self._region("any");
  const size = region.len;
  if (size === 0 || count === 0n) return new Uint8Array(0);
  if (count > PY_SSIZE_T_MAX / BigInt(size)) throw new MemoryError("result too large");
  const total = count * BigInt(size);
  if (total > PY_SSIZE_T_MAX - STRING_HEADER) throw new OverflowError("string is too large");
  if (total > BigInt(MAX_RESULT)) throw new MemoryError("result too large");
  const out = new Uint8Array(Number(total));
  out.set(segmentBytes(region), 0);
  // Double the filled prefix: log2(count) copies, not count.
  for (let filled = size; filled < out.length; filled *= 2) {
    out.copyWithin(filled, 0, Math.min(filled, out.length - filled));
  }
  return out;
}
