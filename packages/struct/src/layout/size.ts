/**
 * Size arithmetic with CPython's overflow rule: a struct may not exceed the ABI's
 * `PY_SSIZE_T_MAX` bytes ("total struct size too long"; 2^31 - 1 on wasm32). A size is a
 * `number` while below 2^53 and an exact `bigint` beyond, so that the overflow check is
 * CPython's to the byte; a final size that a number cannot hold exactly is an
 * `OverflowError` (see {@link exactSize}).
 */
import { OverflowError, StructError } from "../errors.js";
import type { Abi } from "../types.js";

/** `PY_SSIZE_T_MAX` on 64-bit builds. */
export const SSIZE_MAX = 0x7fffffffffffffffn;

/**
 * `PY_SSIZE_T_MAX` of an ABI: `Py_ssize_t` is as wide as a pointer (32 bits on wasm32).
 *
 * @example
 * ssizeMax("wasm32"); // 2147483647n
 */
export function ssizeMax(abi: Abi): bigint {
  return abi === "wasm32" ? 0x7fffffffn : SSIZE_MAX;
}

/**
 * The error for a repeat count or a total that does not fit.
 *
 * @example
 * throw tooLong();
 */
export function tooLong(): StructError {
  return new StructError("total struct size too long");
}

/** A byte count: a number while exact, a bigint past 2^53. */
export type Size = number | bigint;

/**
 * `off + n * size`, or "total struct size too long" past `max`; `fast` is `max` as a
 * number where it is one exactly, else `Number.MAX_SAFE_INTEGER`.
 *
 * @example
 * grow(4, 3, 2, SSIZE_MAX, Number.MAX_SAFE_INTEGER); // 10
 */
export function grow(off: Size, n: Size, size: number, max: bigint, fast: number): Size {
  if (typeof off === "number" && typeof n === "number") {
    const r = off + n * size;
    if (r <= fast) return r;
  }
  const r = BigInt(off) + BigInt(n) * BigInt(size);
  if (r > max) throw tooLong();
  return r <= fast ? Number(r) : r;
}

/**
 * A size as a number, or an `OverflowError` when a number cannot hold it exactly (a struct
 * past 2^53 bytes that CPython accepts still cannot be addressed here).
 *
 * @example
 * exactSize(2n ** 60n); // 1152921504606846976
 */
export function exactSize(size: Size): number {
  const n = Number(size);
  if (typeof size === "bigint" && BigInt(n) !== size) {
    throw new OverflowError(
      `struct size ${size} is not exactly representable as a JavaScript number (above 2**53)`,
    );
  }
  return n;
}
