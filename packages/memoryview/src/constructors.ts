/**
 * The ways to make a memoryview besides `new MemoryView(obj)`: CPython's
 * `PyMemoryView_FromObject`, `PyMemoryView_FromMemory`, `PyMemoryView_FromBuffer`,
 * `PyMemoryView_GetContiguous` and the private `memoryview._from_flags`.
 */

import type { FormatOf, NdimOf } from "@pybuffer/core";
import {
  type BufferView,
  checkBuffer,
  checkRange,
  isMemory,
  type Memory,
  NDBuffer,
  PyBUF_MAX_NDIM,
  PyBUF_READ,
  PyBUF_WRITE,
  pythonTypeName,
  validateView,
} from "@pybuffer/core";
import { BufferError, ValueError } from "@pybuffer/struct";
import { clinic } from "./arity.js";
import { exportOf } from "./guards.js";
import { ownLayout } from "./layout.js";
import { ManagedBuffer } from "./managed-buffer.js";
import { MemoryView, newView } from "./memoryview.js";
import { toBytes } from "./to-bytes.js";
import type { Known } from "./view-types.js";

/**
 * `memoryview(obj)` / `PyMemoryView_FromObject`: a view of any exporter, or a new view
 * sharing another memoryview's managed buffer.
 *
 * @example
 * const m = memoryview(nd);
 * memoryview(m).obj === nd; // true
 */
export function memoryview<E>(
  obj: E,
): MemoryView<Known<FormatOf<E>, string>, Known<NdimOf<E>, number>>;
export function memoryview(obj: unknown): MemoryView {
  // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
  clinic("memoryview", 1, arguments.length, "object");
  return new MemoryView(obj);
}

/**
 * `PyMemoryView_FromObject(obj)`: the same as {@link memoryview}.
 *
 * @example
 * fromObject(nd).obj === nd; // true
 */
export function fromObject<E>(
  obj: E,
): MemoryView<Known<FormatOf<E>, string>, Known<NdimOf<E>, number>>;
export function fromObject(obj: unknown): MemoryView {
  return new MemoryView(obj);
}

/**
 * `PyMemoryView_FromMemory(mem, size, flags)`: a 1-D `B` view of `size` bytes of
 * `memory` from `byteOffset`, writable for `PyBUF_WRITE`, read-only for `PyBUF_READ`.
 * Its `obj` is `null`.
 *
 * @example
 * fromMemory(new ArrayBuffer(8), PyBUF_WRITE).set(0, 1);
 */
export function fromMemory(
  memory: Memory,
  flags: number,
  byteOffset?: number,
  size?: number,
): MemoryView<"B", 1>;
export function fromMemory(
  memory: Memory,
  flags: number,
  byteOffset = 0,
  size?: number,
): MemoryView {
  if (!isMemory(memory)) {
    throw new TypeError(
      `fromMemory() argument 1 must be an ArrayBuffer, not ${pythonTypeName(memory)}`,
    );
  }
  if (flags !== PyBUF_READ && flags !== PyBUF_WRITE) {
    throw new ValueError("fromMemory() flags must be PyBUF_READ or PyBUF_WRITE");
  }
  const length = size ?? memory.byteLength - byteOffset;
  if (
    !Number.isSafeInteger(byteOffset) ||
    !Number.isSafeInteger(length) ||
    byteOffset < 0 ||
    length < 0
  ) {
    throw new ValueError("fromMemory() offset and size must be non-negative integers");
  }
  checkRange(memory, byteOffset, byteOffset + length);
  const view: BufferView = {
    obj: null,
    memory,
    buf: byteOffset,
    len: length,
    readonly: flags === PyBUF_READ,
    itemsize: 1,
    format: "B",
    ndim: 1,
    shape: [length],
    strides: [1],
    suboffsets: null,
    abi: "lp64",
    internal: null,
  };
  return newView(new ManagedBuffer(view, false), ownLayout(view));
}

/**
 * `PyMemoryView_FromBuffer(info)`: a view of a buffer view you already hold (its `obj`
 * is dropped: the result's `obj` is `null`, and you keep the memory alive). Missing
 * fields are rebuilt: format `B`, shape from `len`, C-contiguous strides.
 *
 * @example
 * fromBuffer(getBuffer(nd, PyBUF_SIMPLE)).format; // "B"
 */
