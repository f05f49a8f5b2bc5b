/**
 * A segment: one contiguous run of bytes in a backing store, what the old buffer procs
 * (`bf_getreadbuffer` and friends) hand out as a `(void *ptr, Py_ssize_t len)` pair.
 * In JavaScript the pointer is a backing store plus a byte offset.
 *
 * Every segment is checked against its memory's current size before a byte is read or
 * written ({@link checkInside}), so a detached or shrunk ArrayBuffer gives a
 * `ValueError`, never a read outside memory.
 */
import { checkRange, isMemory, type Memory, outsideMemoryError } from "@pybuffer/core";
import { SystemError } from "@pybuffer/struct";

/**
 * A run of bytes: `len` bytes of `memory` from byte offset `buf`.
 *
 * @example
 * const segment: Segment = { memory: new ArrayBuffer(8), buf: 2, len: 4 };
 */
export interface Segment {
  /** The backing store. */
  readonly memory: Memory;
  /** Byte offset of the first byte (the C `ptr`). */
  readonly buf: number;
  /** Number of bytes (the C return value of the proc). */
  readonly len: number;
}

/**
 * CPython's SystemError for a segment number other than 0 on a one-segment object.
 *
 * @example
 * checkSegmentZero(0); // fine
 * checkSegmentZero(1); // SystemError: accessing non-existent buffer segment
 */
export function checkSegmentZero(segment: unknown): void {
  if (segment !== 0) throw new SystemError("accessing non-existent buffer segment");
}

/**
 * Throws unless bytes `[lo, hi)` lie inside `memory` as it is now: core's `checkRange`,
 * and for an empty range also that it does not start past the end (JavaScript refuses a
 * view there, and a pointer past the end is outside the memory too).
 *
 * @example
 * checkInside(new ArrayBuffer(4), 4, 4); // fine: empty, at the end
 * checkInside(new ArrayBuffer(4), 5, 5); // ValueError: ... outside its memory of 4 bytes
 */
export function checkInside(memory: Memory, lo: number, hi: number): void {
  checkRange(memory, lo, hi);
  const size = memory.byteLength;
  if (lo > size) throw outsideMemoryError(lo, hi, size);
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Validates what an exporter's segment proc returned: a {@link Segment} inside its memory.
 * `proc` names the proc in the error.
 *
 * @example
 * checkSegment({ memory: new ArrayBuffer(2), buf: 0, len: 2 }, "bf_getreadbuffer");
 */
export function checkSegment(value: unknown, proc: string): Segment {
  const seg = value as Partial<Segment> | null;
  if (
    typeof seg !== "object" ||
    seg === null ||
    !isMemory(seg.memory) ||
    !isCount(seg.buf) ||
    !isCount(seg.len)
  ) {
    throw new TypeError(`${proc} must return a segment { memory, buf, len }`);
  }
  checkInside(seg.memory, seg.buf, seg.buf + seg.len);
  return { memory: seg.memory, buf: seg.buf, len: seg.len };
}

/**
 * A Uint8Array over the segment's bytes (no copy), checked against the memory first.
 *
 * @example
 * segmentBytes({ memory: new ArrayBuffer(4), buf: 1, len: 2 }).length; // 2
 */
export function segmentBytes(seg: Segment): Uint8Array {
  checkInside(seg.memory, seg.buf, seg.buf + seg.len);
  return new Uint8Array(seg.memory, seg.buf, seg.len);
}
