/**
 * Python's `slice` object and the arithmetic every slicing does: `PySlice_Unpack`
 * (None defaults, `slice step cannot be zero`, clamping to ssize_t) followed by
 * `PySlice_AdjustIndices` (negative indices, clamping to the length, the slice length),
 * and memoryview's `init_slice`, which applies one slice to one dimension of a view
 * (moving `buf`, or the nearest earlier suboffset for PIL-style views).
 */
import type { Abi, BufferView } from "@pybuffer/core";
import { ValueError } from "@pybuffer/struct";
import { ssizeLimit } from "./format.js";
import { asPyInt } from "./py-values.js";

/**
 * A slice bound: Python's int (`number` / `bigint` / `boolean`) or `None`.
 *
 * @example
 * const start: SliceBound = -1n;
 */
export type SliceBound = number | bigint | boolean | null | undefined;

/**
 * Python's `slice(start, stop, step)`: a key for `get` / `set` (`m[1:4]`,
 * `m[::-1] = src`, and one per dimension in multi-dimensional slicing).
 *
 * @example
 * m.get(new Slice(1, 4)); // m[1:4]
 * m.set(new Slice(null, null, -1), other); // m[::-1] = other
 */
export class Slice {
  /** First index (`None` → from the start, or the end for a negative step). */
  readonly start: SliceBound;
  /** Index to stop before. */
  readonly stop: SliceBound;
  /** Step (`None` → 1). */
  readonly step: SliceBound;

  constructor(start?: SliceBound, stop?: SliceBound, step?: SliceBound) {
    this.start = start ?? null;
    this.stop = stop ?? null;
    this.step = step ?? null;
  }
}

/**
 * Python's `slice()` builtin: `slice(stop)` or `slice(start, stop, step)`.
 *
 * @example
 * m.get(slice(2)); // m[:2]
 * m.get(slice(null, null, 2)); // m[::2]
 */
export function slice(...args: [stop?: SliceBound] | [SliceBound, SliceBound, SliceBound?]): Slice {
  return args.length <= 1 ? new Slice(null, args[0]) : new Slice(args[0], args[1], args[2]);
}

/**
 * `_PyEval_SliceIndex`: an int clamped to the ssize_t whose `-PY_SSIZE_T_MIN` is
 * `limit`, or the TypeError for anything else.
 */
function sliceIndex(value: SliceBound, limit: number): number {
  if (typeof value === "number" && value < limit && value > -limit && value !== 0) {
    if (Number.isSafeInteger(value)) return value;
  }
  const int = asPyInt(value);
  if (int === null) {
    throw new TypeError("slice indices must be integers or None or have an __index__ method");
  }
  const n = Number(int);
  return Math.min(limit - 1, Math.max(-limit, n));
}

/**
 * Where a slice starts, its step, and how many items it takes.
 *
 * @example
 * const s: SliceIndices = { start: 4, step: -2, length: 3 };
 */
export interface SliceIndices {
  start: number;
  step: number;
  length: number;
}

// The last adjusted slice (module state, so the hot path allocates nothing).
let adjStart = 0;
let adjStep = 1;

/**
 * `PySlice_Unpack` + `PySlice_AdjustIndices` for `length` items, with the ABI's
 * `Py_ssize_t`: returns the slice length and leaves start and step in module state
 * ({@link sliceIndices} wraps it).
 */
function adjust(
  first: SliceBound,
  last: SliceBound,
  by: SliceBound,
  length: number,
  abi: Abi,
): number {
  const limit = ssizeLimit(abi);
  let step = 1;
  if (by !== null && by !== undefined) {
    step = sliceIndex(by, limit);
    if (step === 0) throw new ValueError("slice step cannot be zero");
    if (step < 1 - limit) step = 1 - limit;
  }
  let start =
    first === null || first === undefined ? (step < 0 ? limit - 1 : 0) : sliceIndex(first, limit);
  let stop =
    last === null || last === undefined ? (step < 0 ? -limit : limit - 1) : sliceIndex(last, limit);
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
  adjStart = start;
  adjStep = step;
  if (step < 0) return stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
}

/**
 * `PySlice_Unpack` + `PySlice_AdjustIndices` for a sequence of `length` items
 * (`Py_ssize_t` of the ABI given, LP64's by default).
 *
 * @example
 * sliceIndices(new Slice(null, null, -2), 5); // { start: 4, step: -2, length: 3 }
 */
export function sliceIndices(s: Slice, length: number, abi: Abi = "lp64"): SliceIndices {
  const n = adjust(s.start, s.stop, s.step, length, abi);
  return { start: adjStart, step: adjStep, length: n };
}

