/**
 * A memoryview's own layout: the private copy it makes of the layout it is given
 * (`init_shape_strides`, filling in what a partial request left out), its contiguity
 * flags (`init_flags`), and the byte range it reaches, checked before bytes are touched.
 */
import { type BufferView, isContiguous } from "@pybuffer/core";

/** C-contiguous (`_Py_MEMORYVIEW_C`). @example (flags & C) !== 0 */
export const C = 1;
/** Fortran-contiguous. @example (flags & F) !== 0 */
export const F = 2;
/** Has suboffsets. @example (flags & PIL) !== 0 */
export const PIL = 4;
/** Released. @example (flags & RELEASED) !== 0 */
export const RELEASED = 8;

/**
 * A layout with full information (CPython's `init_shape_strides`): format `B` when
 * missing, 1-D shape from `len`, C strides. Arrays the source already has are shared
 * unless `fresh`: no code changes a view's arrays in place except on a `fresh` copy
 * (slicing), so sharing the master's or another view's arrays is safe.
 *
 * @example
 * ownLayout(getBuffer(nd, PyBUF_SIMPLE)).shape; // [len / itemsize]
 */
export function ownLayout(src: BufferView, fresh = false): BufferView {
  if (!fresh && isComplete(src)) return src;
  let shape = src.shape;
  let strides = src.strides;
  if (src.ndim === 0) {
    shape = null;
    strides = null;
  } else if (shape === null || strides === null || fresh) {
    // `[x]` for one dimension: Array.prototype.slice is a call, a literal is not.
    const one = src.ndim === 1;
    shape = shape === null ? [src.len / src.itemsize] : one ? [shape[0] as number] : shape.slice();
    strides =
      strides === null
        ? cStrides(shape, src.itemsize)
        : one
          ? [strides[0] as number]
          : strides.slice();
  }
  const sub = src.suboffsets;
  return {
    obj: src.obj,
    memory: src.memory,
    buf: src.buf,
    len: src.len,
    readonly: src.readonly,
    itemsize: src.itemsize,
    format: src.format ?? "B",
    ndim: src.ndim,
    shape,
    strides,
    suboffsets: sub === null || !fresh ? sub : sub.slice(),
    abi: src.abi,
    internal: null,
  };
}

/**
 * Whether a layout already has everything `ownLayout` fills in, so that a view can use
 * it as it is: nothing writes into a view's layout except a `fresh` copy.
 */
function isComplete(src: BufferView): boolean {
  if (src.format === null || src.suboffsets !== null || src.internal !== null) return false;
  return src.ndim === 0
    ? src.shape === null && src.strides === null
    : src.shape !== null && src.strides !== null;
}

function cStrides(shape: readonly number[], itemsize: number): number[] {
  const strides = new Array<number>(shape.length);
  let stride = itemsize;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= shape[d] as number;
  }
  return strides;
}

/**
 * `init_flags`: C / F bits (0-d: both; 1-D: `shape[0] == 1 or strides[0] == itemsize`;
 * N-d: `PyBuffer_IsContiguous`), or `PIL` alone for a view with suboffsets.
 *
 * @example
 * layoutFlags(view) & C; // non-zero when C-contiguous
 */
export function layoutFlags(v: BufferView): number {
  if (v.suboffsets !== null) return PIL;
  if (v.ndim === 0) return C | F;
  if (v.ndim === 1) {
    const shape = v.shape as number[];
    return shape[0] === 1 || (v.strides as number[])[0] === v.itemsize ? C | F : 0;
  }
  return (isContiguous(v, "C") ? C : 0) | (isContiguous(v, "F") ? F : 0);
}

/**
 * The lowest byte a layout without suboffsets reaches (`buf` when it is empty).
 *
 * @example
 * reachLow(view); // 0
 */
export function reachLow(v: BufferView): number {
  let lo = v.buf;
  for (let d = 0; d < v.ndim; d++) {
    const n = (v.shape as number[])[d] as number;
    if (n === 0) return v.buf;
    const span = (n - 1) * ((v.strides as number[])[d] as number);
    if (span < 0) lo += span;
  }
  return lo;
}

/**
 * One past the highest byte a layout without suboffsets reaches (`reachLow` when empty,
 * so an empty layout reaches nothing).
 *
 * @example
 * reachHigh(view); // 12
 */
export function reachHigh(v: BufferView): number {
  let hi = v.buf + v.itemsize;
  for (let d = 0; d < v.ndim; d++) {
    const n = (v.shape as number[])[d] as number;
    if (n === 0) return v.buf;
    const span = (n - 1) * ((v.strides as number[])[d] as number);
    if (span > 0) hi += span;
  }
  return hi;
}
