/**
 * Size and alignment of every code, per ABI and mode: CPython's `native_table` and
 * the standard tables of `_struct.c`, extended with the PEP 3118 codes.
 */
import type { Abi } from "../types.js";

/** Size and alignment of one element of a code. */
export interface CodeInfo {
  readonly size: number;
  readonly align: number;
}

/**
 * Size of each code that has the same size on every ABI and in every mode: CPython's
 * `native_table` plus the PEP 3118 codes. The alignment is the size, but a complex
 * number's (`F D Zf Zd Zg`) is that of its parts.
 */
const SIZES: Readonly<Record<string, number>> = {
  x: 1,
  c: 1,
  b: 1,
  B: 1,
  "?": 1,
  h: 2,
  H: 2,
  i: 4,
  I: 4,
  q: 8,
  Q: 8,
  e: 2,
  f: 4,
  d: 8,
  F: 8,
  D: 16,
  Zf: 8,
  Zd: 16,
  s: 1,
  p: 1,
  u: 2,
  w: 4,
  t: 1,
};

/** `long`, pointer and `long double` sizes of each ABI. */
const WIDTHS: Readonly<Record<Abi, readonly [number, number, number]>> = {
  lp64: [8, 8, 16],
  llp64: [4, 8, 8],
  wasm32: [4, 4, 16],
};

/**
 * Size and alignment of `code` in a native (`native = true`) or standard mode, or
 * `undefined` when the code does not exist there.
 *
 * @example
 * codeInfo("l", true, "llp64"); // { size: 4, align: 4 }
 */
export function codeInfo(code: string, native: boolean, abi: Abi): CodeInfo | undefined {
  let size = SIZES[code];
  if (native || code === "O" || code === "&") {
    if (size === undefined) {
      const [long, ptr, ld] = WIDTHS[abi];
      const sizes: Readonly<Record<string, number>> = {
        l: long,
        L: long,
        n: ptr,
        N: ptr,
        P: ptr,
        O: ptr,
        "&": ptr,
        g: ld,
        Zg: 2 * ld,
      };
      size = sizes[code];
    }
    if (size === undefined) return undefined;
    return { size, align: "FDZ".includes(code[0]!) ? size / 2 : size };
  }
  // Standard sizes are those of LP64 but for `l L` (4 bytes); `n N P g Zg` do not exist
  // there (CPython: bad char); no alignment.
  if (code === "l" || code === "L") size = 4;
  return size === undefined ? undefined : { size, align: 1 };
}