/**
 * `stride * step` as `init_slice` computes it in the ABI's `Py_ssize_t`: exact while
 * safe, else wrapped to its width as C does. A product that large only happens where
 * the sliced extent is 0 or 1 (no memory is that big), so it never addresses a byte;
 * a wrapped value past 2^53 (64-bit ABIs only) is clamped to ±(2^53 - 1) so that the
 * view stays a valid layout (CPython keeps the exact wrapped value).
 */
function slicedStride(stride: number, step: number, abi: Abi): number {
  const product = stride * step;
  const limit = ssizeLimit(abi);
  // 0 times a negative step is 0, not -0.
  if (Number.isSafeInteger(product) && product < limit && product >= -limit) return product + 0;
  // A step clamped to ±(limit - 1) stands for that exact value (its number may round).
  const exact =
    step >= limit - 1 ? BigInt(limit) - 1n : step <= 1 - limit ? 1n - BigInt(limit) : BigInt(step);
  const wrapped = Number(BigInt.asIntN(abi === "wasm32" ? 32 : 64, BigInt(stride) * exact));
  return Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, wrapped));
}

/**
 * Whether a slice is `[first:last]` with integers `0 <= first <= last <= length` (no
 * step), which `adjust` would leave as it is. -0 is not a Python int: it is left to
 * `adjust`, which refuses it.
 */
function isPlainRange(first: SliceBound, last: SliceBound, by: SliceBound, length: number) {
  return (
    by === undefined &&
    typeof first === "number" &&
    typeof last === "number" &&
    // 0 or more, but not -0 (1 / -0 is -Infinity).
    1 / first > 0 &&
    1 / last > 0 &&
    first <= last &&
    last <= length &&
    Number.isInteger(first) &&
    Number.isInteger(last)
  );
}

/**
 * `init_slice` + `init_len` for a one-dimensional view without suboffsets, building the
 * sliced layout in one object literal (the same fields, in the same order, as
 * `ownLayout`) instead of copying the layout, its arrays, then narrowing the copy
 * (create + slice + release on a 1-D 'B' NDBuffer, median of 5 × 1M on this machine:
 * ~260 → ~210 ns together with the one-dimensional `_layoutChanged`). Same results and
 * errors as `ownLayout(src, true)` + {@link applyBounds} on dimension 0 + `init_len`.
 *
 * @example
 * slice1D(m._view, 10, 20, null).shape; // [10]
 */
export function slice1D(
  src: BufferView,
  first: SliceBound,
  last: SliceBound,
  by: SliceBound,
): BufferView {
  const n = (src.shape as number[])[0] as number;
  let length: number;
  let start: number;
  let step: number;
  if (isPlainRange(first, last, by, n)) {
    // `m.slice(a, b)` with integers 0 <= a <= b <= n, the usual call: nothing to convert
    // or clamp. (Kept out of `adjust`, which then stays out of the inlined code.)
    length = (last as number) - (first as number);
    start = first as number;
    step = 1;
  } else {
    length = adjust(first, last, by, n, src.abi);
    start = adjStart;
    step = adjStep;
  }
  const stride = (src.strides as number[])[0] as number;
  return {
    obj: src.obj,
    memory: src.memory,
    buf: src.buf + stride * start,
    len: length * src.itemsize,
    readonly: src.readonly,
    itemsize: src.itemsize,
    format: src.format ?? "B",
    ndim: 1,
    shape: [length],
    // A step of 1 keeps the stride: share the array (nothing writes into a view's arrays
    // but a fresh copy).
    strides: step === 1 ? (src.strides as number[]) : [slicedStride(stride, step, src.abi)],
    suboffsets: null,
    abi: src.abi,
    internal: null,
  };
}

/**
 * `init_slice`: narrows dimension `dim` of `view` (whose shape, strides and suboffsets
 * are private copies) to the slice `s`.
 *
 * @example
 * applySlice(copy, new Slice(1, null), 0);
 */
export function applySlice(view: BufferView, s: Slice, dim: number): void {
  applyBounds(view, s.start, s.stop, s.step, dim);
}

/**
 * {@link applySlice} with the slice given as its three bounds (no Slice object).
 *
 * @example
 * applyBounds(copy, 1, null, -1, 0); // copy[1::-1]
 */
export function applyBounds(
  view: BufferView,
  first: SliceBound,
  last: SliceBound,
  by: SliceBound,
  dim: number,
): void {
  const shape = view.shape as number[];
  const strides = view.strides as number[];
  const length = adjust(first, last, by, shape[dim] as number, view.abi);
  const start = adjStart;
  const step = adjStep;
  const stride = strides[dim] as number;
  const sub = view.suboffsets;
  let n = dim - 1;
  if (sub !== null) while (n >= 0 && (sub[n] as number) < 0) n--;
  if (sub === null || n < 0) view.buf += stride * start;
  else sub[n] = (sub[n] as number) + stride * start;
  shape[dim] = length;
  strides[dim] = slicedStride(stride, step, view.abi);
}
