/** `PyBuffer_ToContiguous`: a view's items as one contiguous run of bytes. */
import { ValueError } from "@pybuffer/struct";
import { allocBytes } from "./alloc.js";
import { isContiguous } from "./contiguity.js";
import { contiguousSide, copyItems } from "./copy/copy-items.js";
import type { BufferView } from "./view.js";
import { checkOrder, geometryOf } from "./view-side.js";

/**
 * `PyBuffer_ToContiguous(buf, view, len, order)`: the items of `view` in C (`'C'`),
 * Fortran (`'F'`) or either (`'A'`: as they lie if the view is contiguous, else C)
 * order, as a new `Uint8Array` of `view.len` bytes or written into `dest`, which must
 * have exactly `view.len` bytes (`ValueError: PyBuffer_ToContiguous: len !=
 * view->len`). Suboffsets, negative strides and empty dimensions are handled;
 * `dest` may overlap the view in the same memory. A result the platform cannot
 * allocate is `MemoryError` (a zero-stride view of 2³³ items, say).
 *
 * @example
 * const nd = new NDBuffer(new Uint8Array([1, 2, 3, 4, 5, 6]).buffer, { shape: [2, 3] });
 * const view = getBuffer(nd, PyBUF_FULL_RO);
 * toContiguous(view, "F"); // Uint8Array [1, 4, 2, 5, 3, 6]
 * toContiguous(view, "C", new Uint8Array(6)); // fills and returns the given array
 */
export function toContiguous<T extends Uint8Array = Uint8Array<ArrayBuffer>>(
  view: BufferView,
  order: "C" | "F" | "A",
  dest?: T,
): T {
  const geometry = geometryOf(view, "toContiguous");
  checkOrder(order);
  const len = geometry.view.len;
  if (dest !== undefined) {
    if (!(dest instanceof Uint8Array))
      throw new TypeError("toContiguous() dest must be a Uint8Array");
    if (dest.length !== len) throw new ValueError("PyBuffer_ToContiguous: len != view->len");
  }
  const { side, shape, itemsize } = geometry;
  if (len === 0) return dest ?? (new Uint8Array(0) as T);
  if (geometry.view.ndim === 0 || isContiguous(geometry.view, order)) {
    const source = new Uint8Array(side.memory, side.buf, len);
    const out = dest ?? (allocBytes(len) as T);
    out.set(source);
    return out;
  }
  const out = dest ?? (allocBytes(len) as T);
  const fortran = order === "F";
  const target = contiguousSide(shape, itemsize, side.abi, fortran ? "F" : "C", out);
  copyItems(target, side, shape, itemsize, fortran ? "F" : "C");
  return out;
}
