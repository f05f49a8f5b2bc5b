/**
 * A buffer object against a JavaScript string, Python 2's `unicode`. Python 2.7 coerces
 * the buffer to unicode (`PyUnicode_FromObject`: its character buffer decoded with the
 * default encoding, ASCII) and compares code points (`PyUnicode_RichCompare`, reached
 * from `==`, and from `cmp()` through `try_rich_to_3way_compare`):
 *
 * - when the buffer's character access fails with a `TypeError` (a base without a
 *   character proc, a base with several segments, a writable buffer over a base that
 *   refuses writes), unicode gives up (`NotImplemented`)
 *   and the order of unrelated types applies: `'buffer' < 'unicode'`, never equal;
 * - a byte past 0x7f fails the decoding: `==` says unequal (2.7 also warns with a
 *   UnicodeWarning), `cmp()` raises 2.7's `UnicodeDecodeError` message as a
 *   `ValueError` (the family has no UnicodeDecodeError class; Python's is a ValueError);
 * - `x in b` compares each 1-byte item with `x`: only a 1-character ASCII string matches.
 *
 * The decoded side is ASCII, so comparing UTF-16 code units gives the code-point order.
 */
import { ValueError } from "@pybuffer/struct";
import type { BufferObject } from "./buffer-object.js";
import { segmentBytes } from "./segment.js";

/**
 * The buffer's character bytes for `unicode(b)`, or `null` where unicode gives up.
 * `PyObject_AsCharBuffer` first counts the segments, and the buffer's segment count asks
 * its base the way any access does (write access for a writable buffer): a writable
 * buffer over a base that refuses writes gives up there.
 */
function characters(self: BufferObject): Uint8Array | null {
  try {
    self._region("any");
    return segmentBytes(self._region("char"));
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}

function firstNonAscii(bytes: Uint8Array): number {
  return bytes.findIndex((byte) => byte > 0x7f);
}

function compareCodes(bytes: Uint8Array, text: string): -1 | 0 | 1 {
  const common = Math.min(bytes.length, text.length);
  for (let i = 0; i < common; i++) {
    const x = bytes[i] as number;
    const y = text.charCodeAt(i);
    if (x !== y) return x < y ? -1 : 1;
  }
  return bytes.length < text.length ? -1 : bytes.length > text.length ? 1 : 0;
}

/**
 * `cmp(b, text)` with `text` a Python 2 unicode.
 *
 * @example
 * compareWithUnicode(buffer(bytes("z")), "a"); // 1
 * compareWithUnicode(buffer(bytes("\xff")), "a"); // ValueError: 'ascii' codec can't decode byte 0xff ...
 */
export function compareWithUnicode(self: BufferObject, text: string): -1 | 0 | 1 {
  const bytes = characters(self);
  if (bytes === null) return -1;
  const position = firstNonAscii(bytes);
  if (position >= 0) {
    const byte = (bytes[position] as number).toString(16);
    throw new ValueError(
      `'ascii' codec can't decode byte 0x${byte} in position ${position}: ordinal not in range(128)`,
    );
  }
  return compareCodes(bytes, text);
}

/**
 * `b == text` with `text` a Python 2 unicode.
 *
 * @example
 * equalsUnicode(buffer(bytes("a")), "a"); // true
 * equalsUnicode(buffer(bytes("\xe9")), "\xe9"); // false: not ASCII
 */
export function equalsUnicode(self: BufferObject, text: string): boolean {
  const bytes = characters(self);
  if (bytes === null || firstNonAscii(bytes) >= 0) return false;
  return compareCodes(bytes, text) === 0;
}

/**
 * The byte a 1-byte item of a buffer must be to equal `text` (`'a' == u'a'`), or
 * `undefined` when no item can.
 *
 * @example
 * unicodeItem("a"); // 97
 * unicodeItem("ab"); // undefined
 */
export function unicodeItem(text: string): number | undefined {
  const code = text.charCodeAt(0);
  return text.length === 1 && code <= 0x7f ? code : undefined;
}
