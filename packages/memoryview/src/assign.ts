/**
 * Slice assignment, `m[a:b:c] = src`: CPython's `copy_single` / `copy_buffer`. The
 * structures must match (`equiv_structure`: the same format string after an optional
 * `@`, the same itemsize, equivalent shapes), else
 * `ValueError('memoryview assignment: lvalue and rvalue have different structures')`.
 * The copy is atomic and overlap-safe: adjacent runs move with `copyWithin` / `set`, and
 * anything strided is staged through a C-order copy of the source first, then written
 * by @pybuffer/core's `fromContiguous` (every address resolved and checked before the
 * first byte moves; items of the target that share bytes end as CPython's C-order loop
 * leaves them).
 */
import { type BufferView, fromContiguous } from "@pybuffer/core";
import { ValueError } from "@pybuffer/struct";
import { sameShape } from "./compare.js";
import { sameFormat } from "./format.js";
import { toBytes } from "./to-bytes.js";

function shapeOf(view: BufferView): readonly number[] {
  return view.ndim === 0 ? [] : (view.shape ?? [view.len / view.itemsize]);
}

/** Whether a view is one run of adjacent items starting at `buf` (no suboffsets). */
function isPlainRun(view: BufferView): boolean {
  if (view.suboffsets !== null) return false;
  if (view.ndim === 0 || view.strides === null) return true;
  let expected = view.itemsize;
  for (let d = view.ndim - 1; d >= 0; d--) {
    const extent = (view.shape as number[])[d] as number;
    if (extent > 1 && (view.strides[d] as number) !== expected) return false;
    expected *= extent;
  }
  return true;
}

/**
 * Copies `src`'s items into `dest` (a sliced view of the target), after checking that
 * their structures match. The bytes of both exist.
 *
 * @example
 * copyInto(sliced, getBuffer(other, PyBUF_FULL_RO));
 */
export function copyInto(dest: BufferView, src: BufferView): void {
  if (
    !sameFormat(dest.format ?? "B", src.format ?? "B") ||
    dest.itemsize !== src.itemsize ||
    !sameShape(shapeOf(dest), shapeOf(src))
  ) {
    throw new ValueError("memoryview assignment: lvalue and rvalue have different structures");
  }
  if (dest.len === 0) return;
  const target = new Uint8Array(dest.memory);
  if (isPlainRun(dest) && isPlainRun(src)) {
    if (dest.memory === src.memory) target.copyWithin(dest.buf, src.buf, src.buf + src.len);
    else target.set(new Uint8Array(src.memory, src.buf, src.len), dest.buf);
    return;
  }
  fromContiguous(dest, toBytes(src, "C", isPlainRun(src)), "C");
}
