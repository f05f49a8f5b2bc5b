/**
 * Comparison of buffer objects (`buffer_compare`, Python 2's `tp_compare`): `memcmp` of
 * the common prefix, then the shorter one is smaller; a three-way result of -1, 0 or 1.
 * Membership (`x in b`) compares each 1-byte item with `x`, as Python 2's sequence
 * search does.
 */
import { type BufferObject, isBuffer } from "./buffer-object.js";
import { pyTypeName } from "./py-int.js";
import { segmentBytes } from "./segment.js";
import { hasOneSegment, isBytes, segmentProcs } from "./segment-procs.js";
import { compareWithUnicode, equalsUnicode, unicodeItem } from "./unicode-compare.js";

/**
 * Python 2's fallback order for objects of unrelated types (`default_3way_compare`):
 * None first, then numbers, then everything else by type name (a Uint8Array is a
 * `str`, an array a `list`; see {@link pyTypeName}).
 */
function compareByTypeName(other: unknown): -1 | 1 {
  if (other === null || other === undefined) return 1;
  if (typeof other === "number" || typeof other === "bigint" || typeof other === "boolean") {
    return 1;
  }
  // strcmp of ASCII names; equal names were ordered by type address in C: say -1.
  return "buffer" <= pyTypeName(other) ? -1 : 1;
}

/**
 * `cmp(b, other)`: -1, 0 or 1. Against a buffer, by bytes. Against a string (Python 2's
 * unicode), as 2.7 coerces (see `unicode-compare.ts`). Against anything else,
 * Python 2's order of unrelated types: None and numbers are smaller than a buffer,
 * other objects compare by type name (so a Uint8Array, Python's `str`, is always
 * greater: `'buffer' < 'str'`). A bytearray-like exporter compares by type name too
 * (Python 2's bytearray compared bytes itself, from its side of the operator).
 *
 * @example
 * compareBuffers(buffer(bytes("ab")), buffer(bytes("abc"))); // -1
 * compareBuffers(buffer(bytes("z")), bytes("a")); // -1: by type name
 */
export function compareBuffers(self: BufferObject, other: unknown): -1 | 0 | 1 {
  if (typeof other === "string") return compareWithUnicode(self, other);
  if (!isBuffer(other)) return compareByTypeName(other);
  const mine = self._region("any");
  const theirs = other._region("any");
  const a = segmentBytes(mine);
  const b = segmentBytes(theirs);
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/**
 * `b == other`: true for a buffer with the same bytes, or a string (Python 2's unicode)
 * equal to the bytes decoded as ASCII; a str is never equal to a buffer in Python 2.
 * Errors from resolving either buffer propagate, as in 2.7.
 *
 * @example
 * buffersEqual(buffer(bytes("a")), buffer(bytes("a"))); // true
 * buffersEqual(buffer(bytes("a")), bytes("a")); // false
 */
export function buffersEqual(self: BufferObject, other: unknown): boolean {
  if (typeof other === "string") return equalsUnicode(self, other);
  return isBuffer(other) && compareBuffers(self, other) === 0;
}

/** The one byte of a str-like `item`, or `undefined` when it cannot equal a 1-char str. */
function singleByte(item: unknown): number | undefined {
  if (typeof item === "string") return unicodeItem(item);
  if (isBuffer(item)) return undefined; // str == buffer is False in Python 2
  if (isBytes(item)) return item.length === 1 ? item[0] : undefined;
  // Character data only: 'a' == bytearray('a') in 2.7, but 'a' != array('B', [97]).
  const procs = segmentProcs(item);
  if (procs?.char === undefined || !hasOneSegment(procs)) return undefined;
  const bytes = segmentBytes(procs.char(0));
  return bytes.length === 1 ? bytes[0] : undefined;
}

/**
 * `item in b`: whether some 1-byte item of `b` equals `item`. Python 2 compares each
 * 1-char str with `item`, so `item` matches when it is 1-byte character data: a
 * Uint8Array, or an exporter with a character proc (str-like, bytearray-like, every
 * new-protocol exporter) of length 1, or a 1-character ASCII string (`'a' == u'a'`).
 * A buffer object never matches (a str never equals a buffer in 2.7), nor does an
 * array-like exporter without a character proc.
 *
 * @example
 * contains(buffer(bytes("xaby")), bytes("a")); // true
 * contains(buffer(bytes("xaby")), bytes("ab")); // false: not a substring test
 */
export function contains(self: BufferObject, item: unknown): boolean {
  const region = self._region("any");
  const byte = singleByte(item);
  if (byte === undefined) return false;
  return segmentBytes(region).includes(byte);
}
