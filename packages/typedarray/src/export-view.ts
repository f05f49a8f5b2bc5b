/**
 * Answering a request: from a checked layout at a byte position in a memory to the
 * `BufferView` a request's flags call for, as CPython's exporters fill `Py_buffer`
 * (the "Buffer request types" rules: `format` only with `PyBUF_FORMAT`, `shape` only
 * with `PyBUF_ND`, `strides` only with `PyBUF_STRIDES`, `BufferError` when the layout
 * cannot meet the request).
 *
 * Not core's `NDBuffer`: that one checks layouts as `_testbuffer.ndarray` does (offset and
 * strides multiples of the item size, one memory fixed at construction), which would
 * refuse the DataView exports of unaligned items and record fields this package exists
 * for, and could not follow a `WebAssembly.Memory` whose buffer is replaced.
 * The view is built by core's `layoutView` from the layout verified once per exporter
 * (`trustOf`), so `getBuffer` re-checks it in O(1) (memory bounds and the request).
 */
import {
  type BufferView,
  layoutView,
  type Memory,
  PyBUF_ANY_CONTIGUOUS,
  PyBUF_C_CONTIGUOUS,
  PyBUF_F_CONTIGUOUS,
  PyBUF_STRIDES,
  PyBUF_WRITABLE,
  type VerifiedLayout,
  verifyLayout,
} from "@pybuffer/core";
import { BufferError } from "@pybuffer/struct";
import type { Layout } from "./layout.js";

function refused(what: string, demand: string): BufferError {
  return new BufferError(`${what}: underlying buffer is not ${demand}`);
}

/**
 * Fills a view of `layout` whose region starts at byte `base` of `memory`, for `flags`
 * (`what` names the exporter in messages).
 * The caller has checked the layout against the memory. Throws `BufferError` with
 * CPython's messages when the request cannot be met: a writable request on a read-only
 * export (`Object is not writable.`), a contiguity the layout lacks, or a request
 * without strides for a layout that needs them. Without `PyBUF_ND` the view is
 * flattened to one dimension with its item size and (if asked) format, as `array.array`
 * answers.
 *
 * @example
 * ```ts
 * const layout = resolveLayout(12, "i", 4, {}, "example");
 * exportView(owner, "example", new ArrayBuffer(12), 0, layout, false, PyBUF_FULL_RO, trustOf(layout)).shape; // [3]
 * ```
 */
export function exportView(
  owner: object,
  what: string,
  memory: Memory,
  base: number,
  layout: Layout,
  readonly: boolean,
  flags: number,
  trust: VerifiedLayout,
): BufferView {
  if ((flags & PyBUF_WRITABLE) !== 0 && readonly) {
    throw new BufferError("Object is not writable.");
  }
  const { c } = layout;

  const strided = (flags & PyBUF_STRIDES) === PyBUF_STRIDES;
  if (strided) {
    if ((flags & PyBUF_C_CONTIGUOUS) === PyBUF_C_CONTIGUOUS && !c)
      throw refused(what, "C-contiguous");
    if ((flags & PyBUF_F_CONTIGUOUS) === PyBUF_F_CONTIGUOUS && !layout.f) {
      throw refused(what, "Fortran contiguous");
    }
    if ((flags & PyBUF_ANY_CONTIGUOUS) === PyBUF_ANY_CONTIGUOUS && !c && !layout.f) {
      throw refused(what, "contiguous");
    }
  } else if (!c) {
    throw refused(what, "C-contiguous");
  }
  // Without PyBUF_ND: array.array's answer, flattened to one dimension, itemsize (and
  // format) kept. The shape and strides arrays are the verified layout's own (read-only).
  return layoutView(trust, owner, memory, base + layout.offset, readonly, flags);
}

/**
 * `layout` verified by core (`verifyLayout`) for the fast road through getBuffer.
 *
 * @example
 * ```ts
 * trustOf(resolveLayout(12, "i", 4, {}, "example")).hi; // 12
 * ```
 */
export function trustOf(layout: Layout): VerifiedLayout {
  const { format, itemsize, abi, shape, strides } = layout;
  // One-dimensional layouts repeat (a loop wrapping arrays of one kind and length): the
  // last one verified is reused, a verified layout being independent of memory and
  // offset (bench slice-release, fromTypedArray + getBuffer: ~40 ns of ~240 saved).
  if (shape.length === 1) {
    const last = lastFlat;
    if (
      last !== null &&
      last.format === format &&
      last.itemsize === itemsize &&
      last.abi === abi &&
      last.intact() &&
      (last.shape as number[])[0] === shape[0] &&
      (last.strides as number[])[0] === strides[0]
    ) {
      return last;
    }
  }
  const trust = verify(layout);
  if (shape.length === 1) lastFlat = trust;
  return trust;
}

let lastFlat: VerifiedLayout | null = null;

function verify(layout: Layout): VerifiedLayout {
  return verifyLayout({
    format: layout.format,
    itemsize: layout.itemsize,
    shape: layout.shape,
    strides: layout.strides,
    abi: layout.abi,
  });
}
