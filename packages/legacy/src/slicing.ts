/**
 * `b[i:j]`, `b[i:j:k]` and their assignments. Python 2 has two roads, and the buffer
 * object takes both:
 *
 * - a simple slice with int (or omitted) bounds goes through the sequence slots
 *   (`PySequence_GetSlice`/`SetSlice` → `buffer_slice`/`buffer_ass_slice`): a
 *   negative bound first gets the length added (asking the base once more), then the
 *   bounds are clamped like a str's;
 * - a step, or a bound that is not an int, makes a slice object for the mapping slots
 *   (`buffer_subscript`/`buffer_ass_subscript`), clamped by `PySlice_GetIndicesEx`.
 *
 * Results are copies (2.7 returns a str); assignments need an operand of exactly the
 * slice's length.
 */
import { ValueError } from "@pybuffer/struct";
import type { BufferObject } from "./buffer-object.js";
import { operandReader } from "./operand.js";
import { PY_SSIZE_T_MAX, pyInt, sliceIndexArg } from "./py-int.js";
import { segmentBytes } from "./segment.js";

/**
 * What `PySlice_GetIndicesEx` computes.
 *
 * @example
 * sliceIndicesEx(6, 1, null, 2).slicelength; // 3
 */
export interface SliceIndices {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  readonly slicelength: number;
}

/**
 * `PySlice_GetIndicesEx(slice(start, stop, step), length)` of Python 2.7.
 *
 * @example
 * sliceIndicesEx(6, null, null, -2); // { start: 5, stop: -1, step: -2, slicelength: 3 }
 */
export function sliceIndicesEx(
  length: number,
  start: unknown,
  stop: unknown,
  step: unknown,
): SliceIndices {
  const k = sliceIndexArg(step) ?? 1;
  if (k === 0) throw new ValueError("slice step cannot be zero");
  const clampBound = (value: unknown, byDefault: number): number => {
    let n = sliceIndexArg(value);
    if (n === undefined) return byDefault;
    if (n < 0) n += length;
    if (n < 0) n = k < 0 ? -1 : 0;
    if (n >= length) n = k < 0 ? length - 1 : length;
    return n;
  };
  const i = clampBound(start, k < 0 ? length - 1 : 0);
  const j = clampBound(stop, k < 0 ? -1 : length);
  let slicelength: number;
  if ((k < 0 && j >= i) || (k > 0 && i >= j)) slicelength = 0;
  else if (k < 0) slicelength = Math.trunc((j - i + 1) / k) + 1;
  else slicelength = Math.trunc((j - i - 1) / k) + 1;
  return { start: i, stop: j, step: k, slicelength };
}

/**
 * `_PySlice_Unpack`'s conversions and checks alone (bad bounds, a zero step): 2.7's
 * mapping slots make them before they ask the base for its bytes.
 */
function unpackSlice(start: unknown, stop: unknown, step: unknown): void {
  sliceIndicesEx(0, start, stop, step);
}

function isSimpleBound(value: unknown): boolean {
  return value === null || value === undefined || pyInt(value) !== undefined;
}

/** Whether CPython would take the sequence-slot road for these bounds. */
function isSimple(start: unknown, stop: unknown, step: unknown): boolean {
  return (step === undefined || step === null) && isSimpleBound(start) && isSimpleBound(stop);
}

/** `PySequence_GetSlice`/`SetSlice`'s bounds: defaults, then the length added once. */
function simpleBounds(self: BufferObject, start: unknown, stop: unknown): [number, number] {
  let lo = sliceIndexArg(start) ?? 0;
  let hi = sliceIndexArg(stop) ?? Number(PY_SSIZE_T_MAX);
  if (lo < 0 || hi < 0) {
    const length = self._region("any").len;
    if (lo < 0) lo += length;
    if (hi < 0) hi += length;
  }
  return [lo, hi];
}

/**
 * `b[start:stop]` or `b[start:stop:step]`: a copy of the bytes (Python 2.7: a str).
 * `null`/`undefined` bounds are omitted ones.
 *
 * @example
 * getSlice(buffer(bytes("abcdef")), 1, -1); // "bcde" as bytes
 * getSlice(buffer(bytes("abcdef")), null, null, -2); // "fdb" as bytes
 */
export function getSlice(
  self: BufferObject,
  start: unknown,
  stop: unknown,
  step?: unknown,
): Uint8Array {
  if (isSimple(start, stop, step)) {
    let [left, right] = simpleBounds(self, start, stop);
    const region = self._region("any");
    const size = region.len;
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (right > size) right = size;
    if (right < left) right = left;
    return right > left ? segmentBytes(region).slice(left, right) : new Uint8Array(0);
  }
  unpackSlice(start, stop, step);
  const region = self._region("any");
  const s = sliceIndicesEx(region.len, start, stop, step);
  if (s.slicelength <= 0) return new Uint8Array(0);
  const bytes = segmentBytes(region);
  if (s.step === 1) return bytes.slice(s.start, s.stop);
  const out = new Uint8Array(s.slicelength);
  for (let i = 0, cur = s.start; i < s.slicelength; i++, cur += s.step) {
    out[i] = bytes[cur] as number;
  }
  return out;
}

/**
 * `b[start:stop] = value` or `b[start:stop:step] = value`: copies `value` (any one-segment
 * buffer of exactly the slice's length) into the slice.
 *
 * Errors: `TypeError("buffer is read-only")`, `TypeError("bad argument type for built-in
 * operation")`, `TypeError("slice indices must be integers or None or have an __index__
 * method")`, `ValueError("slice step cannot be zero")`, `TypeError("right operand length
 * must match slice length")`, in CPython's order.
 *
 * @example
 * const b = fromReadWriteObject(bytes("abcdef"), 0, Py_END_OF_BUFFER);
 * setSlice(b, 1, 3, bytes("XY")); // b is now "aXYdef"
 */
export function setSlice(
  self: BufferObject,
  start: unknown,
  stop: unknown,
  value: unknown,
  step?: unknown,
): void {
  if (isSimple(start, stop, step)) {
    let [left, right] = simpleBounds(self, start, stop);
    if (self.readonly) throw new TypeError("buffer is read-only");
    const read = operandReader(value);
    const region = self._region("any");
    const segment = read();
    const size = region.len;
    if (left < 0) left = 0;
    else if (left > size) left = size;
    if (right < left) right = left;
    else if (right > size) right = size;
    if (segment.len !== right - left) {
      throw new TypeError("right operand length must match slice length");
    }
    // memmove semantics where C's memcpy of overlapping bytes is undefined.
    if (right > left) segmentBytes(region).set(segmentBytes(segment), left);
    return;
  }
  if (self.readonly) throw new TypeError("buffer is read-only");
  const read = operandReader(value);
  unpackSlice(start, stop, step);
  const region = self._region("any");
  const s = sliceIndicesEx(region.len, start, stop, step);
  const segment = read();
  if (segment.len !== s.slicelength) {
    throw new TypeError("right operand length must match slice length");
  }
  if (s.slicelength === 0) return;
  const target = segmentBytes(region);
  const source = segmentBytes(segment);
  if (s.step === 1) {
    target.set(source, s.start);
    return;
  }
  // Byte by byte from the live operand, as CPython's loop does (visible when they overlap).
  for (let i = 0, cur = s.start; i < s.slicelength; i++, cur += s.step) {
    target[cur] = source[i] as number;
  }
}
