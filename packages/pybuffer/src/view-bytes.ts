/**
 * The bytes of a view as a Uint8Array over its memory, for struct's functions, which
 * take bytes. An empty view may point anywhere (core checks no address for no bytes),
 * past its memory's end too, where `new Uint8Array(memory, buf, 0)` is a RangeError: it
 * gets an empty array of its own.
 */
import type { BufferView } from "@pybuffer/core";

/**
 * `view`'s bytes in place.
 *
 * @example
 * ```ts
 * viewBytes(getBuffer(new Uint8Array(4), PyBUF_SIMPLE)).length; // 4
 * ```
 */
export function viewBytes(view: BufferView): Uint8Array {
  return view.len === 0 ? new Uint8Array(0) : new Uint8Array(view.memory, view.buf, view.len);
}
