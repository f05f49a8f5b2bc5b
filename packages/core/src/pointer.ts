/** `PyBuffer_GetPointer`: the address of one item, following suboffsets. */
import { ValueError } from "@pybuffer/struct";
import { pointerAt } from "./abi.js";
import { isReleased } from "./exporter.js";
import { checkRange, isMemory } from "./memory.js";
import { checkReach } from "./reach.js";
import type { BufferView } from "./view.js";

/**
 * `PyBuffer_GetPointer(view, indices)`: the byte offset in `view.memory` of the item
 * at `indices`: `buf + Σ strides[i] * indices[i]`, dereferencing the pointer stored
 * there wherever `suboffsets[i] >= 0` and adding the suboffset. Unlike C, every
 * index is checked (`ValueError: get_pointer(): invalid index 2 at position 0`, as
 * `_testbuffer.get_pointer`), missing strides are taken as C order, and the item
 * must lie inside memory.
 *
 * @example
 * const nd = new NDBuffer(new ArrayBuffer(6), { shape: [2, 3] });
 * getPointer(getBuffer(nd, PyBUF_STRIDES), [1, 2]); // 5
 */
export function getPointer(view: BufferView, indices: readonly number[]): number {
  if (typeof view !== "object" || view === null || !isMemory(view.memory)) {
    throw new TypeError("getPointer() argument 1 must be a buffer view");
  }
  if (isReleased(view)) throw new ValueError("operation forbidden on released buffer view");
  if (!Array.isArray(indices)) throw new TypeError("seq must be a list or a tuple");
  const { ndim, itemsize } = view;
  if (indices.length !== ndim) throw new ValueError("get_pointer(): len(indices) != ndim");
  const shape = view.shape ?? (ndim === 1 ? [view.len] : null);
  const step = view.shape === null ? 1 : itemsize;
  if (ndim > 0 && (shape === null || shape.length !== ndim)) {
    throw new TypeError("getPointer() view has no shape");
  }
  let ptr = view.buf;
  let stride = 0;
  const strides = view.strides;
  const suboffsets = view.suboffsets;
  for (let i = 0; i < ndim; i++) {
    const index: unknown = indices[i];
    if (typeof index !== "number" || !Number.isSafeInteger(index)) {
      throw new TypeError("an integer is required");
    }
    const extent = (shape as readonly number[])[i] as number;
    if (index < 0 || index >= extent) {
      throw new ValueError(`get_pointer(): invalid index ${index} at position ${i}`);
    }
    if (strides !== null) stride = strides[i] as number;
    else {
      stride = step;
      for (let j = i + 1; j < ndim; j++) stride *= (shape as readonly number[])[j] as number;
    }
    ptr += stride * index;
    const sub = suboffsets?.[i] ?? -1;
    if (sub >= 0) ptr = pointerAt(view.memory, ptr, view.abi) + sub;
  }
  // A strided view is checked whole (cheap), so a shrunk memory fails every index;
  // an indirect one is checked along the path taken.
  if (suboffsets === null && shape !== null) checkReach({ ...view, shape, strides: view.strides });
  checkRange(view.memory, ptr, ptr + (view.shape === null ? 1 : itemsize));
  return ptr;
}
