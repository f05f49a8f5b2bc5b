/**
 * `memoryview.tobytes(order)` and every other "give me the bytes in logical order":
 * `PyBuffer_ToContiguous` over a view. A view contiguous in the order asked for is one
 * `slice` of its memory; any other goes through @pybuffer/core's `toContiguous`, whose
 * copy loops merge dimensions and move whole runs (suboffsets included).
 */
import { type BufferView, toContiguous } from "@pybuffer/core";

/**
 * The three orders of `tobytes` / `PyBuffer_ToContiguous`.
 *
 * @example
 * const order: Order = "F";
 */
export type Order = "C" | "F" | "A";

/**
 * The bytes of `view`'s items in `order`. `contiguous` says whether the view is
 * contiguous in that order (then its bytes are copied as they lie). The caller has
 * checked that the bytes exist.
 *
 * @example
 * toBytes(view, "C", false); // Uint8Array of view.len bytes
 */
export function toBytes(
  view: BufferView,
  order: "C" | "F",
  contiguous: boolean,
): Uint8Array<ArrayBuffer> {
  if (contiguous || view.ndim === 0) {
    return new Uint8Array(view.memory).slice(view.buf, view.buf + view.len);
  }
  if (view.len === 0) return new Uint8Array(0);
  return toContiguous(view, order);
}
