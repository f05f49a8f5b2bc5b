/**
 * The right operand of `b + x`, `b[i] = x` and `b[i:j] = x`: Python 2's buffer object
 * accepts any object with a read proc and a segment count, if it has exactly one
 * segment (a str, a bytearray, an array, another buffer; here also a Uint8Array and
 * every new-protocol exporter, through the bridge).
 */
import type { Segment } from "./segment.js";
import { hasOneSegment, segmentProcs } from "./segment-procs.js";

/**
 * Checks `value` as the buffer object's C code does before it touches its own bytes,
 * and returns a function that reads the operand's one segment (run it only when
 * CPython would: it may run the exporter's code).
 *
 * Errors: `TypeError("bad argument type for built-in operation")` without a read proc
 * (`PyErr_BadArgument`); `TypeError("single-segment buffer object expected")` for any
 * other number of segments.
 *
 * @example
 * const read = operandReader(new Uint8Array([1]));
 * read().len; // 1
 * operandReader(5); // TypeError: bad argument type for built-in operation
 */
export function operandReader(value: unknown): () => Segment {
  const procs = segmentProcs(value);
  const read = procs?.read;
  const segcount = procs?.segcount;
  if (read === undefined || segcount === undefined) {
    throw new TypeError("bad argument type for built-in operation");
  }
  if (!hasOneSegment(procs)) throw new TypeError("single-segment buffer object expected");
  return () => read(0);
}
