/**
 * `repr(b)` in Python 2.7's shape (`buffer_repr`):
 *
 *     <read-only buffer for 0x7f…, size -1, offset 0 at 0x7f…>     (over an object)
 *     <read-write buffer ptr 0x7f…, size 5 at 0x7f…>              (over raw memory)
 *
 * The size printed is the stored `b_size` (-1 for "to the end"), not the current
 * length; the `for` address is the root base after flattening. Addresses are the stable
 * fake ones of `address.ts`; a `PyBuffer_New` buffer's memory sits 64 bytes after the
 * object, as in CPython (the header of a `PyBufferObject` on LP64).
 */
import { addressOf, formatPointer } from "./address.js";
import type { BufferObject } from "./buffer-object.js";

const HEADER = 64n;

/**
 * Python 2.7's repr of a buffer object.
 *
 * @example
 * bufferRepr(buffer(bytes("abc"), 1)); // "<read-only buffer for 0x7f…, size -1, offset 1 at 0x7f…>"
 */
export function bufferRepr(self: BufferObject): string {
  const status = self.readonly ? "read-only" : "read-write";
  const at = formatPointer(addressOf(self));
  const base = self._base;
  if (base === null) {
    const memory = self._memory;
    const ptr = self._owned
      ? addressOf(self) + HEADER
      : (memory === null ? 0n : addressOf(memory, true)) + BigInt(self._ptr);
    return `<${status} buffer ptr ${formatPointer(ptr)}, size ${self._size} at ${at}>`;
  }
  return (
    `<${status} buffer for ${formatPointer(addressOf(base))}, size ${self._size}, ` +
    `offset ${self._offset} at ${at}>`
  );
}
