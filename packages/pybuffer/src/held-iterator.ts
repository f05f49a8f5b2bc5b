/**
 * `struct.iter_unpack` over an exporter keeps the exporter's buffer until the iteration
 * ends, as CPython's iterator holds its `Py_buffer` until it is freed: a `memoryview`
 * cannot be released (`BufferError: memoryview has 1 exported buffer`), nor a bytearray
 * resized, while the iterator is still going. The buffer goes back when the iterator is
 * exhausted, when a `for … of` loop leaves it early (`return()`, where CPython frees the
 * iterator the loop held), or, for an iterator dropped half-way, when it is collected.
 */
import { type BufferView, getBuffer, PyBUF_SIMPLE, releaseBuffer } from "@pybuffer/core";
import type { BufferSource, UnpackIterator } from "@pybuffer/struct";
import { foreignOr } from "./as-exporter.js";
import { viewBytes } from "./view-bytes.js";

// An iterator dropped before its end gives its buffer back when it is collected.
const dropped = new FinalizationRegistry<BufferView>((view) => releaseBuffer(view));

/**
 * `make(bytes)` over the bytes of exporter `obj`, its buffer held until the iterator
 * ends.
 *
 * @example
 * ```ts
 * const it = heldIterator(m, (bytes) => struct.iterUnpack("<h", bytes));
 * m.release(); // BufferError: memoryview has 1 exported buffer
 * ```
 */
export function heldIterator<T extends unknown[] = unknown[]>(
  obj: unknown,
  make: (bytes: BufferSource) => UnpackIterator<T>,
): UnpackIterator<T> {
  const view = getBuffer(foreignOr(obj), PyBUF_SIMPLE);
  let iterator: UnpackIterator<T>;
  try {
    iterator = make(viewBytes(view));
  } catch (error) {
    releaseBuffer(view);
    throw error;
  }
  const token = {};
  const end = (): void => {
    dropped.unregister(token);
    releaseBuffer(view); // a second release does nothing
  };
  const step = iterator.next;
  Object.defineProperties(iterator, {
    next: {
      value(): IteratorResult<unknown[], undefined> {
        const result = step.call(iterator);
        if (result.done === true) end();
        return result;
      },
      configurable: true,
      writable: true,
    },
    return: {
      value(): IteratorResult<unknown[], undefined> {
        end();
        return { value: undefined, done: true };
      },
      configurable: true,
      writable: true,
    },
  });
  dropped.register(iterator, view, token);
  return iterator;
}
