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
  if (view.len === 0 || view.strides === null) return true;
  const { shape, strides } = view;
  if (shape === null) return true;
  let expected = view.itemsize;
  for (let i = view.ndim - 1; i >= 0; i--) {
    const extent = shape[i] as number;
    if (extent > 1 && strides[i] !== expected) return false;
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
  const shape = view.shape;
  if (view.strides === null || shape === null) {
    if (view.ndim <= 1 || shape === null) return true;
    let wide = 0;
    for (let i = 0; i < view.ndim; i++) if ((shape[i] as number) > 1) wide++;
    return wide <= 1;
  }
  const strides = view.strides;
  let expected = view.itemsize;
  for (let i = 0; i < view.ndim; i++) {
    const extent = shape[i] as number;
    if (extent > 1 && strides[i] !== expected) return false;
    expected *= extent;
  }
  return true;
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
