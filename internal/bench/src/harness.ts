/**
 * Timing, as in perf-baseline's harness: warm-up calls first (the first one's result is
 * checked), then `rounds` rounds in which every case runs once, in rotated order, timed
 * with `process.hrtime.bigint()` around one whole call. A full GC (`node --expose-gc`)
 * runs before each timed call, outside the timing. Results are kept in `sink` so the
 * JIT cannot drop the work.
 *
 * One addition: each timed call follows an untimed call of the same case. V8 sizes its
 * young generation (and decides what to pretenure) from the allocations it has just
 * seen, and rotation gives every case the same predecessor in every round, so a case
 * was timed on a heap tuned for its neighbour. Measured on unpack-qQ-safe: unpackMany
 * ran at 1.31× the getBigInt64 loop with all rows, at 0.92–1.10× beside the loop alone,
 * and at 1.02–1.04× with all rows once each timed call had its own untimed call first.
 */
import { type BenchCase, isUnavailable, type Row, type Section } from "./case.js";

export interface Timing {
  readonly rounds: number;
  readonly warmup: number;
}

/** One measured row: per-round nanoseconds for one whole call. */
export interface Measured {
  readonly name: string;
  readonly kind: BenchCase["kind"];
  readonly samplesNs: number[];
}

const gc: () => void =
  typeof globalThis.gc === "function" ? (globalThis.gc as () => void) : () => {};
let sink: unknown = null;

/** The value last returned by a timed call (read it so the work stays observable). */
export function lastResult(): unknown {
  return sink;
}

export function hasGc(): boolean {
  return typeof globalThis.gc === "function";
}

export function runSection<D>(section: Section<D>, data: D, rows: Row<D>[], timing: Timing) {
  const runnable = rows.filter((r): r is BenchCase<D> => !isUnavailable(r));
  const fns = runnable.map((row) => {
    const verify = section.checks[row.output];
    if (verify === undefined) throw new Error(`${section.id}: no check for output "${row.output}"`);
    const fn = row.setup(data);
    return { row, fn, verify };
  });
  for (let w = 0; w < Math.max(1, timing.warmup); w++) {
    for (const { row, fn, verify } of fns) {
      gc();
      sink = fn();
      if (w === 0) {
        try {
          verify(sink, data);
        } catch (error) {
          throw new Error(`${section.id} / ${row.name}: ${(error as Error).message}`);
        }
      }
    }
  }
  const samples = fns.map(() => [] as number[]);
  for (let round = 0; round < timing.rounds; round++) {
    for (let j = 0; j < fns.length; j++) {
      const k = (j + round) % fns.length;
      sink = null;
      gc();
      // An untimed call of the same case first, so the heap is sized for this case and
      // not for the one before it (see the note at the top).
      sink = fns[k]!.fn();
      sink = null;
      gc();
      const t0 = process.hrtime.bigint();
      sink = fns[k]!.fn();
      const t1 = process.hrtime.bigint();
      samples[k]!.push(Number(t1 - t0));
    }
  }
  sink = null;
  return fns.map(
    ({ row }, i): Measured => ({ name: row.name, kind: row.kind, samplesNs: samples[i]! }),
  );
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return Number.NaN;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}
