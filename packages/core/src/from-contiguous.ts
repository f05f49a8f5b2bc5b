/** `PyBuffer_FromContiguous`: fill a view's items from a contiguous run of bytes. */
import { BufferError } from "@pybuffer/struct";
import { isContiguous } from "./contiguity.js";
import { contiguousSide, copyItems } from "./copy/copy-items.js";
import { writeInOrder } from "./copy/ordered.js";
import { isMemory } from "./memory.js";
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
 * `src` may overlap the view in the same memory; items of the view that share bytes
 * end as CPython's item-by-item loop leaves them (the last written wins). Returns the
 * bytes copied.
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
  const fill = order === "F" ? "F" : "C";
  const count = Math.floor(len / itemsize);
  if (count === geometry.view.len / itemsize) {
    copyItems(side, contiguousSide(shape, itemsize, side.abi, fill, bytes), shape, itemsize, fill);
  } else if (count > 0) {
    // A prefix of the items in order: CPython's odometer, item by item.
    writeInOrder(side, shape, itemsize, fill, bytes, count);
  }
  return count * itemsize;
}
