/**
 * The general item copy between two layouts of the same shape (CPython's
 * `copy_buffer`): strided layouts go through a {@link CopyPlan}; layouts with
 * suboffsets are walked pointer by pointer down to their last indirect dimension
 * and the strided blocks below it are copied by plan. Source and destination in
 * one memory that overlap are copied through a temporary, so the result is always
 * as if the source had been read completely first. Everything is checked before
 * the first byte is written.
 */
import { readPointer } from "../abi.js";
import { checkRange } from "../memory.js";
import { fillContiguousStrides } from "../strides.js";
import type { Abi, Memory } from "../view.js";
import { planCopy } from "./plan.js";
import { runPlan } from "./strided.js";

/**
 * One side of a copy: where item (0, …, 0) is and how to step from it.
 *
 * @example
 * const side: CopySide = { memory, buf: 0, strides: [4], suboffsets: null, abi: "lp64" };
 */
export interface CopySide {
  readonly memory: Memory;
  readonly buf: number;
  readonly strides: readonly number[];
  readonly suboffsets: readonly number[] | null;
  readonly abi: Abi;
}

function extent(
  buf: number,
  shape: readonly number[],
  strides: readonly number[],
  from: number,
  width: number,
): [number, number] {
  let lo = buf;
  let hi = buf;
  for (let d = from; d < shape.length; d++) {
    const span = ((shape[d] as number) - 1) * (strides[d] as number);
    if (span < 0) lo += span;
    else hi += span;
  }
  return [lo, hi + width];
}

function lastIndirect(side: CopySide): number {
  const sub = side.suboffsets;
  if (sub === null) return -1;
  for (let d = sub.length - 1; d >= 0; d--) if ((sub[d] as number) >= 0) return d;
  return -1;
}

/**
 * Copies every item of `shape` (`itemsize` bytes each) from `src` to `dst`.
 * `reorder` lets the copy run in whatever order is fastest; pass `false` when the
 * destination may write one byte twice (a zero stride) and C order must decide.
 *
 * @example
 * copyItems(dstSide, srcSide, [4096, 4096], 4, true);
 */
export function copyItems(
  dst: CopySide,
  src: CopySide,
  shape: readonly number[],
  itemsize: number,
  reorder: boolean,
): void {
  if (shape.includes(0)) {
    checkRange(src.memory, 0, 0);
    checkRange(dst.memory, 0, 0);
    return;
  }
  const last = Math.max(lastIndirect(src), lastIndirect(dst));
  if (last < 0) {
    const s = extent(src.buf, shape, src.strides, 0, itemsize);
    const d = extent(dst.buf, shape, dst.strides, 0, itemsize);
    checkRange(src.memory, s[0], s[1]);
    checkRange(dst.memory, d[0], d[1]);
    if (src.memory === dst.memory && s[0] < d[1] && d[0] < s[1]) {
      stage(dst, src, shape, itemsize, reorder);
      return;
    }
    runPlan(
      planCopy(shape, src.strides, dst.strides, itemsize, reorder),
      src.memory,
      src.buf,
      dst.memory,
      dst.buf,
    );
    return;
  }
  if (src.memory === dst.memory) {
    stage(dst, src, shape, itemsize, reorder);
    return;
  }
  copyIndirect(dst, src, shape, itemsize, last, reorder);
}

/** Copies through a temporary C-contiguous buffer (source and destination overlap). */
function stage(
  dst: CopySide,
  src: CopySide,
  shape: readonly number[],
  itemsize: number,
  reorder: boolean,
): void {
  let count = itemsize;
  for (const n of shape) count *= n;
  const tmp: CopySide = {
    memory: new ArrayBuffer(count),
    buf: 0,
    strides: fillContiguousStrides(shape, itemsize, "C"),
    suboffsets: null,
    abi: src.abi,
  };
  copyItems(tmp, src, shape, itemsize, true);
  copyItems(dst, tmp, shape, itemsize, reorder);
}

/** The address of index `i` of dimension `d` from `base`, following a suboffset. */
function step(side: CopySide, base: number, d: number, i: number): number {
  const p = base + i * (side.strides[d] as number);
  const sub = side.suboffsets === null ? -1 : (side.suboffsets[d] as number);
  return sub < 0 ? p : readPointer(side.memory, p, side.abi) + sub;
}

/** Walks dims 0..last (following pointers) and copies each strided block below them. */
function copyIndirect(
  dst: CopySide,
  src: CopySide,
  shape: readonly number[],
  itemsize: number,
  last: number,
  reorder: boolean,
): void {
  const plan = planCopy(
    shape.slice(last + 1),
    src.strides.slice(last + 1),
    dst.strides.slice(last + 1),
    itemsize,
    reorder,
  );
  // Two passes: every block is checked before the first byte moves (no partial copy).
  walkBlocks(dst, src, shape, last, (sb, db) => {
    const s = extent(sb, shape, src.strides, last + 1, itemsize);
    const d = extent(db, shape, dst.strides, last + 1, itemsize);
    checkRange(src.memory, s[0], s[1]);
    checkRange(dst.memory, d[0], d[1]);
  });
  walkBlocks(dst, src, shape, last, (sb, db) => runPlan(plan, src.memory, sb, dst.memory, db));
}

/** Calls `block` with the source and destination address of every index of dims 0..last. */
function walkBlocks(
  dst: CopySide,
  src: CopySide,
  shape: readonly number[],
  last: number,
  block: (sb: number, db: number) => void,
): void {
  const sAt = new Array<number>(last + 2).fill(0);
  const dAt = new Array<number>(last + 2).fill(0);
  const index = new Array<number>(last + 1).fill(0);
  sAt[0] = src.buf;
  dAt[0] = dst.buf;
  let from = 0;
  for (;;) {
    for (let d = from; d <= last; d++) {
      sAt[d + 1] = step(src, sAt[d] as number, d, index[d] as number);
      dAt[d + 1] = step(dst, dAt[d] as number, d, index[d] as number);
    }
    block(sAt[last + 1] as number, dAt[last + 1] as number);
    let k = last;
    for (; k >= 0; k--) {
      const i = (index[k] as number) + 1;
      if (i < (shape[k] as number)) {
        index[k] = i;
        break;
      }
      index[k] = 0;
    }
    if (k < 0) return;
    from = k;
  }
}
