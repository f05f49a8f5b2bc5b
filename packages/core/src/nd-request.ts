/**
 * How an {@link NDBuffer} answers a request: `_testbuffer`'s `ndarray_getbuf`, check
 * for check and in its order, with its messages. Start from the complete view and
 * take away what the flags do not ask for (format, strides, shape), refusing what the
 * layout cannot give.
 */
import { BufferError } from "@pybuffer/struct";
import type { NDLayout } from "./nd-layout.js";
import {
  reqFormat,
  reqIndirect,
  reqShape,
  reqStrides,
  reqWritable,
  unmetContiguity,
} from "./request.js";
import type { BufferView } from "./view.js";

/**
 * The view `layout` exports for `flags` (with `obj` and `internal` as given), or the
 * `BufferError` `_testbuffer.ndarray` raises: "ndarray is not writable", "ndarray is
 * not C-contiguous", "ndarray is not Fortran contiguous", "ndarray is not
 * contiguous", "ndarray cannot be represented without suboffsets", "ndarray: cannot
 * cast to unsigned bytes if the format flag is present". Without `PyBUF_ND` the view
 * is flattened to one dimension without shape, keeping `itemsize`.
 *
 * @example
 * answerRequest(buildLayout(memory, { shape: [2, 3] }), PyBUF_ND, nd, null).strides; // null
 */
export function answerRequest(
  layout: NDLayout,
  flags: number,
  obj: object,
  internal: unknown,
): BufferView {
  refuseRequest(layout, flags);
  const { base } = layout;
  const format = reqFormat(flags) ? base.format : null;
  const flat = !reqShape(flags);
  return {
    obj,
    memory: base.memory,
    buf: base.buf,
    len: base.len,
    readonly: base.readonly,
    itemsize: base.itemsize,
    format,
    ndim: flat ? 1 : base.ndim,
    shape: flat ? null : (base.shape?.slice() ?? null),
    strides: reqStrides(flags) ? (base.strides?.slice() ?? null) : null,
    suboffsets: base.suboffsets?.slice() ?? null,
    abi: base.abi,
    internal,
  };
}

/**
 * The checks of {@link answerRequest} alone: throws the `BufferError` `_testbuffer`
 * raises when `layout` cannot answer `flags`, else returns.
 *
 * @example
 * refuseRequest(layout, PyBUF_WRITABLE); // BufferError: ndarray is not writable
 */
export function refuseRequest(layout: NDLayout, flags: number): void {
  const { base, c, f } = layout;
  if (reqWritable(flags) && base.readonly) throw new BufferError("ndarray is not writable");
  const unmet = unmetContiguity(flags, c, f);
  if (unmet !== null) throw new BufferError(`ndarray is not ${unmet}`);
  if (!reqIndirect(flags) && base.suboffsets !== null) {
    throw new BufferError("ndarray cannot be represented without suboffsets");
  }
  if (!reqStrides(flags) && !c) throw new BufferError("ndarray is not C-contiguous");
  if (!reqShape(flags) && reqFormat(flags)) {
    throw new BufferError("ndarray: cannot cast to unsigned bytes if the format flag is present");
  }
}
