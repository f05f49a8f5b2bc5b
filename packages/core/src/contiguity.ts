/**
 * Contiguity: `PyBuffer_IsContiguous` with CPython's exact rules (abstract.c's
 * `_IsCContiguous` / `_IsFortranContiguous`): an empty view is contiguous, missing
 * strides mean C order, dimensions of extent 0 or 1 ignore their stride, and any
 * suboffsets make a view non-contiguous.
 */
import { PyBUF_MAX_NDIM } from "./flags.js";
import type { BufferView } from "./view.js";

/**
 * The fields contiguity depends on.
 *
 * @example
 * isContiguous({ len: 6, itemsize: 1, ndim: 1, shape: [6], strides: [1] }, "C"); // true
 */
export type ContiguityLayout = Pick<
  BufferView,
  "len" | "itemsize" | "ndim" | "shape" | "strides"
> & {
  readonly suboffsets?: readonly number[] | null;
};

/**
 * C-contiguity of the strides alone (suboffsets ignored).
 *
 * @example
 * isCContiguousLayout({ len: 6, itemsize: 1, ndim: 2, shape: [2, 3], strides: [3, 1] }); // true
 */
export function isCContiguousLayout(view: ContiguityLayout): boolean {
  if (view.len === 0) return true;
  return backToBack(view.shape, view.strides, view.itemsize, view.ndim - 1, -1);
}

/**
 * Whether the strides are those of items back to back, walking dimensions from `first`
 * by `step` (-1: C order, 1: Fortran order); extents 0 and 1 ignore their stride, and
 * missing shape or strides mean C order.
 *
 * @example
 * backToBack([2, 3], [3, 1], 1, 1, -1); // true
 */
export function backToBack(
  shape: readonly number[] | null,
  strides: readonly number[] | null,
  itemsize: number,
  first: number,
  step: number,
): boolean {
  if (shape === null || strides === null) return true;
  let expected = itemsize;
  for (let d = first; d >= 0 && d < shape.length; d += step) {
    const extent = shape[d] as number;
    if (extent > 1 && strides[d] !== expected) return false;
    expected *= extent;
  }
  return true;
}

/**
 * Fortran contiguity of the strides alone (suboffsets ignored).
 *
 * @example
 * isFContiguousLayout({ len: 6, itemsize: 1, ndim: 2, shape: [2, 3], strides: [1, 2] }); // true
 */
export function isFContiguousLayout(view: ContiguityLayout): boolean {
  if (view.len === 0) return true;
  const { shape, strides, ndim } = view;
  if (strides === null && shape !== null && ndim > 1) {
    // Missing strides mean C order: Fortran-contiguous too when at most one extent is > 1.
    return shape.filter((n) => n > 1).length <= 1;
  }
  return backToBack(shape, strides, view.itemsize, 0, 1);
}

/** Whether `view` has the fields contiguity reads, of the right kinds and lengths. */
function isLayout(view: unknown): view is ContiguityLayout {
  if (typeof view !== "object" || view === null) return false;
  const { len, itemsize, ndim, shape, strides } = view as Partial<ContiguityLayout>;
  return (
    Number.isSafeInteger(len) &&
    Number.isSafeInteger(itemsize) &&
    Number.isInteger(ndim) &&
    (ndim as number) >= 0 &&
    (ndim as number) <= PyBUF_MAX_NDIM &&
    (shape === null || (Array.isArray(shape) && shape.length === ndim)) &&
    (strides === null || (Array.isArray(strides) && strides.length === ndim))
  );
}

/**
 * `PyBuffer_IsContiguous(view, order)`: whether the view's items lie back to back in
 * C (`'C'`), Fortran (`'F'`) or either (`'A'`) order. Any other order gives `false`,
 * as does any view with suboffsets; this never touches memory and throws only for an
 * argument that is not a view (`TypeError`).
 *
 * @example
 * isContiguous({ ...view, shape: [2, 3], strides: [3, 1] }, "C"); // true
 * isContiguous({ ...view, shape: [3], strides: [-1] }, "A"); // false
 */
export function isContiguous(view: ContiguityLayout, order: string): boolean {
  if (!isLayout(view)) throw new TypeError("isContiguous() argument 1 must be a buffer view");
  if (view.suboffsets !== null && view.suboffsets !== undefined) return false;
  switch (order) {
    case "C":
      return isCContiguousLayout(view);
    case "F":
      return isFContiguousLayout(view);
    case "A":
      return isCContiguousLayout(view) || isFContiguousLayout(view);
    default:
      return false;
  }
}