export function fromBuffer(info: BufferView): MemoryView {
  if (
    typeof info !== "object" ||
    info === null ||
    info.memory === null ||
    info.memory === undefined
  ) {
    throw new ValueError("PyMemoryView_FromBuffer(): info->buf must not be NULL");
  }
  if (typeof info.ndim === "number" && info.ndim > PyBUF_MAX_NDIM) {
    throw new ValueError("memoryview: number of dimensions must not exceed 64");
  }
  const view = validateView({ ...info, obj: null }, "PyMemoryView_FromBuffer()");
  return newView(new ManagedBuffer(view, false), ownLayout(view));
}

/**
 * `memoryview._from_flags(obj, flags)`: a view of `obj` requested with `flags` instead of
 * `PyBUF_FULL_RO` (without `PyBUF_FORMAT` the format reads `"B"` and the itemsize
 * stays). For a memoryview `obj` the flags are ignored, as in CPython.
 *
 * @example
 * fromFlags(nd, PyBUF_SIMPLE).ndim; // 1
 */
export function fromFlags(obj: unknown, flags: number): MemoryView {
  // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
  const given = arguments.length;
  clinic("_from_flags", 2, given, "object");
  if (given === 1) throw new TypeError("_from_flags() missing required argument 'flags' (pos 2)");
  if (obj instanceof MemoryView) return new MemoryView(obj);
  if (!checkBuffer(obj)) {
    throw new TypeError(
      `memoryview: a bytes-like object is required, not '${pythonTypeName(obj)}'`,
    );
  }
  const master = exportOf(obj, flags);
  return newView(new ManagedBuffer(master, true), ownLayout(master));
}

/** Contiguity of a view in `order`, computed on its layout (`PyBuffer_IsContiguous`). */
function contiguousIn(m: MemoryView, order: "C" | "F" | "A"): boolean {
  if (order === "C") return m.cContiguous;
  if (order === "F") return m.fContiguous;
  return m.contiguous;
}

/**
 * `PyMemoryView_GetContiguous(obj, buffertype, order)`: a view of `obj` contiguous in
 * `order` — `obj`'s own memory when it already is, else (for `PyBUF_READ` only) a
 * read-only view of a fresh copy in that order.
 *
 * @example
 * getContiguous(strided, PyBUF_READ, "C").cContiguous; // true
 */
export function getContiguous<E>(
  obj: E,
  buffertype: number,
  order: "C" | "F" | "A",
): MemoryView<Known<FormatOf<E>, string>, Known<NdimOf<E>, number>>;
export function getContiguous(
  obj: unknown,
  buffertype: number,
  order: "C" | "F" | "A",
): MemoryView {
  if (buffertype !== PyBUF_READ && buffertype !== PyBUF_WRITE)
    throw new ValueError("invalid buffer type");
  if (order !== "C" && order !== "F" && order !== "A") {
    throw new ValueError("invalid order, must be C, F or A");
  }
  const m = memoryview(obj);
  try {
    if (buffertype === PyBUF_WRITE && m.readonly)
      throw new BufferError("underlying buffer is not writable");
    if (contiguousIn(m, order) && m._view.suboffsets === null) return m;
    if (buffertype === PyBUF_WRITE) {
      throw new BufferError("writable contiguous buffer requested for a non-contiguous object.");
    }
  } catch (error) {
    m.release();
    throw error;
  }
  const fortran = order === "F";
  m._bytes();
  const bytes = toBytes(m._view, fortran ? "F" : "C", false);
  const holder = new NDBuffer(bytes.buffer, { shape: [bytes.length], readonly: true });
  const src = m._view;
  const shape = src.shape === null ? null : src.shape.slice();
  let strides: number[] | null = null;
  if (shape !== null) {
    strides = new Array<number>(src.ndim);
    let stride = src.itemsize;
    for (let k = 0; k < src.ndim; k++) {
      const d = fortran ? k : src.ndim - 1 - k;
      strides[d] = stride;
      stride *= shape[d] as number;
    }
  }
  m.release();
  const view: BufferView = {
    ...src,
    obj: holder,
    memory: bytes.buffer,
    buf: 0,
    readonly: true,
    shape,
    strides,
    suboffsets: null,
  };
  return newView(new ManagedBuffer(view, false), ownLayout(view));
}
