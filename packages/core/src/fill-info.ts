/**
 * `PyBuffer_FillInfo`: the view of a plain run of bytes, as simple exporters
 * (`bytes`, `bytearray`, `mmap`) build it inside their `bf_getbuffer`.
 */
import { BufferError } from "@pybuffer/struct";
import { isAbi } from "./abi.js";
import { checkPlacementArguments, checkRange } from "./memory.js";
import { checkFlags, reqFormat, reqShape, reqStrides, reqWritable } from "./request.js";
import { pythonTypeName } from "./type-name.js";
import type { Abi, BufferView, Memory } from "./view.js";

/**
 * `PyBuffer_FillInfo(view, exporter, buf, len, readonly, flags)`: a 1-dimensional
 * view of `len` unsigned bytes at byte `buf` of `memory`. Always `itemsize` 1 and
 * `ndim` 1; `format` is `"B"` only if `PyBUF_FORMAT` was requested, `shape` is
 * `[len]` only with `PyBUF_ND`, `strides` `[1]` only with `PyBUF_STRIDES`;
 * `readonly` is reported as given (a writable buffer stays writable for a
 * read-only request). `exporter` becomes `view.obj` (may be `null`).
 *
 * Errors: `BufferError("Object is not writable.")` for a `PyBUF_WRITABLE` request on
 * read-only memory; `SystemError("bad argument to internal function")` for flags that
 * are exactly `PyBUF_READ`/`PyBUF_WRITE` (as CPython 3.13); `TypeError`
 * or `ValueError` for arguments that are not memory, integers, or that reach
 * outside `memory`.
 *
 * @example
 * const exporter = {
 *   data: new Uint8Array([1, 2, 3]),
 *   [bf_getbuffer](flags: number) {
 *     return fillInfo(this, this.data.buffer, 0, 3, true, flags);
 *   },
 * };
 * getBuffer(exporter, PyBUF_SIMPLE).len; // 3
 * getBuffer(exporter, PyBUF_WRITABLE); // BufferError: Object is not writable.
 */
export function fillInfo(
  exporter: object | null,
  memory: Memory,
  buf: number,
  len: number,
  readonly: boolean | 0 | 1,
  flags: number,
  abi: Abi = "lp64",
): BufferView {
  if (exporter !== null && typeof exporter !== "object" && typeof exporter !== "function") {
    throw new TypeError(
      `fillInfo() exporter must be an object or null, not '${pythonTypeName(exporter)}'`,
    );
  }
  checkPlacementArguments("fillInfo()", memory, buf);
  if (!Number.isSafeInteger(len) || len < 0) {
    throw new TypeError("fillInfo() len must be a non-negative integer");
  }
  if (readonly !== true && readonly !== false && readonly !== 0 && readonly !== 1) {
    throw new TypeError("fillInfo() readonly must be a boolean");
  }
  if (!isAbi(abi)) throw new TypeError("fillInfo() abi must be 'lp64', 'llp64' or 'wasm32'");
  checkFlags(flags);
  const ro = readonly === true || readonly === 1;
  if (reqWritable(flags) && ro) throw new BufferError("Object is not writable.");
  checkRange(memory, buf, buf + len);
  return {
    obj: exporter,
    memory,
    buf,
    len,
    readonly: ro,
    itemsize: 1,
    format: reqFormat(flags) ? "B" : null,
    ndim: 1,
    shape: reqShape(flags) ? [len] : null,
    strides: reqStrides(flags) ? [1] : null,
    suboffsets: null,
    abi,
    internal: null,
  };
}
