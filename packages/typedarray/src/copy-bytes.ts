/**
 * The copies behind the `copy` options: a view's items gathered in C order into fresh
 * (non-shared) bytes, and an in-place byte swap for items in the other byte order.
 */
import { type BufferView, toContiguous } from "@pybuffer/core";

/**
 * A fresh `Uint8Array` (over a new, non-shared ArrayBuffer) holding the view's items in C
 * order: core's `toContiguous` (`PyBuffer_ToContiguous`), which moves whole runs.
 *
 * @example
 * ```ts
 * const view = getBuffer(fromTypedArray(new Uint8Array([1, 2, 3, 4]), { shape: [2], strides: [2] }), PyBUF_FULL_RO);
 * copyBytes(view); // Uint8Array [1, 3]
 * ```
 */
export function copyBytes(view: BufferView): Uint8Array<ArrayBuffer> {
  return toContiguous(view, "C");
}

/**
 * Reverses the bytes of every `itemsize`-byte item of `bytes` in place (2, 4 or 8; other
 * sizes are left alone).
 *
 * @example
 * ```ts
 * const b = new Uint8Array([1, 2, 3, 4]);
 * swapBytes(b, 2); // b is now [2, 1, 4, 3]
 * ```
 */
export function swapBytes(bytes: Uint8Array, itemsize: number): void {
  if (itemsize !== 2 && itemsize !== 4 && itemsize !== 8) return;
  const half = itemsize >> 1;
  for (let start = 0; start + itemsize <= bytes.length; start += itemsize) {
    for (let k = 0; k < half; k++) {
      const a = start + k;
      const b = start + itemsize - 1 - k;
      const t = bytes[a] as number;
      bytes[a] = bytes[b] as number;
      bytes[b] = t;
    }
  }
}
