/**
 * Character-level helpers of the format grammar: whitespace (C `isspace`), digits,
 * repeat counts with CPython's overflow check, `:name:` and `(d1,d2)` shapes.
 */
import { StructError } from "../errors.js";
import { SSIZE_MAX, tooLong } from "../layout/size-cursor.js";

/**
 * Whether a char code is C `isspace`: space, `\t \n \v \f \r`.
 *
 * @example
 * isSpace(0x20); // true
 */
export function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * Whether a char code is a decimal digit.
 *
 * @example
 * isDigit(0x30); // true
 */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A number read from the format and where reading stopped. */
export interface Scanned<T> {
  readonly value: T;
  readonly end: number;
}

/**
 * Read the decimal count starting at `i` (a digit): a number, or a bigint past
 * 2^53; beyond `max` (the ABI's `PY_SSIZE_T_MAX`) it is "total struct size too long".
 *
 * @example
 * scanCount("12i", 0); // { value: 12, end: 2 }
 */
export function scanCount(
  fmt: string,
  i: number,
  max: bigint = SSIZE_MAX,
): Scanned<number | bigint> {
  let end = i;
  while (end < fmt.length && isDigit(fmt.charCodeAt(end))) end++;
  let first = i;
  while (first < end - 1 && fmt.charCodeAt(first) === 0x30) first++;
  const digits = fmt.slice(first, end);
  if (digits.length <= 9 || (digits.length <= 15 && Number(digits) <= max)) {
    return { value: Number(digits), end };
  }
  if (digits.length > 19) throw tooLong();
  // Leading zeros are legal; only the value counts.
  const big = BigInt(digits);
  if (big > max) throw tooLong();
  return { value: big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big, end };
}

/**
 * Read a `:name:` whose opening colon is at `i`.
 *
 * @example
 * scanName("i:x:", 1); // { value: "x", end: 4 }
 */
export function scanName(fmt: string, i: number): Scanned<string> {
  const close = fmt.indexOf(":", i + 1);
  // CPython has no names: an unterminated one is just a bad char there.
  if (close < 0) throw new StructError("bad char in struct format");
  return { value: fmt.slice(i + 1, close), end: close + 1 };
}

/** Most sub-array dimensions (NumPy's `NPY_MAXDIMS`); more is a `StructError`. */
export const MAX_DIMS = 64;

/**
 * Read a `(d1,d2,...)` sub-array shape whose `(` is at `i`. Each dimension is a
 * decimal number; the product must fit in a struct.
 *
 * @example
 * scanShape("(2,3)i", 0); // { value: [2, 3], end: 5 }
 */
export function scanShape(fmt: string, i: number): Scanned<number[]> {
  const close = fmt.indexOf(")", i);
  if (close < 0) throw new StructError("unterminated sub-array shape in struct format");
  const dims: number[] = [];
  const parts = fmt.slice(i + 1, close).split(",");
  if (parts.length > MAX_DIMS) {
    throw new StructError(`sub-array shape has more than ${MAX_DIMS} dimensions`);
  }
  for (const part of parts) {
    const text = part.trim();
    if (!/^[0-9]+$/.test(text)) {
      throw new StructError(`bad sub-array shape '${fmt.slice(i, close + 1)}' in struct format`);
    }
    const n = Number(text);
    if (!Number.isSafeInteger(n)) throw tooLong();
    dims.push(n);
  }
  return { value: dims, end: close + 1 };
}
