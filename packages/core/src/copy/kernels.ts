/**
 * Inner loops of the strided copy, in "words" (1, 2 or 4 bytes, whichever divides
 * every address and stride): a 1-D loop per word count, a tiled 2-D loop for
 * transposes, and a gather of every second byte that reads and writes 32-bit words
 * on little-endian hosts. Measured here (bench tobytes-transpose, "toContiguous(view,
 * 'C', dest) (prealloc)"): a 4096×4096 uint32 transpose at ~2.5–2.8 GB/s with 16×16
 * tiles copied two rows and four words at a time, against ~1.3–1.5 GB/s for plain
 * tiles of 8 to 128 and ~0.75 GB/s for the untiled nested loop.
 */

/**
 * A typed array over a whole memory, in the copy's word size.
 *
 * @example
 * const words: Words = new Uint32Array(memory, 0, memory.byteLength >>> 2);
 */
export type Words = Uint8Array | Uint16Array | Uint32Array;

/**
 * Tile edge for 2-D copies whose source runs against the destination's order (bench
 * tobytes-transpose with row pairs, into a warm dest: 16 → ~2.8 GB/s, 32 → ~2.1, 8 → ~1.25).
 *
 * @example
 * copy2dTiled(d, 0, n, 1, s, 0, 1, n, n, n); // walks TILE × TILE blocks
 */
export const TILE = 16;

/**
 * Copies `n` items of `w` words: item k goes from `s[si + k*ss]` to `d[di + k*ds]`.
 *
 * @example
 * copy1d(dst, 0, 1, src, 0, 2, 4, 1); // every second word
 */
export function copy1d(
  d: Words,
  di: number,
  ds: number,
  s: Words,
  si: number,
  ss: number,
  n: number,
  w: number,
): void {
  if (w === 1) {
    for (let k = 0; k < n; k++) {
      d[di] = s[si] as number;
      di += ds;
      si += ss;
    }
  } else if (w === 2) {
    for (let k = 0; k < n; k++) {
      d[di] = s[si] as number;
      d[di + 1] = s[si + 1] as number;
      di += ds;
      si += ss;
    }
  } else {
    for (let k = 0; k < n; k++) {
      for (let j = 0; j < w; j++) d[di + j] = s[si + j] as number;
      di += ds;
      si += ss;
    }
  }
}

/** Two rows of a tile at once (rows `o` and `o + 1`): 4 × 2 words per step. */
function copyRowPair(
  d: Words,
  di: number,
  dOuter: number,
  dInner: number,
  s: Words,
  si: number,
  sOuter: number,
  sInner: number,
  count: number,
): void {
  const d2 = 2 * dInner;
  const s2 = 2 * sInner;
  let k = 0;
  for (; k + 4 <= count; k += 4) {
    const dj = di + dOuter;
    const sj = si + sOuter;
    d[di] = s[si] as number;
    d[di + dInner] = s[si + sInner] as number;
    d[di + d2] = s[si + s2] as number;
    d[di + d2 + dInner] = s[si + s2 + sInner] as number;
    d[dj] = s[sj] as number;
    d[dj + dInner] = s[sj + sInner] as number;
    d[dj + d2] = s[sj + s2] as number;
    d[dj + d2 + dInner] = s[sj + s2 + sInner] as number;
    di += 2 * d2;
    si += 2 * s2;
  }
  for (; k < count; k++) {
    d[di] = s[si] as number;
    d[di + dOuter] = s[si + sOuter] as number;
    di += dInner;
    si += sInner;
  }
}

/**
 * Copies an `no × ni` block of single words, in TILE × TILE tiles so that a source read
 * against its memory order still reuses cache lines; inside a tile, two rows at a
 * time, four words per row and step (bench tobytes-transpose, into a warm dest:
 * ~1.35 GB/s plain tiles, ~1.9 unrolled by 4, ~2.4 with row pairs).
 *
 * @example
 * copy2dTiled(dst, 0, 4096, 1, src, 0, 1, 4096, 4096, 4096); // transpose
 */
