/**
 * Size accounting with CPython's overflow rule: a struct may not exceed
 * `PY_SSIZE_T_MAX` bytes of the ABI ("total struct size too long"; 2^31 - 1 on wasm32). Sizes are `number`s up
 * to 2^53 and tracked exactly as `bigint` beyond, so that the overflow check is
 * CPython's to the byte; a final size that a number cannot hold exactly is an
 * `OverflowError` (see `checkExact`).
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

/**
 * A running byte offset checked against `PY_SSIZE_T_MAX` (of the ABI given).
 *
 * @example
 * const c = new SizeCursor();
 * c.add(3, 4); // c.offset === 12
 */
export class SizeCursor {
  /** The offset as a number (exact while below 2^53). */
  offset = 0;
  private exact: bigint | null = null;
  private readonly max: bigint;
  /** `max` as a number when it is one exactly (32-bit ABIs), else past every safe integer. */
  private readonly fastMax: number;

  constructor(max: bigint = SSIZE_MAX) {
    this.max = max;
    this.fastMax = max <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(max) : Number.POSITIVE_INFINITY;
  }

  /** Round the offset up to a multiple of `align` (a power of two). */
  align(align: number): void {
    if (align <= 1) return;
    if (this.exact === null) {
      const r = Math.ceil(this.offset / align) * align;
      if (Number.isSafeInteger(r) && r <= this.fastMax) {
        this.offset = r;
        return;
      }
      this.exact = BigInt(this.offset);
    }
    const a = BigInt(align);
    const r = ((this.exact + a - 1n) / a) * a;
    if (r > this.max) throw tooLong();
    this.set(r);
  }

  /** Add `count` elements of `size` bytes. */
  add(count: number | bigint, size: number): void {
    if (this.exact === null && typeof count === "number") {
      const r = this.offset + count * size;
      if (Number.isSafeInteger(r) && r <= this.fastMax) {
        this.offset = r;
        return;
      }
    }
    const base = this.exact ?? BigInt(this.offset);
    const r = base + BigInt(count) * BigInt(size);
    if (r > this.max) throw tooLong();
    this.set(r);
  }

  /**
   * Throw unless the offset is exactly a JavaScript number: a struct past 2^53
   * bytes that CPython accepts still cannot be addressed here.
   */
  checkExact(): void {
    const r = this.exact;
    if (r !== null && BigInt(this.offset) !== r) {
      throw new OverflowError(
        `struct size ${r} is not exactly representable as a JavaScript number (above 2**53)`,
      );
    }
  }

  private set(r: bigint): void {
    this.exact = r;
    this.offset = Number(r);
  }
}
