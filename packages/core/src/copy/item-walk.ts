/**
 * Item-by-item traversal in C or Fortran order (abstract.c's
 * `_Py_add_one_to_index_C/F` odometers with `PyBuffer_GetPointer`), for the rare
 * copies that stop after a prefix of the items. Addresses follow suboffsets.
 */
import { readPointer } from "../abi.js";
import type { CopySide } from "./copy-items.js";

/**
 * Calls `visit` with the address of each of the first `count` items of `shape` in
 * `order` ('F' for Fortran, anything else C).
 *
 * @example
 * forEachItem(side, [2, 3], "F", 6, (addr) => out.push(addr));
 */
export function forEachItem(
  side: CopySide,
  shape: readonly number[],
  order: string,
  count: number,
  visit: (addr: number) => void,
): void {
  const ndim = shape.length;
  const index = new Array<number>(ndim).fill(0);
  for (let done = 0; done < count; done++) {
    let ptr = side.buf;
    for (let d = 0; d < ndim; d++) {
      ptr += (index[d] as number) * (side.strides[d] as number);
      const sub = side.suboffsets?.[d] ?? -1;
      if (sub >= 0) ptr = readPointer(side.memory, ptr, side.abi) + sub;
    }
    visit(ptr);
    for (let k = 0; k < ndim; k++) {
      const d = order === "F" ? k : ndim - 1 - k;
      const i = (index[d] as number) + 1;
      if (i < (shape[d] as number)) {
        index[d] = i;
        break;
      }
      index[d] = 0;
    }
  }
}

/**
 * Whether writing through `strides` at `shape` can hit one byte twice because of a
 * zero stride; such copies must keep CPython's iteration order.
 *
 * @example
 * hasZeroStride([3, 2], [0, 1]); // true
 */
export function hasZeroStride(shape: readonly number[], strides: readonly number[]): boolean {
  for (let d = 0; d < shape.length; d++)
    if ((shape[d] as number) > 1 && strides[d] === 0) return true;
  return false;
}