export function copy2dTiled(
  d: Words,
  dBase: number,
  dOuter: number,
  dInner: number,
  s: Words,
  sBase: number,
  sOuter: number,
  sInner: number,
  no: number,
  ni: number,
): void {
  for (let o0 = 0; o0 < no; o0 += TILE) {
    const o1 = Math.min(o0 + TILE, no);
    for (let i0 = 0; i0 < ni; i0 += TILE) {
      const count = Math.min(TILE, ni - i0);
      let dRow = dBase + o0 * dOuter + i0 * dInner;
      let sRow = sBase + o0 * sOuter + i0 * sInner;
      let o = o0;
      for (; o + 2 <= o1; o += 2) {
        copyRowPair(d, dRow, dOuter, dInner, s, sRow, sOuter, sInner, count);
        dRow += 2 * dOuter;
        sRow += 2 * sOuter;
      }
      if (o < o1) copy1d(d, dRow, dInner, s, sRow, sInner, count, 1);
    }
  }
}

/**
 * Whether typed arrays use little-endian byte order here.
 *
 * @example
 * if (LITTLE_ENDIAN) gatherHalf(d8, 0, s8, 0, n);
 */
export const LITTLE_ENDIAN: boolean = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Bytes 0 and 2 of the little-endian words `a` and `b`, as one word: a0 a2 b0 b2.
 *
 * @example
 * pairOfEvenBytes(0x04030201, 0x08070605); // 0x07050301
 */
function pairOfEvenBytes(a: number, b: number): number {
  const x = a & 0x00ff00ff;
  const y = b & 0x00ff00ff;
  return ((x | (x >>> 8)) & 0xffff) | ((y | (y >>> 8)) << 16);
}

/**
 * Gathers `n` bytes from every second byte of `s8` (from byte `si`) into `d8` from
 * byte `di`. With `di` and `si` both 4-aligned at some point, the bulk moves as
 * 32-bit words (two reads, one write per 4 bytes): ~2× the byte loop.
 *
 * @example
 * gatherHalf(dst, 0, src, 0, 1024);
 */
export function gatherHalf(
  d8: Uint8Array,
  di: number,
  s8: Uint8Array,
  si: number,
  n: number,
): void {
  let k = 0;
  while (k < n && (di + k) % 4 !== 0) {
    d8[di + k] = s8[si + 2 * k] as number;
    k++;
  }
  if (LITTLE_ENDIAN && (si + 2 * k) % 4 === 0 && n - k >= 4) {
    const d32 = new Uint32Array(d8.buffer, 0, d8.buffer.byteLength >>> 2);
    const s32 = new Uint32Array(s8.buffer, 0, s8.buffer.byteLength >>> 2);
    let dw = (di + k) >>> 2;
    let sw = (si + 2 * k) >>> 2;
    // Each step reads 8 source bytes, one past the last byte it needs: stay in memory.
    const words = Math.min((n - k) >>> 2, (s32.length - sw) >>> 1);
    // Four words per step (bench tobytes-step2, 32 MiB out, this machine: ~2.45 → ~3.05
    // GB/s into a warm destination, ~1.07 → ~1.20 into fresh memory).
    let j = 0;
    for (; j + 4 <= words; j += 4) {
      d32[dw] = pairOfEvenBytes(s32[sw] as number, s32[sw + 1] as number);
      d32[dw + 1] = pairOfEvenBytes(s32[sw + 2] as number, s32[sw + 3] as number);
      d32[dw + 2] = pairOfEvenBytes(s32[sw + 4] as number, s32[sw + 5] as number);
      d32[dw + 3] = pairOfEvenBytes(s32[sw + 6] as number, s32[sw + 7] as number);
      dw += 4;
      sw += 8;
    }
    for (; j < words; j++) {
      d32[dw] = pairOfEvenBytes(s32[sw] as number, s32[sw + 1] as number);
      dw++;
      sw += 2;
    }
    k += words * 4;
  }
  for (; k < n; k++) d8[di + k] = s8[si + 2 * k] as number;
}
