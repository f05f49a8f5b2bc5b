/**
 * The plan of a strided copy (no suboffsets): CPython's `copy_rec` walks every
 * dimension item by item; we first simplify the loop nest so whole runs move at
 * once. Dimensions of extent 1 are dropped, dimensions reversed on both sides are
 * flipped, dimensions are ordered by the destination's stride (so writes are
 * sequential), adjacent dimensions that are contiguous in both source and
 * destination are merged, and an innermost dimension contiguous on both sides is
 * folded into the item ("run") size.
 */

/**
 * A simplified copy: `shape` with source and destination strides, and run size.
 *
 * @example
 * runPlan(planCopy(shape, srcStrides, dstStrides, itemsize), src, 0, dst, 0);
 */
export interface CopyPlan {
  /** Extents of the remaining dimensions, outermost first. */
  readonly shape: number[];
  /** Source byte strides. */
  readonly src: number[];
  /** Destination byte strides. */
  readonly dst: number[];
  /** Bytes moved as one block per innermost index. */
  readonly run: number;
  /** Adjustment of the source base for flipped dimensions. */
  readonly srcShift: number;
  /** Adjustment of the destination base for flipped dimensions. */
  readonly dstShift: number;
  /** Whether there is nothing to copy (a zero extent). */
  readonly empty: boolean;
}

/**
 * Simplifies the copy of items of `itemsize` bytes at `shape` from strides `src`
 * to strides `dst`, in whatever order is fastest (the destination must never write
 * one byte twice).
 *
 * @example
 * planCopy([2, 3], [3, 1], [3, 1], 1); // one run of 6 bytes
 */
export function planCopy(
  shape: readonly number[],
  src: readonly number[],
  dst: readonly number[],
  itemsize: number,
): CopyPlan {
  let srcShift = 0;
  let dstShift = 0;
  const dims: { n: number; s: number; d: number }[] = [];
  for (let i = 0; i < shape.length; i++) {
    const n = shape[i] as number;
    if (n === 0)
      return { shape: [], src: [], dst: [], run: 0, srcShift: 0, dstShift: 0, empty: true };
    if (n === 1) continue;
    let s = src[i] as number;
    let d = dst[i] as number;
    if (s < 0 && d < 0) {
      srcShift += (n - 1) * s;
      dstShift += (n - 1) * d;
      s = -s;
      d = -d;
    }
    dims.push({ n, s, d });
  }
  dims.sort((a, b) => Math.abs(b.d) - Math.abs(a.d));
  const merged: { n: number; s: number; d: number }[] = [];
  for (const dim of dims) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.s === dim.s * dim.n && last.d === dim.d * dim.n) {
      last.n *= dim.n;
      last.s = dim.s;
      last.d = dim.d;
    } else {
      merged.push({ ...dim });
    }
  }
  let run = itemsize;
  const inner = merged[merged.length - 1];
  if (inner !== undefined && inner.s === itemsize && inner.d === itemsize) {
    run = itemsize * inner.n;
    merged.pop();
  }
  return {
    shape: merged.map((m) => m.n),
    src: merged.map((m) => m.s),
    dst: merged.map((m) => m.d),
    run,
    srcShift,
    dstShift,
    empty: false,
  };
}
