/**
 * Reassembling fixed-size records from a stream of chunks of any sizes. A chunk
 * boundary may fall anywhere, even inside a record, and a chunk may be smaller than a
 * record; the joiner carries at most `size - 1` bytes between chunks, so its memory is
 * constant whatever the length of the stream.
 */
import { pythonTypeName } from "@pybuffer/core";
import { MemoryError, ValueError } from "@pybuffer/struct";

/** What one chunk yields: a record completed across the boundary, then whole records. */
export interface Split {
  /** A record that began in earlier chunks and ends in this one (valid until the next split), or `null`. */
  readonly head: Uint8Array | null;
  /** The whole records that lie entirely in this chunk (a subarray of it, no copy). */
  readonly body: Uint8Array;
}

/** A record-sized buffer; a size the platform cannot allocate is a `MemoryError`. */
function carryBuffer(size: number): Uint8Array<ArrayBuffer> {
  try {
    return new Uint8Array(size);
  } catch (e) {
    if (e instanceof RangeError)
      throw new MemoryError(`RecordJoiner: cannot allocate ${size} bytes`);
    throw e;
  }
}

/**
 * Splits a stream of chunks into records of `size` bytes.
 *
 * @example
 * ```ts
 * const joiner = new RecordJoiner(4);
 * joiner.split(new Uint8Array([1, 2, 3, 4, 5, 6])); // { head: null, body: [1, 2, 3, 4] }, carries [5, 6]
 * joiner.split(new Uint8Array([7, 8, 9])); // { head: [5, 6, 7, 8], body: [] }, carries [9]
 * joiner.pending; // 1
 * ```
 */
export class RecordJoiner {
  /** Bytes per record. */
  readonly size: number;
  // Two buffers: a completed head is handed out from one while the other carries on.
  #carry: Uint8Array<ArrayBuffer>;
  #spare: Uint8Array<ArrayBuffer>;
  #carried = 0;

  constructor(size: number) {
    if (typeof size !== "number") {
      throw new TypeError(
        `RecordJoiner: size must be a positive integer, not '${pythonTypeName(size)}'`,
      );
    }
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new ValueError(`RecordJoiner: size must be a positive integer, not ${size}`);
    }
    this.size = size;
    this.#carry = carryBuffer(size);
    this.#spare = carryBuffer(size);
  }

  /** Bytes of an incomplete record carried to the next chunk. */
  get pending(): number {
    return this.#carried;
  }

  /** Takes the next chunk; returns the records it completes. */
  split(chunk: Uint8Array): Split {
    const size = this.size;
    let pos = 0;
    let head: Uint8Array | null = null;
    if (this.#carried > 0) {
      const take = Math.min(size - this.#carried, chunk.length);
      this.#carry.set(chunk.subarray(0, take), this.#carried);
      this.#carried += take;
      pos = take;
      if (this.#carried === size) {
        head = this.#carry;
        this.#carry = this.#spare;
        this.#spare = head as Uint8Array<ArrayBuffer>;
        this.#carried = 0;
      }
    }
    const whole = Math.floor((chunk.length - pos) / size) * size;
    const body = chunk.subarray(pos, pos + whole);
    pos += whole;
    if (pos < chunk.length) {
      // Only reached with an empty carry (a completed head swapped it out, or none was pending).
      this.#carry.set(chunk.subarray(pos), 0);
      this.#carried = chunk.length - pos;
    }
    return { head, body };
  }
}
