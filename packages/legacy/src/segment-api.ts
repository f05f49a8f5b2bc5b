/**
 * The old buffer API of Objects/abstract.c (Python 2): `PyObject_AsReadBuffer`,
 * `PyObject_AsWriteBuffer`, `PyObject_AsCharBuffer` and `PyObject_CheckReadBuffer`.
 * Each wants an object with the matching proc and exactly one segment, and hands out
 * that segment. C gave a pointer and a length; here it is a Uint8Array over the
 * exporter's memory (no copy), valid until the exporter changes its memory.
 */
import { segmentBytes } from "./segment.js";
import { hasOneSegment, segmentProcs } from "./segment-procs.js";
import type { SegmentAccess } from "./segment-protocol.js";

const MISSING: Record<SegmentAccess, string> = {
  read: "expected a readable buffer object",
  write: "expected a writeable buffer object",
  char: "expected a string or other character buffer object",
};

function segmentZero(obj: unknown, access: SegmentAccess): Uint8Array {
  const procs = segmentProcs(obj);
  const proc = procs?.[access];
  if (proc === undefined || procs?.segcount === undefined) {
    throw new TypeError(MISSING[access]);
  }
  if (!hasOneSegment(procs)) throw new TypeError("expected a single-segment buffer object");
  return segmentBytes(proc(0));
}

/**
 * `PyObject_AsReadBuffer(obj, &buffer, &buffer_len)`: the bytes of a one-segment object.
 *
 * Errors: `TypeError("expected a readable buffer object")`; `TypeError("expected a
 * single-segment buffer object")`; the object's own.
 *
 * @example
 * asReadBuffer(buffer(new Uint8Array([1, 2]), 1)); // Uint8Array [2] (a view)
 */
export function asReadBuffer(obj: unknown): Uint8Array {
  return segmentZero(obj, "read");
}

/**
 * `PyObject_AsWriteBuffer(obj, &buffer, &buffer_len)`: the bytes of a one-segment
 * object, for writing.
 *
 * Errors: `TypeError("expected a writeable buffer object")`; `TypeError("expected a
 * single-segment buffer object")`; the object's own (a read-only buffer object:
 * `TypeError("buffer is read-only")`; a read-only new-protocol exporter: its
 * `BufferError`).
 *
 * @example
 * asWriteBuffer(alloc(2))[0] = 7;
 */
export function asWriteBuffer(obj: unknown): Uint8Array {
  return segmentZero(obj, "write");
}

/**
 * `PyObject_AsCharBuffer(obj, &buffer, &buffer_len)`: the "character" bytes of a
 * one-segment object (a str, a bytearray, a buffer object; here also a Uint8Array and
 * every new-protocol exporter).
 *
 * Errors: `TypeError("expected a string or other character buffer object")`;
 * `TypeError("expected a single-segment buffer object")`.
 *
 * @example
 * asCharBuffer(new Uint8Array([104, 105])); // the same bytes
 */
export function asCharBuffer(obj: unknown): Uint8Array {
  return segmentZero(obj, "char");
}

/**
 * `PyObject_CheckReadBuffer(obj)`: whether `obj` has a read proc and exactly one
 * segment. Never throws (where 2.7 left a failing segment count's error set, this
 * answers `false`).
 *
 * @example
 * checkReadBuffer(new Uint8Array(1)); // true
 * checkReadBuffer([1]); // false
 */
export function checkReadBuffer(obj: unknown): boolean {
  const procs = segmentProcs(obj);
  return procs?.read !== undefined && hasOneSegment(procs);
}
