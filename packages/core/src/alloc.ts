/**
 * Fresh memory for results: what the platform cannot make (past its typed-array or
 * ArrayBuffer limit, or out of memory) is CPython's `MemoryError` with its empty
 * message, never a `RangeError`.
 */
import { MemoryError } from "@pybuffer/struct";

/**
 * Runs `make`, turning the platform's refusal to allocate (a `RangeError`: "Invalid
 * typed array length", "Array buffer allocation failed") into `MemoryError("")`.
 *
 * @example
 * const memory = allocating(() => new ArrayBuffer(n, { maxByteLength: 2 * n }));
 */
export function allocating<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof RangeError) throw new MemoryError("");
    throw error;
  }
}

/**
 * `n` zero bytes, or `MemoryError("")` as CPython's `PyBytes_FromStringAndSize` when
 * they cannot be had.
 *
 * @example
 * allocBytes(4); // Uint8Array(4) [0, 0, 0, 0]
 * allocBytes(2 ** 60); // MemoryError
 */
export function allocBytes(n: number): Uint8Array<ArrayBuffer> {
  return allocating(() => new Uint8Array(n));
}
