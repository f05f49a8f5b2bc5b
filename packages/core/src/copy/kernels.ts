/**
 * Inner loops of the strided copy, in "words" (1, 2 or 4 bytes, whichever divides
 * every address and stride): a 1-D loop per word count, a tiled 2-D loop for
 * transposes, and a gather of every second byte that reads and writes 32-bit words
 * on little-endian hosts. Measured here (bench tobytes-transpose, "toContiguous(view,
 * 'C', dest) (prealloc)"): a 4096×4096 uint32 transpose at ~4.1 GB/s with 4×4
 * register blocks in 256×256 tiles, ~2.5–2.8 GB/s with 16×16 tiles copied two rows and four
 * words at a time, ~1.3–1.5 GB/s for plain tiles of 8 to 128 and ~0.75 GB/s for the
 * untiled nested loop.
 */

/**
 * A typed array over a whole memory, in the copy's word size.
 *
 * @example
 * const words: Words = new Uint32Array(memory, 0, memory.byteLength >>> 2);
 */
export type Words = Uint8Array | Uint16Array | Uint32Array;

/**
 * Tile edge for 2-D copies whose source runs against the destination's order. With 4×4
 * register blocks, 256 keeps the source lines a block-row touches (256 lines, 16 KiB)
 * in L1 until the next block-rows use the rest of them (a 4096² uint32 transpose through
 * toContiguous into a warm dest: 16 → ~3.0 GB/s, 64 → ~3.4, 256 → ~4.1, 1024 → ~3.6;
 * into new memory ~1.17 → ~1.35).
 *
 * @example
 * copy2dTiled(d, 0, n, 1, s, 0, 1, n, n, n); // walks TILE × TILE blocks
 */
export const TILE = 256;

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

/**
 * One 4 × 4 block of single words: item (a, b) goes from `s[si + a*sO + b*sI]` to
 * `d[di + a*dO + b*dI]`. All sixteen loads come before the stores, so whichever of
 * the two runs against its memory's order, each of its cache lines is touched once.
 */
function block4(
  d: Words,
  di: number,
  dO: number,
  dI: number,
  s: Words,
  si: number,
  sO: number,
  sI: number,
): void {
  const s1 = si + sO;
  const s2 = s1 + sO;
  const s3 = s2 + sO;
  const x00 = s[si] as number;
  const x10 = s[s1] as number;
  const x20 = s[s2] as number;
  const x30 = s[s3] as number;
  const x01 = s[si + sI] as number;
  const x11 = s[s1 + sI] as number;
  const x21 = s[s2 + sI] as number;
  const x31 = s[s3 + sI] as number;
  const x02 = s[si + 2 * sI] as number;
  const x12 = s[s1 + 2 * sI] as number;
  const x22 = s[s2 + 2 * sI] as number;
  const x32 = s[s3 + 2 * sI] as number;
  const x03 = s[si + 3 * sI] as number;
  const x13 = s[s1 + 3 * sI] as number;
  const x23 = s[s2 + 3 * sI] as number;
  const x33 = s[s3 + 3 * sI] as number;
  const d1 = di + dO;
  const d2 = d1 + dO;
  const d3 = d2 + dO;
  d[di] = x00;
  d[di + dI] = x01;
  d[di + 2 * dI] = x02;
  d[di + 3 * dI] = x03;
  d[d1] = x10;
  d[d1 + dI] = x11;
  d[d1 + 2 * dI] = x12;
  d[d1 + 3 * dI] = x13;
  d[d2] = x20;
  d[d2 + dI] = x21;
  d[d2 + 2 * dI] = x22;
  d[d2 + 3 * dI] = x23;
  d[d3] = x30;
  d[d3 + dI] = x31;
  d[d3 + 2 * dI] = x32;
  d[d3 + 3 * dI] = x33;
}

/**
 * Copies an `no × ni` block of single words, in TILE × TILE tiles so that a source read
 * against its memory order still reuses cache lines; inside a tile, 4 × 4 blocks held
 * in registers (bench tobytes-transpose, 4096² uint32: ~2.7 → ~3.7–4.2 GB/s into a warm
 * dest and ~1.0 → ~1.4 GB/s into new memory against 16 × 16 tiles two rows and four
 * words at a time), and single rows and columns at the edges.
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
      const i1 = Math.min(i0 + TILE, ni);
      let o = o0;
      for (; o + 4 <= o1; o += 4) {
        const dRow = dBase + o * dOuter;
        const sRow = sBase + o * sOuter;
        let i = i0;
        for (; i + 4 <= i1; i += 4) {
          block4(d, dRow + i * dInner, dOuter, dInner, s, sRow + i * sInner, sOuter, sInner);
        }
        if (i < i1) {
          for (let r = 0; r < 4; r++) {
            const dr = dRow + r * dOuter + i * dInner;
            copy1d(d, dr, dInner, s, sRow + r * sOuter + i * sInner, sInner, i1 - i, 1);
          }
        }
      }
      for (; o < o1; o++) {
        const dr = dBase + o * dOuter + i0 * dInner;
        copy1d(d, dr, dInner, s, sBase + o * sOuter + i0 * sInner, sInner, i1 - i0, 1);
      }
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
 * Runs at least this long go through the platform's conversion (below this, the two
 * views it needs cost more than the loop).
 *
 * @example
 * if (n >= NATIVE_GATHER_MIN) gatherLowBytes(d8, di, s8, si, n);
 */
export const NATIVE_GATHER_MIN = 64;

/**
 * Every second byte from an even byte `si` on a little-endian host, by the platform:
 * those bytes are the low bytes of the 16-bit words there, and `Uint8Array.prototype.set`
 * from a `Uint16Array` stores each word modulo 256, in native code (bench tobytes-step2:
 * ~8 GB/s into a warm destination, against ~2.5 for the 32-bit word loop, and ~1.7 GB/s
 * into new memory, against ~1.0). The last byte is copied on its own when its word would
 * reach past the end of the memory.
 */
function gatherLowBytes(d8: Uint8Array, di: number, s8: Uint8Array, si: number, n: number): void {
  const words = Math.min(n, (s8.length - si) >>> 1);
  d8.subarray(di, di + words).set(new Uint16Array(s8.buffer, si, words));
  for (let k = words; k < n; k++) d8[di + k] = s8[si + 2 * k] as number;
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
  if (LITTLE_ENDIAN && si % 2 === 0 && n >= NATIVE_GATHER_MIN) {
    gatherLowBytes(d8, di, s8, si, n);
    return;
  }
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
