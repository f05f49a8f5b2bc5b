/**
 * Seeded record data for the struct sections (as perf-baseline's gen_data.py: I, H, H
 * full range, doubles uniform in ±1e6; `<qQ` as safe integers or the full 64-bit range).
 * The reference values come from the generator, not from any benchmarked decoder.
 */

import type { Scale } from "./case.js";
import { prng, uniform } from "./prng.js";

export const RECORDS: Record<Scale, number> = { full: 1_000_000, quick: 2_000 };

export type IHHd = [number, number, number, number];

export interface IHHdData {
  readonly n: number;
  /** `n` records `<IHHd`, 16 bytes each, in an ArrayBuffer of its own at offset 0. */
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly tuples: IHHd[];
  readonly columns: readonly [Uint32Array, Uint16Array, Uint16Array, Float64Array];
}

export function makeIHHd(n: number): IHHdData {
  const next = prng();
  const bytes = new Uint8Array(n * 16);
  const dv = new DataView(bytes.buffer);
  const tuples: IHHd[] = new Array(n);
  const columns = [
    new Uint32Array(n),
    new Uint16Array(n),
    new Uint16Array(n),
    new Float64Array(n),
  ] as const;
  for (let i = 0; i < n; i++) {
    const r: IHHd = [next(), next() >>> 16, next() & 0xffff, uniform(next, -1e6, 1e6)];
    tuples[i] = r;
    columns[0][i] = r[0];
    columns[1][i] = r[1];
    columns[2][i] = r[2];
    columns[3][i] = r[3];
    dv.setUint32(i * 16, r[0], true);
    dv.setUint16(i * 16 + 4, r[1], true);
    dv.setUint16(i * 16 + 6, r[2], true);
    dv.setFloat64(i * 16 + 8, r[3], true);
  }
  return { n, bytes, tuples, columns };
}

export type QQ = [bigint, bigint];

export interface QQData {
  readonly n: number;
  /** `safe`: every value a safe integer (|v| < 2^53); `full`: the whole 64-bit range. */
  readonly range: "safe" | "full";
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly tuples: QQ[];
}

function u64(next: () => number): bigint {
  return (BigInt(next()) << 32n) | BigInt(next());
}

export function makeQQ(n: number, range: "safe" | "full"): QQData {
  const next = prng(range === "safe" ? 12346 : 12347);
  const bytes = new Uint8Array(n * 16);
  const dv = new DataView(bytes.buffer);
  const tuples: QQ[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r: QQ =
      range === "safe"
        ? [BigInt.asIntN(54, u64(next)) % (1n << 53n), BigInt.asUintN(53, u64(next))]
        : [BigInt.asIntN(64, u64(next)), u64(next)];
    tuples[i] = r;
    dv.setBigInt64(i * 16, r[0], true);
    dv.setBigUint64(i * 16 + 8, r[1], true);
  }
  return { n, range, bytes, tuples };
}

/** Indexes the checks sample: every 997th record and the last (as perf-baseline). */
export function sampleIndexes(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i += 997) out.push(i);
  if (n > 0 && out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}

/** JSON with bigints written as exact integers (Python's json reads them exactly). */
export function jsonWithBigInts(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `@big:${v}` : v)).replace(
    /"@big:(-?\d+)"/g,
    "$1",
  );
}
