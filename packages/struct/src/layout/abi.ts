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
 * Native size of each code on every ABI, as `code size[/align]` (the alignment is the size
 * unless given): CPython's `native_table`, plus the PEP 3118 codes.
 */
const COMMON_NATIVE =
  "x1 c1 b1 B1 ?1 h2 H2 i4 I4 q8 Q8 e2 f4 d8 F8/4 D16/8 Zf8/4 Zd16/8 s1 p1 u2 w4 t1";

/** `long`, pointer and `long double` sizes of each ABI. */
const WIDTHS: Readonly<Record<Abi, readonly [number, number, number]>> = {
  lp64: [8, 8, 16],
  llp64: [4, 8, 8],
  wasm32: [4, 4, 16],
};

const tables = new Map<Abi, Readonly<Record<string, CodeInfo>>>();

/** The native table of an ABI (made on first use). */
function nativeTable(abi: Abi): Readonly<Record<string, CodeInfo>> {
  let table = tables.get(abi);
  if (table === undefined) {
    const [long, ptr, ld] = WIDTHS[abi];
    const spec = `${COMMON_NATIVE} l${long} L${long} n${ptr} N${ptr} P${ptr} O${ptr} &${ptr} g${ld} Zg${2 * ld}/${ld}`;
    const made: Record<string, CodeInfo> = {};
    for (const item of spec.split(" ")) {
      const [, code, size, align] = /^(\D+)(\d+)(?:\/(\d+))?$/.exec(item)!;
      made[code!] = { size: Number(size), align: Number(align ?? size) };
    }
    table = made;
    tables.set(abi, table);
  }
  return table;
}

/** Codes of the standard modes (`= < > !`); `n N P g Zg` do not exist there (CPython: bad char). */
const STANDARD = /^(?:[xcbB?hHiIlLqQefdFDspuwt]|Z[fd])$/;

/**
 * Size and alignment of `code` in a native (`native = true`) or standard mode, or
 * `undefined` when the code does not exist there.
 *
 * @example
 * codeInfo("l", true, "llp64"); // { size: 4, align: 4 }
 */
export function codeInfo(code: string, native: boolean, abi: Abi): CodeInfo | undefined {
  const table = nativeTable(abi);
  if (native || code === "O" || code === "&") {
    return Object.hasOwn(table, code) ? table[code] : undefined;
  }
  if (!STANDARD.test(code)) return undefined;
  // Standard sizes are the native ones of LP64 but for `l L` (4 bytes); no alignment.
  return { size: code === "l" || code === "L" ? 4 : table[code]!.size, align: 1 };
}
