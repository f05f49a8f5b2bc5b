/** `PyBuffer_FromContiguous`: fill a view's items from a contiguous run of bytes. */
import { BufferError } from "@pybuffer/struct";
import { isContiguous } from "./contiguity.js";
import { copyItems } from "./copy/copy-items.js";
import { forEachItem, hasZeroStride } from "./copy/item-walk.js";
import { isMemory } from "./memory.js";
import { fillContiguousStrides } from "./strides.js";
import type { BufferView, Memory } from "./view.js";
import { checkOrder, geometryOf } from "./view-side.js";

function bytesArgument(src: unknown): Uint8Array {
  if (src instanceof Uint8Array) return src;
  if (ArrayBuffer.isView(src)) return new Uint8Array(src.buffer, src.byteOffset, src.byteLength);
  if (isMemory(src)) return new Uint8Array(src);
  throw new TypeError(
    "fromContiguous() src must be a Uint8Array, an ArrayBuffer view or an ArrayBuffer",
  );
}

/**
 * `PyBuffer_FromContiguous(view, buf, len, fort)`: writes the bytes of `src`, taken
 * as items in C (`'C'`, `'A'`) or Fortran (`'F'`) order, into the items of `view`.
 * Like CPython, a longer `src` is cut to `view.len` and a shorter one fills only the
 * whole items it holds; a view contiguous in `order` gets a plain copy. Unlike
 * CPython, a read-only view is refused (`BufferError: Object is not writable.`).
 * `src` may overlap the view in the same memory. Returns the bytes copied.
 *
 * @example
 * const nd = new NDBuffer(new ArrayBuffer(6), { shape: [2, 3] });
 * fromContiguous(getBuffer(nd, PyBUF_FULL), new Uint8Array([1, 4, 2, 5, 3, 6]), "F");
 * nd.toBytes(); // Uint8Array [1, 2, 3, 4, 5, 6]
 */
export function fromContiguous(
  view: BufferView,
  src: Uint8Array | ArrayBufferView | Memory,
  order: "C" | "F" | "A",
): number {
  const geometry = geometryOf(view, "fromContiguous");
  checkOrder(order);
  let bytes = bytesArgument(src);
  const { side, shape, itemsize } = geometry;
  if (geometry.view.readonly) throw new BufferError("Object is not writable.");
  const len = Math.min(bytes.length, geometry.view.len);
  if (len === 0) return 0;
  if (geometry.view.ndim === 0 || isContiguous(geometry.view, order)) {
    new Uint8Array(side.memory).set(bytes.subarray(0, len), side.buf);
    return len;
  }
  if (bytes.buffer === side.memory) bytes = bytes.slice(0, len);
  const fortran = order === "F";
  const count = Math.floor(len / itemsize);
  const total = geometry.view.len / itemsize;
  const ordered = hasZeroStride(shape, side.strides);
  if (count === total && !(ordered && fortran)) {
    const source = {
      memory: bytes.buffer,
      buf: bytes.byteOffset,
      strides: fillContiguousStrides(shape, itemsize, fortran ? "F" : "C"),
      suboffsets: null,
      abi: side.abi,
    };
    copyItems(side, source, shape, itemsize, !ordered);
    return count * itemsize;
  }
  const out = new Uint8Array(side.memory);
  let at = 0;
  forEachItem(side, shape, fortran ? "F" : "C", count, (addr) => {
    for (let j = 0; j < itemsize; j++) out[addr + j] = bytes[at + j] as number;
    at += itemsize;
  });
  return count * itemsize;
}
