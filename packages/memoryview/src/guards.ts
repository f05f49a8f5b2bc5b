/**
 * The errors memoryview raises in many places, built in one spot so the messages stay
 * CPython 3.13's (`CHECK_RELEASED`, `adjust_fmt`, `unpack_single`'s default case), and
 * the bounds check that stands in for CPython's "the exporter keeps its memory": a
 * JavaScript ArrayBuffer can be detached or shrunk under a live view, so every
 * operation that touches bytes first checks that its bytes still exist.
 */
import {
  type BufferView,
  checkRange,
  exceedsMaxNdim,
  getBuffer,
  type Memory,
} from "@pybuffer/core";
import { BufferError, NotImplementedError, ValueError } from "@pybuffer/struct";

/**
 * `ValueError('operation forbidden on released memoryview object')`.
 *
 * @example
 * throw releasedError();
 */
export function releasedError(): ValueError {
  return new ValueError("operation forbidden on released memoryview object");
}

/**
 * `BufferError('memoryview has 2 exported buffers')`: a view cannot be released while
 * buffers exported from it are held.
 *
 * @example
 * throw heldExportsError(1);
 */
export function heldExportsError(n: number): BufferError {
  return new BufferError(`memoryview has ${n} exported buffer${n === 1 ? "" : "s"}`);
}

/**
 * `NotImplementedError('memoryview: unsupported format <i')` (a multi-character format).
 *
 * @example
 * unsupportedFormat("<i").message; // "memoryview: unsupported format <i"
 */
export function unsupportedFormat(format: string): NotImplementedError {
  return new NotImplementedError(`memoryview: unsupported format ${format}`);
}

/**
 * `NotImplementedError('memoryview: format w not supported')` (a single character
 * memoryview has no codec for).
 *
 * @example
 * formatNotSupported("w").message; // "memoryview: format w not supported"
 */
export function formatNotSupported(code: string): NotImplementedError {
  return new NotImplementedError(`memoryview: format ${code} not supported`);
}

/**
 * `TypeError('memoryview: invalid type for format %s')` (pack_single).
 *
 * @example
 * invalidType("B").message; // "memoryview: invalid type for format 'B'"
 */
export function invalidType(code: string): TypeError {
  return new TypeError(`memoryview: invalid type for format '${code}'`);
}

/**
 * `ValueError('memoryview: invalid value for format %s')` (pack_single).
 *
 * @example
 * invalidValue("B").message; // "memoryview: invalid value for format 'B'"
 */
export function invalidValue(code: string): ValueError {
  return new ValueError(`memoryview: invalid value for format '${code}'`);
}

/**
 * `getBuffer(obj, flags)` for a memoryview's managed buffer. @pybuffer/core refuses a
 * view of more than 64 dimensions with a `BufferError` it marks (`exceedsMaxNdim`);
 * memoryview raises CPython's `ValueError('memoryview: number of dimensions must not
 * exceed 64')` instead.
 *
 * @example
 * const master = exportOf(nd, PyBUF_FULL_RO);
 */
export function exportOf(obj: unknown, flags: number): BufferView {
  try {
    return getBuffer(obj, flags);
  } catch (error) {
    if (exceedsMaxNdim(error)) {
      throw new ValueError("memoryview: number of dimensions must not exceed 64");
    }
    throw error;
  }
}

/**
 * Throws unless bytes `[lo, hi)` of `memory` still exist (a `ValueError` from
 * `@pybuffer/core` otherwise). Cheap when they do: one `byteLength` read.
 *
 * @example
 * checkBytes(new ArrayBuffer(8), 0, 8);
 */
export function checkBytes(memory: Memory, lo: number, hi: number): void {
  if (hi > memory.byteLength || lo < 0 || (hi === lo && memory.byteLength === 0)) {
    checkRange(memory, lo, hi);
  }
}
