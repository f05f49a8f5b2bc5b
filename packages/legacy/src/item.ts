/**
 * `b[i]` and `b[i] = v` (`buffer_subscript`/`buffer_item`, `buffer_ass_subscript`/
 * `buffer_ass_item`), step for step: the base is asked for its bytes as often as
 * CPython asks, and every check comes in CPython's order, so the first error is
 * CPython's first error.
 */
import { IndexError } from "@pybuffer/struct";
import type { BufferObject } from "./buffer-object.js";
import { operandReader } from "./operand.js";
import { indexArg } from "./py-int.js";
import { segmentBytes } from "./segment.js";

/**
 * The mapping slots' first steps: convert the key, ask the base, add the length once.
 * A bad key is reported before the base is touched (2.7's `buffer_subscript` order).
 */
function subscript(self: BufferObject, index: unknown, notAnIndex: string): number {
  const i = indexArg(index);
  if (i === undefined) throw new TypeError(notAnIndex);
  const size = self._region("any").len;
  return i < 0 ? i + size : i;
}

/**
 * `b[i]`: the byte at `i` (negative counts from the end) as a 1-byte Uint8Array.
 *
 * @example
 * getItem(buffer(new Uint8Array([7, 8])), -1); // Uint8Array [8]
 */
export function getItem(self: BufferObject, index: unknown): Uint8Array {
  const i = subscript(self, index, "sequence index must be integer");
  const region = self._region("any");
  if (i < 0 || i >= region.len) throw new IndexError("buffer index out of range");
  return segmentBytes(region).slice(i, i + 1);
}

/**
 * `b[i] = v`: writes the one byte of `value` at `i`.
 *
 * Errors (in this order): `TypeError("buffer is read-only")`; `TypeError("bad argument
 * type for built-in operation")` when `value` has no buffer; `TypeError("buffer indices
 * must be integers")`; `IndexError("buffer assignment index out of range")`;
 * `TypeError("right operand must be a single byte")`.
 *
 * @example
 * const b = fromReadWriteObject(new Uint8Array(2), 0, Py_END_OF_BUFFER);
 * setItem(b, 1, new Uint8Array([9]));
 */
export function setItem(self: BufferObject, index: unknown, value: unknown): void {
  if (self.readonly) throw new TypeError("buffer is read-only");
  operandReader(value);
  const i = subscript(self, index, "buffer indices must be integers");
  // buffer_ass_item: everything is asked again.
  const region = self._region("any");
  if (i < 0 || i >= region.len) throw new IndexError("buffer assignment index out of range");
  const segment = operandReader(value)();
  if (segment.len !== 1) throw new TypeError("right operand must be a single byte");
  const byte = segmentBytes(segment)[0] as number;
  // The operand's proc ran the exporter's code: segmentBytes checks the memory again.
  segmentBytes(region)[i] = byte;
}
