/**
 * A bytearray-like exporter: a resizable run of bytes that refuses to change size while
 * any view of it is exported, exactly as CPython's `bytearray` does (`BufferError:
 * Existing exports of data: object cannot be re-sized`). Its memory is a resizable
 * ArrayBuffer with spare capacity, so growth is amortised and in place.
 */
import { allocating, pythonTypeName } from "@pybuffer/core";
import { BufferError, tp_name } from "@pybuffer/struct";
import { type ByteSource, bytesFrom, checkResize } from "./byte-source.js";
import { vouchForNextSpec } from "./export-spec.js";
import { resolveLayout } from "./layout.js";
import { MemoryExporter } from "./memory-exporter.js";

const MIN_CAPACITY = 16;

function capacityFor(size: number): number {
  return Math.max(MIN_CAPACITY, size + (size >> 3) + 6);
}

/** The ByteArray's current buffer, shared with the exporter's memory callback. */
interface Store {
  memory: ArrayBuffer;
}

function initialBuffer(init: ByteSource): ArrayBuffer {
  const bytes = bytesFrom(init);
  const memory = allocating(
    () => new ArrayBuffer(bytes.length, { maxByteLength: capacityFor(bytes.length) }),
  );
  new Uint8Array(memory).set(bytes);
  return memory;
}

const byteLayout = (byteLength: number) => resolveLayout(byteLength, "B", 1, {}, "ByteArray");

/**
 * Python's `bytearray` as an exporter of format `B`: writable views of its current
 * contents, and a size that cannot change while any view is exported.
 *
 * @example
 * ```ts
 * const ba = new ByteArray([1, 2, 3]);
 * const view = getBuffer(ba, PyBUF_FULL);
 * ba.resize(10); // BufferError: Existing exports of data: object cannot be re-sized
 * releaseBuffer(view);
 * ba.resize(10); // fine now
 * ```
 */
export class ByteArray extends MemoryExporter {
  static {
    // Python's name for the type, in messages ("…, not bytearray").
    Object.defineProperty(ByteArray.prototype, tp_name, { value: "bytearray", configurable: true });
  }

  readonly #store: Store;

  /**
   * `bytearray(n)` (zeros), `bytearray(bytes)` (a copy of any bytes-like value) or
   * `bytearray([ints])`, with CPython's errors (`ValueError: negative count`, …).
   */
  constructor(init: ByteSource = 0) {
    const store: Store = { memory: initialBuffer(init) };
    const spec = {
      memory: () => store.memory,
      base: 0,
      layout: byteLayout(store.memory.byteLength),
      readonly: false,
      relayout: byteLayout,
      what: "ByteArray",
    };
    vouchForNextSpec();
    super(spec);
    this.#store = store;
  }

  /**
   * `len(b)`.
   *
   * @example
   * ```ts
   * new ByteArray(4).length; // 4
   * ```
   */
  get length(): number {
    return this.#store.memory.byteLength;
  }

  /**
   * `bytearray.resize(size)` (Python 3.14): changes the size (new bytes are zero), or
   * throws `BufferError` while views are exported. Same-size calls are always allowed.
   * A size the platform cannot allocate is `MemoryError`, as in CPython.
   *
   * @example
   * ```ts
   * const ba = new ByteArray([1]);
   * ba.resize(3); // [1, 0, 0]
   * ```
   */
  resize(size: number): void {
    checkResize(size);
    const store = this.#store;
    const old = store.memory;
    if (size === old.byteLength) return;
    if (this.exports > 0) {
      throw new BufferError("Existing exports of data: object cannot be re-sized");
    }
    if (size <= old.maxByteLength && size >= old.maxByteLength >> 2) {
      old.resize(size);
    } else {
      const next = allocating(() => new ArrayBuffer(size, { maxByteLength: capacityFor(size) }));
      new Uint8Array(next).set(new Uint8Array(old, 0, Math.min(size, old.byteLength)));
      store.memory = next;
    }
  }

  /**
   * `b.extend(data)`: appends bytes-like data or integers in range(0, 256) (a resize, so
   * refused while exported).
   *
   * @example
   * ```ts
   * const ba = new ByteArray([1]);
   * ba.extend([2, 3]); // [1, 2, 3]
   * ```
   */
  extend(data: ArrayLike<number> | ArrayBufferView | ArrayBuffer | SharedArrayBuffer): void {
    if (typeof data === "string") {
      throw new TypeError("expected iterable of integers; got: 'str'");
    }
    if (typeof data !== "object" || data === null) {
      throw new TypeError(`can't extend bytearray with ${pythonTypeName(data)}`);
    }
    const add = bytesFrom(data);
    const start = this.length;
    this.resize(start + add.length);
    new Uint8Array(this.#store.memory, start, add.length).set(add);
  }

  /**
   * `bytes(b)`: a copy of the contents.
   *
   * @example
   * ```ts
   * new ByteArray([7]).toBytes(); // Uint8Array [7]
   * ```
   */
  toBytes(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.#store.memory.slice(0));
  }
}
