/**
 * How a buffer object prints in `console.log`: Python 2.7's repr with the current
 * length and first bytes inside it, `<read-only buffer for 0x7f…, size -1, offset 0 at
 * 0x7f…, len 5: b'hello'>`. Only the buffer's own bytes are read (never the rest of
 * its base's memory). `String(b)` stays Python 2's `str(b)`, the bytes themselves.
 */
import { bytesRepr, describeError } from "@pybuffer/struct/print";
import type { BufferObject } from "./buffer-object.js";
import { bufferRepr } from "./repr.js";
import { segmentBytes } from "./segment.js";

/** Bytes shown before the rest is elided. */
const SHOWN = 32;

/**
 * The printed form of a buffer object.
 *
 * @example
 * bufferSummary(buffer(bytes("hello")));
 * // "<read-only buffer for 0x7f…, size -1, offset 0 at 0x7f…, len 5: b'hello'>"
 */
export function bufferSummary(self: BufferObject): string {
  const repr = bufferRepr(self).slice(0, -1);
  try {
    const bytes = segmentBytes(self._region("any"));
    const more = bytes.length > SHOWN ? "..." : "";
    return `${repr}, len ${bytes.length}: ${bytesRepr(bytes.subarray(0, SHOWN))}${more}>`;
  } catch (error) {
    return `${repr}: (bytes unreadable: ${describeError(error)})>`;
  }
}
