/**
 * The general item copy between two layouts of the same shape (CPython's
 * `copy_buffer`): strided layouts go through a {@link CopyPlan}; layouts with
 * suboffsets are resolved into strided blocks (every pointer read once) and each
 * block is copied by plan. Source and destination in one memory that overlap are
 * copied through a temporary, so the result is always as if the source had been read
 * completely first; a destination that may write one byte twice is written item by
 * item in CPython's order. Each copied item lies inside an item of both views, and
 * everything is checked before the first byte is written.
 */
import { BufferError } from "@pybuffer/struct";
import { allocBytes } from "../alloc.js";
import { checkRange } from "../memory.js";
import { type Extent, stridedExtent } from "../reach.js";
import { fillContiguousStrides } from "../strides.js";
import type { Abi, Memory } from "../view.js";
import { blockBases, lastIndirect } from "./blocks.js";
import { type WriteOrder, writeInOrder } from "./ordered.js";
import { planCopy } from "./plan.js";
import { anyIntersect, mayOverlapItself } from "./self-overlap.js";
import { runPlan } from "./strided.js";

/**
 * One side of a copy: where item (0, …, 0) is, how to step from it, and how wide
 * its own items are (no copy moves more bytes than that per item).
 *
 * @example
 * const side: CopySide = { memory, buf: 0, strides: [4], suboffsets: null, abi: "lp64", itemsize: 4 };
 */
export interface CopySide {
  readonly memory: Memory;
  readonly buf: number;
  readonly strides: readonly number[];
  readonly suboffsets: readonly number[] | null;
  readonly abi: Abi;
  readonly itemsize: number;
}

/**
 * A C-contiguous side over fresh memory for `shape`, or over `bytes`.
 *
 * @example
 * contiguousSide([2, 3], 4, "lp64"); // 24 bytes, strides [12, 4]
 */
export function contiguousSide(
  shape: readonly number[],
  itemsize: number,
  abi: Abi,
  order: "C" | "F" = "C",
  bytes?: Uint8Array,
): CopySide {
  let count = itemsize;
  for (const n of shape) count *= n;
  const at = bytes ?? allocBytes(count);
  return {
    memory: at.buffer,
    buf: at.byteOffset,
    strides: fillContiguousStrides(shape, itemsize, order),
    suboffsets: null,
    abi,
    itemsize,
  };
}

/**
 * Copies every item of `shape` (`width` bytes each) from `src` to `dst`. `order` is
 * the order CPython writes in; it decides the result only where the destination
 * writes one byte twice (then the copy follows it), else the fastest order is used.
 * Throws `BufferError` when `width` exceeds either side's items.
 *
 * @example
 * copyItems(dstSide, srcSide, [4096, 4096], 4, "C");
 */
export function copyItems(
  dst: CopySide,
  src: CopySide,
  shape: readonly number[],
  width: number,
  order: WriteOrder,
): void {
  if (width > dst.itemsize || width > src.itemsize) {
    throw new BufferError(
      `cannot copy ${width}-byte items between items of ${src.itemsize} and ${dst.itemsize} bytes`,
    );
  }
  if (shape.includes(0)) {
    checkRange(src.memory, 0, 0);
    checkRange(dst.memory, 0, 0);
    return;
  }
  const last = Math.max(lastIndirect(src), lastIndirect(dst));
  const sBases = blockBases(src, shape, last, width);
  const dBases = blockBases(dst, shape, last, width);
  if (selfOverlapping(dst, shape, last, width, dBases)) {
    const staged = contiguousSide(shape, width, src.abi, order === "F" ? "F" : "C");
    copyItems(staged, src, shape, width, "C");
    const bytes = new Uint8Array(staged.memory);
    writeInOrder(dst, shape, width, order, bytes, bytes.length / width);
    return;
  }
  if (src.memory === dst.memory && (last >= 0 || overlaps(src, dst, shape, width))) {
    const staged = contiguousSide(shape, width, src.abi);
    copyItems(staged, src, shape, width, "C");
    copyItems(dst, staged, shape, width, order);
    return;
  }
  const plan = planCopy(
    shape.slice(last + 1),
    src.strides.slice(last + 1),
    dst.strides.slice(last + 1),
    width,
  );
  for (let k = 0; k < dBases.length; k++) {
    runPlan(plan, src.memory, sBases[k] as number, dst.memory, dBases[k] as number);
  }
}

/** Whether strided `src` and `dst` (one memory) reach a common byte. */
function overlaps(src: CopySide, dst: CopySide, shape: readonly number[], width: number): boolean {
  const s = stridedExtent(src.buf, shape, src.strides, 0, shape.length, width) as Extent;
  const d = stridedExtent(dst.buf, shape, dst.strides, 0, shape.length, width) as Extent;
  return s[0] < d[1] && d[0] < s[1];
}

/** Whether two items of `dst` may share a byte (within one block or across blocks). */
function selfOverlapping(
  dst: CopySide,
  shape: readonly number[],
  last: number,
  width: number,
  bases: Float64Array,
): boolean {
  const inner = shape.slice(last + 1);
  if (mayOverlapItself(inner, dst.strides.slice(last + 1), width)) return true;
  if (bases.length < 2) return false;
  const lo = new Float64Array(bases.length);
  const hi = new Float64Array(bases.length);
  for (let k = 0; k < bases.length; k++) {
    const e = stridedExtent(
      bases[k] as number,
      shape,
      dst.strides,
      last + 1,
      shape.length,
      width,
    ) as Extent;
    lo[k] = e[0];
    hi[k] = e[1];
  }
  return anyIntersect(lo, hi);
}
