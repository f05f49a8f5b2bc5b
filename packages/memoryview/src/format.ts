/**
 * Format classification for memoryview: which formats have a native single-item codec
 * (CPython's `adjust_fmt` / `unpack_single` table), which count as byte formats for
 * `cast`, and the native item sizes per ABI. Mirrors the checks at the top of
 * `memoryobject.c`, in our own words.
 */
import type { Abi } from "@pybuffer/core";

/**
 * Native single-character codes memoryview reads and writes (CPython 3.12+ adds `e`).
 *
 * @example
 * NATIVE_CODES.includes("e"); // true
 */
export const NATIVE_CODES = "cbB?hHiIlLqQnNefdP";

/**
 * The native item size of a code memoryview supports, or 0 for any other code.
 *
 * @example
 * nativeSize("l", "lp64"); // 8
 * nativeSize("l", "llp64"); // 4
 */
export function nativeSize(code: string, abi: Abi): number {
  switch (code) {
    case "c":
    case "b":
    case "B":
    case "?":
      return 1;
    case "h":
    case "H":
    case "e":
      return 2;
    case "i":
    case "I":
    case "f":
      return 4;
    case "q":
    case "Q":
    case "d":
      return 8;
    case "l":
    case "L":
      return abi === "lp64" ? 8 : 4;
    case "n":
    case "N":
    case "P":
      return abi === "wasm32" ? 4 : 8;
    default:
      return 0;
  }
}

const SSIZE_LIMIT_32 = 2 ** 31;
const SSIZE_LIMIT_64 = 2 ** 63;

/**
 * `-PY_SSIZE_T_MIN` of an ABI: 2^63, or 2^31 on wasm32 (`Py_ssize_t` is as wide as `n`).
 * Indices, slice bounds, strides and shapes are checked, clamped or wrapped with it.
 *
 * @example
 * ssizeLimit("wasm32"); // 2147483648
 */
export function ssizeLimit(abi: Abi): number {
  // Computed once, not `2 ** (8 * size - 1)` per call: an exponent engines cannot fold was
  // ~a quarter of memoryview create + slice + release (bench slice-release, CPU profile).
  return abi === "wasm32" ? SSIZE_LIMIT_32 : SSIZE_LIMIT_64;
}

/**
 * `adjust_fmt`: the single character of a format after an optional leading `@`, or
 * `null` when the format is not one character long (multi-character formats such as
 * `<i` or `T{...}` are what CPython's memoryview calls "unsupported").
 *
 * @example
 * singleCode("@d"); // "d"
 * singleCode("<d"); // null
 */
export function singleCode(format: string): string | null {
  const start = format.charCodeAt(0) === 64 /* @ */ ? 1 : 0;
  return format.length - start === 1 ? (format[start] as string) : null;
}

/**
 * The native code of `format` when memoryview has a native codec for it, else `null`.
 *
 * @example
 * nativeCode("@B"); // "B"
 * nativeCode("w"); // null
 */
export function nativeCode(format: string): string | null {
  const code = singleCode(format);
  return code !== null && NATIVE_CODES.includes(code) ? code : null;
}

/**
 * Whether `format` is one of the byte formats `B`, `b`, `c` (optional `@`), the formats a
 * cast may start from or go to freely, and the ones `hash()` accepts.
 *
 * @example
 * isByteFormat("@c"); // true
 * isByteFormat("<B"); // false
 */
export function isByteFormat(format: string): boolean {
  const code = singleCode(format);
  return code === "B" || code === "b" || code === "c";
}

/**
 * `equiv_format` for slice assignment: format strings equal after one leading `@`.
 *
 * @example
 * sameFormat("@B", "B"); // true
 * sameFormat("B", "b"); // false
 */
export function sameFormat(a: string, b: string): boolean {
  const x = a.charCodeAt(0) === 64 ? a.slice(1) : a;
  const y = b.charCodeAt(0) === 64 ? b.slice(1) : b;
  return x === y;
}
