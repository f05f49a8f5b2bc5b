/**
 * A memoryview as an exporter: CPython's `memory_getbuf`. It starts from the view's full
 * layout and drops what the request does not ask for, refusing (with `BufferError`
 * and CPython's messages, in CPython's order) requests the layout cannot meet.
 */
import {
  type BufferView,
  PyBUF_ANY_CONTIGUOUS,
  PyBUF_C_CONTIGUOUS,
  PyBUF_F_CONTIGUOUS,
  PyBUF_FORMAT,
  PyBUF_INDIRECT,
  PyBUF_ND,
  PyBUF_STRIDES,
  PyBUF_WRITABLE,
} from "@pybuffer/core";
import { BufferError } from "@pybuffer/struct";

function has(flags: number, flag: number): boolean {
  return (flags & flag) === flag;
}

/**
 * The view a memoryview hands out for request `flags`. `c` / `f` are its C / Fortran
 * contiguity flags; `owner` becomes the export's `obj`.
 *
 * @example
 * exportLayout(view, PyBUF_SIMPLE, true, true, mv); // ndim 1, shape null, format null
 */
export function exportLayout(
  view: BufferView,
  flags: number,
  c: boolean,
  f: boolean,
  owner: object,
): BufferView {
  refuseExport(view, flags, c, f);
  const format = has(flags, PyBUF_FORMAT) ? view.format : null;
  let ndim = view.ndim;
  let shape = view.shape === null ? null : view.shape.slice();
  let strides = view.strides === null ? null : view.strides.slice();
  if (!has(flags, PyBUF_STRIDES)) strides = null;
  if (!has(flags, PyBUF_ND)) {
    ndim = 1;
    shape = null;
  }
  return {
    obj: owner,
    memory: view.memory,
    buf: exportBuf(view),
    len: view.len,
    readonly: view.readonly,
    itemsize: view.itemsize,
    format,
    ndim,
    shape,
    strides,
    suboffsets: view.suboffsets === null ? null : view.suboffsets.slice(),
    abi: view.abi,
    internal: null,
  };
}

/**
 * The `buf` an export reports: an empty view's buf may point just outside memory after
 * slicing; nothing is read there, so it is reported as 0.
 *
 * @example
 * exportBuf(view); // view.buf for any non-empty view
 */
export function exportBuf(view: BufferView): number {
  return view.len === 0 && (view.buf < 0 || view.buf > view.memory.byteLength) ? 0 : view.buf;
}

/**
 * The checks of {@link exportLayout} alone: throws the `BufferError` CPython's
 * `memory_getbuf` raises when the view cannot answer `flags`.
 *
 * @example
 * refuseExport(view, PyBUF_WRITABLE, true, true); // BufferError for a read-only view
 */
export function refuseExport(view: BufferView, flags: number, c: boolean, f: boolean): void {
  if (has(flags, PyBUF_WRITABLE) && view.readonly) {
    throw new BufferError("memoryview: underlying buffer is not writable");
  }
  if (has(flags, PyBUF_C_CONTIGUOUS) && !c) {
    throw new BufferError("memoryview: underlying buffer is not C-contiguous");
  }
  if (has(flags, PyBUF_F_CONTIGUOUS) && !f) {
    throw new BufferError("memoryview: underlying buffer is not Fortran contiguous");
  }
  if (has(flags, PyBUF_ANY_CONTIGUOUS) && !c && !f) {
    throw new BufferError("memoryview: underlying buffer is not contiguous");
  }
  if (!has(flags, PyBUF_INDIRECT) && view.suboffsets !== null) {
    throw new BufferError("memoryview: underlying buffer requires suboffsets");
  }
  if (!has(flags, PyBUF_STRIDES) && !c) {
    throw new BufferError("memoryview: underlying buffer is not C-contiguous");
  }
  if (!has(flags, PyBUF_ND) && has(flags, PyBUF_FORMAT)) {
    throw new BufferError(
      "memoryview: cannot cast to unsigned bytes if the format flag is present",
    );
  }
}
