/** Seeded inputs and expected results for the memoryview sections (perf-baseline 4–5). */
import { createHash } from "node:crypto";
import type { Scale } from "./case.js";
import { prng, randomBytes, uniform } from "./prng.js";

/** Bytes of the big buffers: 64 MiB as perf-baseline, 64 KiB in the smoke run. */
export const BIG: Record<Scale, number> = { full: 64 << 20, quick: 64 << 10 };
/** Side of the square `'I'` matrix the transpose copies: 4096² × 4 B = 64 MiB. */
export const SIDE: Record<Scale, number> = { full: 4096, quick: 64 };
/** Items of the tolist / == sections. */
export const ITEMS: Record<Scale, number> = { full: 1_000_000, quick: 2_000 };
/** Bytes of the hex section: 16 MiB. */
export const HEX: Record<Scale, number> = { full: 16 << 20, quick: 16 << 10 };
/** Operations per timed call of the per-op sections (slice, cast). */
export const OPS: Record<Scale, number> = { full: 1_000_000, quick: 2_000 };

export function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

export { randomBytes };

/** `n` doubles uniform in ±1e6 (no NaN, so `==` scans every item). */
export function randomDoubles(n: number, seed: number): Float64Array<ArrayBuffer> {
  const next = prng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = uniform(next, -1e6, 1e6);
  return out;
}

export function u8(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
