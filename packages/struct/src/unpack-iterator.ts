/**
 * The iterator of `iterUnpack` (CPython's `_struct.unpack_iterator`): one struct
 * per step over a snapshot of the buffer, with `lengthHint()` for
 * `__length_hint__`.
 */
import { memoryLost } from "./buffer-arg.js";
import { exactlyOne, unpackerOf, wholeStructs } from "./calls-unpack.js";
import type { Compiled } from "./layout/layout-cache.js";

// Set only while {@link unpackIterator} builds one: the constructor refuses other calls.
let building = false;

/**
 * Iterates the structs of a buffer. Created by `iterUnpack`; constructed directly it
 * throws CPython's `TypeError: cannot create '_struct.unpack_iterator' instances`.
 *
 * @example
 * const it = iterUnpack("<h", new Uint8Array([1, 0, 2, 0]));
 * it.lengthHint(); // 2
 * [...it]; // [[1], [2]]
 */
export class UnpackIterator<T extends unknown[] = unknown[]> implements IterableIterator<T> {
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
    if (!building) throw new TypeError("cannot create '_struct.unpack_iterator' instances");
    building = false;
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
  next(): IteratorResult<T, undefined>;
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
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    const given = arguments.length;
    if (given !== 0) {
      throw new TypeError(`unpack_iterator.__length_hint__() takes no arguments (${given} given)`);
    }
    return Math.max(0, (this.#end - this.#offset) / this.#size);
  }

  [Symbol.iterator](): UnpackIterator<T> {
    return this;
  }
}

/**
 * A new {@link UnpackIterator} (the one way to make one): `size`-byte structs of `dv`
 * read by `unpack`.
 *
 * @example
 * unpackIterator(codec.unpack, new DataView(bytes.buffer), 2);
 */
export function unpackIterator(
  unpack: (dv: DataView, off: number) => unknown[],
  dv: DataView,
  size: number,
): UnpackIterator {
  building = true;
  try {
    return new UnpackIterator(unpack, dv, size);
  } finally {
    building = false;
  }
}

/**
 * `Struct.iter_unpack`: an iterator over the structs of `buffer`.
 *
 * @example
 * [...iterStructs(c, new Uint8Array([1, 2]))]; // [[1], [2]]
 */
export function iterStructs(c: Compiled, buffer: unknown): UnpackIterator {
  if (buffer === undefined) throw exactlyOne("Struct.iter_unpack", 0);
  const dv = wholeStructs(c, buffer);
  return unpackIterator(c.unpack ?? unpackerOf(c), dv, c.size);
}
