/**
 * The single-segment bridge: old-protocol procs for any new-protocol exporter
 * (`bf_getbuffer`), so a `NDBuffer`, a memoryview or any third-party exporter can be the
 * base of a buffer object or an operand, as Python 3's compatibility versions of
 * `PyObject_AsReadBuffer` and friends accept every buffer.
 *
 * Each access asks the exporter for a fresh contiguous view (`PyBUF_SIMPLE`, plus
 * `PyBUF_WRITABLE` for write access), takes its memory, offset and length, and releases
 * the view at once: like Python 2's buffer object, nothing holds an export between
 * accesses, so the exporter stays free to resize, and every access sees its current
 * size. A non-contiguous exporter refuses the request with its own `BufferError`; a
 * read-only one refuses write access the same way.
 *
 * Character access is read access (Python 2's array had no character proc, but the
 * new protocol cannot tell an array from a bytearray; Python 3 accepts both).
 */
import { getBuffer, PyBUF_SIMPLE, PyBUF_WRITABLE, releaseBuffer } from "@pybuffer/core";
import { checkSegmentZero, type Segment } from "./segment.js";
import type { SegmentProcs } from "./segment-protocol.js";

function take(obj: object, flags: number): Segment {
  const view = getBuffer(obj, flags);
  try {
    return { memory: view.memory, buf: view.buf, len: view.len };
  } finally {
    releaseBuffer(view);
  }
}

/**
 * Old-protocol procs over a new-protocol exporter: one segment, read, write and char.
 *
 * @example
 * const procs = bridgeProcs(ndBuffer);
 * procs.read?.(0); // { memory, buf, len } of a PyBUF_SIMPLE view, already released
 */
export function bridgeProcs(obj: object): SegmentProcs {
  const read = (segment: number): Segment => {
    checkSegmentZero(segment);
    return take(obj, PyBUF_SIMPLE);
  };
  const write = (segment: number): Segment => {
    checkSegmentZero(segment);
    return take(obj, PyBUF_WRITABLE);
  };
  return { segcount: () => 1, read, write, char: read };
}
