/**
 * `m[key]`, `m[key] = value` and `del m[key]`: CPython's `memory_subscript` and
 * `memory_ass_sub`, with their key classification and check order. Beyond CPython,
 * an array of slices (one per leading dimension) makes a multi-dimensional sub-view and
 * may be assigned to, and a slice of an N-d view may be assigned to, where CPython
 * raises `NotImplementedError`.
 */
import { type BufferView, getBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { NotImplementedError } from "@pybuffer/struct";
import { copyInto } from "./assign.js";
import {
  Ellipsis,
  isIndex,
  isMultiIndex,
  isMultiSlice,
  lookupDimension,
  pointerFromTuple,
  toSsize,
} from "./indexing.js";
import type { MemoryView } from "./memoryview.js";
import { applyBounds, applySlice, Slice, type SliceBound, slice1D } from "./slice.js";

function invalidKey(): TypeError {
  return new TypeError("memoryview: invalid slice key");
}

function zeroDim(): TypeError {
  return new TypeError("invalid indexing of 0-dim memory");
}

/** The layout of `m` narrowed by one slice per leading dimension. */
function sliced(m: MemoryView, slices: readonly Slice[]): BufferView {
  const ndim = m._view.ndim;
  // More slices than dimensions: our extension does not apply, CPython's error stands.
  if (slices.length > ndim)
    throw new NotImplementedError("multi-dimensional slicing is not implemented");
  const view = m._copyLayout();
  for (let d = 0; d < slices.length; d++) applySlice(view, slices[d] as Slice, d);
  return withLen(view);
}

/** Sets `len` from the shape after slicing (`init_len`). */
function withLen(view: BufferView): BufferView {
  const shape = view.shape as number[];
  let items = shape[0] as number;
  for (let d = 1; d < shape.length; d++) items *= shape[d] as number;
  view.len = items * view.itemsize;
  return view;
}

/**
 * `m[start:stop:step]` without a Slice object: the fast path of `MemoryView.slice`.
 *
 * @example
 * sliceView(m, 10, 20, null);
 */
export function sliceView(
  m: MemoryView,
  start: SliceBound,
  stop: SliceBound,
  step: SliceBound,
): MemoryView {
  m._alive();
  const src = m._view;
  if (src.ndim === 0) throw zeroDim();
  if (src.ndim === 1 && src.suboffsets === null) return m._derive(slice1D(src, start, stop, step));
  const view = m._copyLayout();
  applyBounds(view, start, stop, step, 0);
  return m._derive(withLen(view));
}

/**
 * `m[key]`: an item, a sub-view (slices), or `m` itself (`m[...]` on a 0-d view).
 *
 * @example
 * getItem(m, [1, 2]);
 */
export function getItem(m: MemoryView, key: unknown): unknown {
  m._alive();
  const view = m._view;
  if (view.ndim === 0) {
    if (Array.isArray(key) && key.length === 0) return m._read(m._fmt(), view.buf);
    if (key === Ellipsis) return m;
    throw zeroDim();
  }
  if (isIndex(key)) {
    const index = toSsize(key, view.abi);
    const codec = m._fmt();
    if (view.ndim !== 1) {
      throw new NotImplementedError("multi-dimensional sub-views are not implemented");
    }
    return m._read(codec, lookupDimension(view, view.buf, 0, index));
  }
  if (key instanceof Slice) return m._derive(sliced(m, [key]));
  if (Array.isArray(key)) {
    if (isMultiIndex(key)) {
      const codec = m._fmt();
      if (key.length < view.ndim) throw new NotImplementedError("sub-views are not implemented");
      const ptr = pointerFromTuple(view, key);
      return m._read(codec, ptr);
    }
    if (isMultiSlice(key)) return m._derive(sliced(m, key));
  }
  throw invalidKey();
}

/** `m[slices] = value`: the slice-assignment path (exporter first, then the slice). */
function assignSlices(m: MemoryView, slices: readonly Slice[], value: unknown): void {
  const src = getBuffer(value, PyBUF_FULL_RO);
  try {
    const dest = sliced(m, slices);
    m._alive();
    m._bytes();
    copyInto(dest, src);
  } finally {
    releaseBuffer(src);
  }
}

/**
 * `m[key] = value`: packs one item (ints range-checked per C type, floats, `?`, `c`, `P`)
 * or copies an exporter into a slice with the same structure.
 *
 * @example
 * setItem(m, 0, 255);
 */
export function setItem(m: MemoryView, key: unknown, value: unknown): void {
  m._alive();
  const codec = m._fmt();
  const view = m._view;
  if (view.readonly) throw new TypeError("cannot modify read-only memory");
  if (view.ndim === 0) {
    if (key === Ellipsis || (Array.isArray(key) && key.length === 0)) {
      m._write(codec, view.buf, value);
      return;
    }
    throw zeroDim();
  }
  if (isIndex(key)) {
    if (view.ndim > 1) throw new NotImplementedError("sub-views are not implemented");
    const index = toSsize(key, view.abi);
    m._write(codec, lookupDimension(view, view.buf, 0, index), value);
    return;
  }
  if (key instanceof Slice) {
    assignSlices(m, [key], value);
    return;
  }
  if (Array.isArray(key)) {
    if (isMultiIndex(key)) {
      if (key.length < view.ndim) throw new NotImplementedError("sub-views are not implemented");
      m._write(codec, pointerFromTuple(view, key), value);
      return;
    }
    if (isMultiSlice(key)) {
      if (key.length > view.ndim) {
        // Beyond our extension: CPython's refusal, before the value is looked at.
        throw new NotImplementedError(
          "memoryview slice assignments are currently restricted to ndim = 1",
        );
      }
      assignSlices(m, key, value);
      return;
    }
  }
  throw invalidKey();
}

/**
 * `del m[key]`: always refused, as in CPython (`cannot modify read-only memory` on a
 * read-only view, else `cannot delete memory`).
 *
 * @example
 * deleteItem(m, 0); // TypeError: cannot delete memory
 */
export function deleteItem(m: MemoryView, _key: unknown): never {
  m._alive();
  m._fmt();
  if (m._view.readonly) throw new TypeError("cannot modify read-only memory");
  throw new TypeError("cannot delete memory");
}
