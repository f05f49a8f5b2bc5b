/**
 * Which bytes of its memory a view can reach, and the check that all of them exist:
 * `_testbuffer`'s `verify_structure` (the lowest and highest item offsets a strided
 * layout reaches), extended to PIL-style suboffsets by following every pointer
 * table the layout uses.
 */
import { pointerAt, pointerSize } from "./abi.js";
import { checkRange } from "./memory.js";
import type { BufferView } from "./view.js";

/** The bytes `[lo, hi)` a strided layout reaches. */
export type Extent = [number, number];

/**
 * Adds to `buf` the lowest and highest offsets that dimensions `from` to `to - 1`
 * reach and returns `[lo, hi)` for items `width` bytes wide, or `null` when a
 * dimension is empty (the one walk of strided extents: views, layouts, copy blocks).
 *
 * @example
 * stridedExtent(8, [2, 3], [-6, 2], 0, 2, 2); // [2, 14]
 */
export function stridedExtent(
  buf: number,
  shape: readonly number[],
  strides: readonly number[],
  from: number,
  to: number,
  width: number,
): Extent | null {
  let lo = buf;
  let hi = buf;
  for (let d = from; d < to; d++) {
    const n = shape[d] as number;
    if (n === 0) return null;
    const span = (n - 1) * (strides[d] as number);
    if (span < 0) lo += span;
    else hi += span;
  }
  return [lo, hi + width];
}

/**
 * Throws unless every byte `view` can reach lies inside its memory now: a
 * `ValueError` naming the bytes otherwise (or saying the memory is detached).
 * For a layout with suboffsets every pointer it would follow is read and checked.
 *
 * @example
 * const memory = new ArrayBuffer(8);
 * checkReach({ memory, buf: 0, len: 8, itemsize: 1, ndim: 1, shape: [8], strides: [1],
 *   suboffsets: null, format: null, readonly: false, obj: null, abi: "lp64", internal: null });
 */
export function checkReach(view: BufferView): void {
  const { memory, buf, ndim, itemsize } = view;
  const shape = view.shape;
  if (shape === null || ndim === 0) {
    checkRange(memory, buf, buf + (ndim === 0 ? itemsize : view.len));
    return;
  }
  const strides = view.strides;
  if (strides === null) {
    checkRange(memory, buf, buf + view.len);
    return;
  }
  const suboffsets = view.suboffsets;
  if (suboffsets === null) {
    const extent = stridedExtent(buf, shape, strides, 0, ndim, itemsize);
    if (extent === null) checkRange(memory, 0, 0);
    else checkRange(memory, extent[0], extent[1]);
    return;
  }
  walkIndirect(view, shape, strides, suboffsets);
}

/** Follows every pointer table of an indirect layout, checking each range it reaches. */
function walkIndirect(
  view: BufferView,
  shape: readonly number[],
  strides: readonly number[],
  suboffsets: readonly number[],
): void {
  const { memory, ndim, itemsize, abi } = view;
  const psize = pointerSize(abi);
  for (let d = 0; d < ndim; d++) {
    if (shape[d] === 0) {
      checkRange(memory, 0, 0);
      return;
    }
  }
  // Work items: (address of the first item of dimension `dim`, dim). Tables reached
  // twice (aliasing rows) are walked once.
  const seen = new Set<string>();
  const stack: number[] = [view.buf, 0];
  while (stack.length > 0) {
    const dim = stack.pop() as number;
    const base = stack.pop() as number;
    let next = dim;
    while (next < ndim && (suboffsets[next] as number) < 0) next++;
    if (next === ndim) {
      const extent = stridedExtent(base, shape, strides, dim, ndim, itemsize) as Extent;
      checkRange(memory, extent[0], extent[1]);
      continue;
    }
    const key = `${base}:${dim}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // The pointers of dimension `next`, at every index of dimensions dim..next.
    const extent = stridedExtent(base, shape, strides, dim, next + 1, psize) as Extent;
    checkRange(memory, extent[0], extent[1]);
    pushPointers(view, shape, strides, base, dim, next, (ptr) => {
      stack.push(ptr + (suboffsets[next] as number), next + 1);
    });
  }
}

/** Calls `visit` with each pointer stored for dimension `last`, over dims first..last. */
function pushPointers(
  view: BufferView,
  shape: readonly number[],
  strides: readonly number[],
  base: number,
  first: number,
  last: number,
  visit: (ptr: number) => void,
): void {
  const count = last - first + 1;
  const index = new Array<number>(count).fill(0);
  let addr = base;
  for (;;) {
    visit(pointerAt(view.memory, addr, view.abi));
    let k = count - 1;
    for (; k >= 0; k--) {
      const d = first + k;
      const stride = strides[d] as number;
      // A zero stride revisits the same pointer: walk it once.
      if ((index[k] as number) + 1 < (shape[d] as number) && stride !== 0) {
        index[k] = (index[k] as number) + 1;
        addr += stride;
        break;
      }
      addr -= (index[k] as number) * stride;
      index[k] = 0;
    }
    if (k < 0) return;
  }
}
