/** `PyBuffer_FillContiguousStrides`: the strides of a contiguous layout. */
import { OverflowError } from "@pybuffer/struct";

/**
 * `PyBuffer_FillContiguousStrides(ndim, shape, strides, itemsize, order)`: the
 * strides of a contiguous array of `shape` with items of `itemsize` bytes, in
 * Fortran order for `'F'` and C order for anything else (as CPython). Zeros in the
 * shape propagate (`[2, 0, 4]`, 1, `'C'` gives `[0, 4, 1]`). Only the strides must be
 * exact integers (`[2 ** 40, 2 ** 40]`, 8, `'C'` gives `[2 ** 43, 8]`, as CPython); a
 * stride past `Number.MAX_SAFE_INTEGER` is `OverflowError` (C's would wrap around).
 *
 * @example
 * fillContiguousStrides([2, 3, 4], 8, "C"); // [96, 32, 8]
 * fillContiguousStrides([2, 3, 4], 8, "F"); // [8, 16, 48]
 */
export function fillContiguousStrides(
  shape: readonly number[],
  itemsize: number,
  order: string,
): number[] {
  if (!Array.isArray(shape)) {
    throw new TypeError("fillContiguousStrides() shape must be an array of integers");
  }
  if (!Number.isSafeInteger(itemsize) || itemsize < 0) {
    throw new TypeError("fillContiguousStrides() itemsize must be a non-negative integer");
  }
  const ndim = shape.length;
  const strides = new Array<number>(ndim);
  let sd = itemsize;
  for (let k = 0; k < ndim; k++) {
    const i = order === "F" ? k : ndim - 1 - k;
    const extent: unknown = shape[i];
    if (typeof extent !== "number" || !Number.isSafeInteger(extent) || extent < 0) {
      throw new TypeError(
        "fillContiguousStrides() shape must be an array of non-negative integers",
      );
    }
    if (!Number.isSafeInteger(sd)) {
      throw new OverflowError("fillContiguousStrides() shape is too large: a stride passes 2**53");
    }
    strides[i] = sd;
    sd *= extent;
  }
  return strides;
}
