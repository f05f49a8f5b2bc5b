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

const COMMON_NATIVE: Record<string, CodeInfo> = {
  x: { size: 1, align: 1 },
  c: { size: 1, align: 1 },
  b: { size: 1, align: 1 },
  B: { size: 1, align: 1 },
  "?": { size: 1, align: 1 },
  h: { size: 2, align: 2 },
  H: { size: 2, align: 2 },
  i: { size: 4, align: 4 },
  I: { size: 4, align: 4 },
  q: { size: 8, align: 8 },
  Q: { size: 8, align: 8 },
  e: { size: 2, align: 2 },
  f: { size: 4, align: 4 },
  d: { size: 8, align: 8 },
  F: { size: 8, align: 4 },
  D: { size: 16, align: 8 },
  Zf: { size: 8, align: 4 },
  Zd: { size: 16, align: 8 },
  s: { size: 1, align: 1 },
  p: { size: 1, align: 1 },
  u: { size: 2, align: 2 },
  w: { size: 4, align: 4 },
  t: { size: 1, align: 1 },
};

function nativeTable(long: number, ptr: number, longDouble: number): Record<string, CodeInfo> {
  const word = { size: ptr, align: ptr };
  return {
    ...COMMON_NATIVE,
    l: { size: long, align: long },
    L: { size: long, align: long },
    n: word,
    N: word,
    P: word,
    O: word,
    "&": word,
    g: { size: longDouble, align: longDouble },
    Zg: { size: 2 * longDouble, align: longDouble },
  };
}

const NATIVE: Record<Abi, Record<string, CodeInfo>> = {
  lp64: nativeTable(8, 8, 16),
  llp64: nativeTable(4, 8, 8),
  wasm32: nativeTable(4, 4, 16),
};

/** Standard sizes (`= < > !`); `n N P g Zg` do not exist there (CPython: bad char). */
const STANDARD: Record<string, number> = {
  x: 1,
  c: 1,
  b: 1,
  B: 1,
  "?": 1,
  h: 2,
  H: 2,
  i: 4,
  I: 4,
  l: 4,
  L: 4,
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

/**
 * Size and alignment of `code` in a native (`native = true`) or standard mode, or
 * `undefined` when the code does not exist there.
 *
 * @example
 * codeInfo("l", true, "llp64"); // { size: 4, align: 4 }
 */
export function codeInfo(code: string, native: boolean, abi: Abi): CodeInfo | undefined {
  if (native) return Object.hasOwn(NATIVE[abi], code) ? NATIVE[abi][code] : undefined;
  if (code === "O" || code === "&") return codeInfo(code, true, abi);
  const size = Object.hasOwn(STANDARD, code) ? STANDARD[code] : undefined;
  return size === undefined ? undefined : { size, align: 1 };
}
