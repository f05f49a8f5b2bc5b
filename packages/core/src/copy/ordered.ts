/**
 * The item-by-item write in CPython's order, for destinations that may write one byte
 * twice (a zero stride, items that overlap): abstract.c's `_Py_add_one_to_index_C/F`
 * odometers with `PyBuffer_GetPointer`. Every address is resolved and checked before
 * the first byte is written.
 */
import { bytesOf } from "../memory.js";
import { blockBases, lastIndirect } from "./blocks.js";
import type { CopySide } from "./copy-items.js";

/**
 * The order of a copy's writes: C or Fortran order of the index, or `"C+1"`, the C
 * order `PyObject_CopyData` uses (it steps the index before each copy, so item
 * (0, …, 0) comes last).
 *
 * @example
 * const order: WriteOrder = "C+1";
 */
export type WriteOrder = "C" | "F" | "C+1";

/**
 * Writes the first `count` items of `dst` (of `shape`, every extent non-zero) in
 * `order`, the k-th from `bytes[k * width]` on, `width` bytes each; with `"C+1"` the
 * k-th item of C order takes the k-th bytes, item 0 written last.
 *
 * @example
 * writeInOrder(side, [3], 1, "C", new Uint8Array([1, 2, 3]), 3); // a zero stride keeps 3
 */
export function writeInOrder(
  dst: CopySide,
  shape: readonly number[],
  width: number,
  order: WriteOrder,
  bytes: Uint8Array,
  count: number,
): void {
  const ndim = shape.length;
  const last = lastIndirect(dst);
  const bases = blockBases(dst, shape, last, width);
  const out = bytesOf(dst.memory);
  const index = new Array<number>(ndim).fill(0);
  const fortran = order === "F";
  const addressOf = (): number => {
    let block = 0;
    for (let d = 0; d <= last; d++) block = block * (shape[d] as number) + (index[d] as number);
    let p = bases[block] as number;
    for (let d = last + 1; d < ndim; d++) p += (index[d] as number) * (dst.strides[d] as number);
    return p;
  };
  const first = addressOf();
  const rotate = order === "C+1";
  for (let k = 0; k < count; k++) {
    if (k > 0 || !rotate) {
      const p = k === 0 ? first : addressOf();
      out.set(bytes.subarray(k * width, k * width + width), p);
    }
    for (let j = 0; j < ndim; j++) {
      const d = fortran ? j : ndim - 1 - j;
      const i = (index[d] as number) + 1;
      if (i < (shape[d] as number)) {
        index[d] = i;
        break;
      }
      index[d] = 0;
    }
  }
  if (rotate && count > 0) out.set(bytes.subarray(0, width), first);
}
