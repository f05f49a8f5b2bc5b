/**
 * Reading a request: CPython's `REQ_*` tests on `PyBUF_*` flags (a flag is present
 * when all of its bits are), and the argument check every entry point taking flags
 * makes first.
 */
import { OverflowError, SystemError } from "@pybuffer/struct";
import {
  PyBUF_ANY_CONTIGUOUS,
  PyBUF_C_CONTIGUOUS,
  PyBUF_F_CONTIGUOUS,
  PyBUF_FORMAT,
  PyBUF_INDIRECT,
  PyBUF_ND,
  PyBUF_READ,
  PyBUF_STRIDES,
  PyBUF_WRITABLE,
  PyBUF_WRITE,
} from "./flags.js";
import { pythonTypeName } from "./type-name.js";

/** Whether a request asks for a writable buffer (`REQ_WRITABLE`). @example reqWritable(PyBUF_FULL); // true */
export function reqWritable(flags: number): boolean {
  return (flags & PyBUF_WRITABLE) !== 0;
}
/** Whether a request asks for `format` (`REQ_FORMAT`). @example reqFormat(PyBUF_RECORDS_RO); // true */
export function reqFormat(flags: number): boolean {
  return (flags & PyBUF_FORMAT) !== 0;
}
/** Whether a request asks for `shape` (`REQ_SHAPE`). @example reqShape(PyBUF_ND); // true */
export function reqShape(flags: number): boolean {
  return (flags & PyBUF_ND) === PyBUF_ND;
}
/** Whether a request asks for `strides` (`REQ_STRIDES`). @example reqStrides(PyBUF_ND); // false */
export function reqStrides(flags: number): boolean {
  return (flags & PyBUF_STRIDES) === PyBUF_STRIDES;
}
/** Whether a request accepts suboffsets (`REQ_INDIRECT`). @example reqIndirect(PyBUF_FULL_RO); // true */
export function reqIndirect(flags: number): boolean {
  return (flags & PyBUF_INDIRECT) === PyBUF_INDIRECT;
}
/** Whether a request demands C-contiguity (`REQ_C_CONTIGUOUS`). @example reqCContiguous(PyBUF_C_CONTIGUOUS); // true */
export function reqCContiguous(flags: number): boolean {
  return (flags & PyBUF_C_CONTIGUOUS) === PyBUF_C_CONTIGUOUS;
}
/** Whether a request demands Fortran contiguity (`REQ_F_CONTIGUOUS`). @example reqFContiguous(PyBUF_F_CONTIGUOUS); // true */
export function reqFContiguous(flags: number): boolean {
  return (flags & PyBUF_F_CONTIGUOUS) === PyBUF_F_CONTIGUOUS;
}
/** Whether a request demands C- or Fortran contiguity (`REQ_ANY_CONTIGUOUS`). @example reqAnyContiguous(PyBUF_ANY_CONTIGUOUS); // true */
export function reqAnyContiguous(flags: number): boolean {
  return (flags & PyBUF_ANY_CONTIGUOUS) === PyBUF_ANY_CONTIGUOUS;
}

/**
 * The contiguity a request demands and a layout lacks, given the layout's C and Fortran
 * contiguity: `"C-contiguous"`, `"Fortran contiguous"` or `"contiguous"` (as CPython's
 * refusals name them, in their order), or `null` when it has what is asked.
 *
 * @example
 * unmetContiguity(PyBUF_F_CONTIGUOUS, true, false); // "Fortran contiguous"
 */
export function unmetContiguity(flags: number, c: boolean, f: boolean): string | null {
  if (reqCContiguous(flags) && !c) return "C-contiguous";
  if (reqFContiguous(flags) && !f) return "Fortran contiguous";
  if (reqAnyContiguous(flags) && !c && !f) return "contiguous";
  return null;
}

/**
 * Checks request flags the way `PyObject_GetBuffer` and `PyBuffer_FillInfo` (3.13) do:
 * an integer (CPython's C `int`, so negative bit masks pass), and not exactly
 * `PyBUF_READ` or `PyBUF_WRITE`, which are not request flags:
 * `SystemError("bad argument to internal function")`, as CPython raises.
 *
 * @example
 * checkFlags(PyBUF_FULL_RO); // fine
 * checkFlags(PyBUF_READ); // SystemError: bad argument to internal function
 * checkFlags(1.5); // TypeError: 'float' object cannot be interpreted as an integer
 */
export function checkFlags(flags: unknown): asserts flags is number {
  // The common case in a few bytes of bytecode, so that engines inline it into every
  // getBuffer road (V8 inlines ~920 bytes of bytecode per optimized function).
  if (typeof flags === "number" && (flags | 0) === flags && flags !== PyBUF_READ) {
    if (flags !== PyBUF_WRITE) return;
  }
  badFlags(flags);
}

/** checkFlags' errors (also for a valid integer outside int32: the checks below). */
function badFlags(flags: unknown): void {
  if (typeof flags === "bigint") throw new TypeError("flags must be a number, not a bigint");
  if (typeof flags !== "number" || !Number.isInteger(flags)) {
    throw new TypeError(`'${pythonTypeName(flags)}' object cannot be interpreted as an integer`);
  }
  if (flags > 0x7fffffff || flags < -0x80000000) throw new OverflowError("buffer flags too large");
  if (flags === PyBUF_READ || flags === PyBUF_WRITE) {
    throw new SystemError("bad argument to internal function");
  }
}
