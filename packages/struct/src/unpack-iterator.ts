/**
 * The iterator of `iterUnpack` (CPython's `_struct.unpack_iterator`): one struct
 * per step over a snapshot of the buffer, with `lengthHint()` for
 * `__length_hint__`.
 */
import { memoryLost } from "./buffer-arg.js";

/**
 * Iterates the structs of a buffer. Created by `iterUnpack`; not meant to be
 * constructed directly.
 *
 * @example
 * const it = iterUnpack("<h", new Uint8Array([1, 0, 2, 0]));
 * it.lengthHint(); // 2
 * [...it]; // [[1], [2]]
 */
export class UnpackIterator implements IterableIterator<unknown[]> {
  readonly #unpack: (dv: DataView, off: number) => unknown[];
  readonly #dv: DataView;
  readonly #size: number;
  #offset = 0;
  #end: number;
  // One result object for every step: consumers read it before the next call.
  readonly #step: { value: unknown[] | undefined; done: boolean } = {
    value: undefined,
    done: false,
  };

  /** @internal */
  constructor(unpack: (dv: DataView, off: number) => unknown[], dv: DataView, size: number) {
    this.#unpack = unpack;
    this.#dv = dv;
    this.#size = size;
    this.#end = dv.byteLength;
  }

  /**
   * The next struct's values (the same result object is reused at every step).
   *
   * @example
   * iterUnpack("<b", new Uint8Array([7])).next(); // { value: [7], done: false }
   */
  next(): IteratorResult<unknown[], undefined> {
    const off = this.#offset;
    const step = this.#step;
    if (off >= this.#end) {
      step.value = undefined;
      step.done = true;
    } else {
      const next = off + this.#size;
      try {
        step.value = this.#unpack(this.#dv, off);
      } catch (e) {
        // The buffer may have been detached or shrunk since the last step.
        throw memoryLost(this.#dv, next) ?? e;
      }
      this.#offset = next;
    }
    return step as IteratorResult<unknown[], undefined>;
  }

  /**
   * Structs left (Python's `__length_hint__`).
   *
   * @example
   * iterUnpack("<b", new Uint8Array(3)).lengthHint(); // 3
   */
  lengthHint(): number {
    return Math.max(0, (this.#end - this.#offset) / this.#size);
  }

  [Symbol.iterator](): UnpackIterator {
    return this;
  }
}
