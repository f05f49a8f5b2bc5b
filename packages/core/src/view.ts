/**
 * The buffer view: CPython's `Py_buffer`, field for field, over one JavaScript backing
 * store. `memory` is the whole ArrayBuffer / SharedArrayBuffer (a WebAssembly.Memory's
 * `buffer` included) and `buf` the byte offset of the logical first element in it;
 * with negative strides that is not the lowest address the view reaches.
 */

/**
 * A backing store a view can address.
 *
 * @example
 * const memory: Memory = new WebAssembly.Memory({ initial: 1 }).buffer;
 */
export type Memory = ArrayBuffer | SharedArrayBuffer;

/**
 * The native ABI whose pointer size and byte order pointers stored in memory use
 * (suboffsets, format `P`): `lp64` (default; 8-byte little-endian), `llp64`
 * (8-byte little-endian) or `wasm32` (4-byte little-endian).
 *
 * @example
 * new NDBuffer(memory, { shape: [2], strides: [4], suboffsets: [0], abi: "wasm32" });
 */
export type Abi = "lp64" | "llp64" | "wasm32";

/**
 * CPython's `Py_buffer`. Fields keep their C names and meanings.
 *
 * @example
 * const view: BufferView = getBuffer(exporter, PyBUF_FULL_RO);
 * view.shape; // [2, 3]
 */
export interface BufferView {
  /** The exporter this view was obtained from (a new reference); `null` after release. */
  obj: object | null;
  /** The backing store every byte of the view lies in. */
  memory: Memory;
  /** Byte offset in `memory` of the logical first element (`buf` pointer). */
  buf: number;
  /** Bytes the view would take if it were contiguous: product(shape) * itemsize. */
  len: number;
  /** Whether the exporter forbids writes. */
  readonly: boolean;
  /** Bytes per item. */
  itemsize: number;
  /** struct-module format of one item; `null` when not requested (it then means "B"). */
  format: string | null;
  /** Number of dimensions, 0 to {@link PyBUF_MAX_NDIM}. */
  ndim: number;
  /** Items per dimension, or `null` when not requested (then one dimension of len/itemsize). */
  shape: number[] | null;
  /** Bytes between items per dimension, or `null` (then C-contiguous). */
  strides: number[] | null;
  /** PIL-style indirection per dimension (negative means none), or `null` (no indirection). */
  suboffsets: number[] | null;
  /** Pointer size and byte order for suboffsets and `P` items. */
  abi: Abi;
  /** For the exporter's own use; consumers must not touch it. */
  internal: unknown;
}
