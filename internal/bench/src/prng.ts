/** Seeded 32-bit PRNG (mulberry32): the benchmark inputs are the same bytes in every run. */
export const SEED = 12345;

export function prng(seed: number = SEED): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** `n` pseudo-random bytes (fast: 4 bytes a draw). */
export function randomBytes(n: number, seed: number = SEED): Uint8Array<ArrayBuffer> {
  const next = prng(seed);
  const words = new Uint32Array(Math.ceil(n / 4));
  for (let i = 0; i < words.length; i++) words[i] = next();
  return new Uint8Array(words.buffer, 0, n);
}

/** A uniform double in [lo, hi) with 53 random bits. */
export function uniform(next: () => number, lo: number, hi: number): number {
  const u = ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
  return lo + (hi - lo) * u;
}
