/** `PyObject_CopyData`: copy one exporter's items into another's. */
import { BufferError } from "@pybuffer/struct";
import { isContiguous } from "./contiguity.js";
import { copyItems } from "./copy/copy-items.js";
import { checkBuffer, getBuffer, releaseBuffer } from "./exporter.js";
import { PyBUF_FULL, PyBUF_FULL_RO } from "./flags.js";
import { isMemory } from "./memory.js";
import type { BufferView } from "./view.js";
import { geometryOf } from "./view-side.js";

function isView(value: unknown): value is BufferView {
  return (
    typeof value === "object" &&
    value !== null &&
    !checkBuffer(value) &&
    isMemory((value as BufferView).memory)
  );
}

/** A view of `x` for the request (getBuffer for an exporter, the view itself otherwise). */
function acquire(x: unknown, flags: number): { view: BufferView; owned: boolean } {
  if (checkBuffer(x)) return { view: getBuffer(x, flags), owned: true };
  const view = x as BufferView;
  if (flags === PyBUF_FULL && view.readonly) throw new BufferError("Object is not writable.");
  return { view, owned: false };
}

/**
 * `PyObject_CopyData(dest, src)`: copies the items of `src` into `dest`; each may
 * be an exporter (asked for `PyBUF_FULL` / `PyBUF_FULL_RO`, released afterwards) or
 * a buffer view. When both are C- or both Fortran-contiguous, `src.len` bytes are
 * copied as they lie (extra bytes of `dest` are left alone); otherwise item by
 * item, indexing both with `src`'s shape (`src.itemsize` bytes into each item of
 * `dest`). Overlap in one memory is safe; items of `dest` that share bytes end as
 * CPython's loop leaves them (it copies item (0, …, 0) last).
 *
 * Errors: `TypeError("both destination and source must be bytes-like objects")`,
 * the exporter's `BufferError` for a read-only `dest` ("Object is not writable."),
 * `BufferError("destination is too small to receive data from source")`, and, where
 * C would write outside `dest`'s items or read outside `src`'s, a `BufferError`
 * before anything is written: `dest` items smaller than `src`'s, a shape that does
 * not hold `src`'s.
 *
 * @example
 * const a = new NDBuffer(new Uint8Array([1, 2, 3, 4]).buffer, { shape: [2, 2] });
 * const b = new NDBuffer(new ArrayBuffer(4), { shape: [2, 2], order: "F" });
 * copyData(b, a);
 * b.toBytes("C"); // Uint8Array [1, 2, 3, 4]
 */
export function copyData(dest: unknown, src: unknown): void {
  if (!(checkBuffer(dest) || isView(dest)) || !(checkBuffer(src) || isView(src))) {
    throw new TypeError("both destination and source must be bytes-like objects");
  }
  const d = acquire(dest, PyBUF_FULL);
  let s: { view: BufferView; owned: boolean } | undefined;
  try {
    s = acquire(src, PyBUF_FULL_RO);
    copyViews(d.view, s.view);
  } finally {
    if (s?.owned) releaseBuffer(s.view);
    if (d.owned) releaseBuffer(d.view);
  }
}

function copyViews(dv: BufferView, sv: BufferView): void {
  const dg = geometryOf(dv, "copyData");
  const sg = geometryOf(sv, "copyData");
  if (dg.view.len < sg.view.len) {
    throw new BufferError("destination is too small to receive data from source");
  }
  if (sg.view.len === 0) return;
  const both = (order: string): boolean =>
    isContiguous(dg.view, order) && isContiguous(sg.view, order);
  if (both("C") || both("F")) {
    const source = new Uint8Array(sg.side.memory, sg.side.buf, sg.view.len);
    new Uint8Array(dg.side.memory).set(source, dg.side.buf);
    return;
  }
  const shape = sg.shape;
  if (dg.shape.length !== shape.length || dg.shape.some((n, i) => n < (shape[i] as number))) {
    throw new BufferError("destination shape cannot hold the source's items");
  }
  if (dg.itemsize < sg.itemsize) {
    throw new BufferError("destination items are smaller than the source's");
  }
  copyItems(dg.side, sg.side, shape, sg.itemsize, "C+1");
}
