/**
 * Test exporters standing in for Python 2 objects: a str (old protocol, read-only, its
 * write proc fails with str's message), a bytearray that can grow and shrink (new
 * protocol over a resizable ArrayBuffer, reached through the bridge), and a scatter
 * list with several segments.
 */
import { type BufferView, bf_getbuffer, fillInfo } from "@pybuffer/core";
import {
  bf_getcharbuffer,
  bf_getreadbuffer,
  bf_getsegcount,
  bf_getwritebuffer,
  type Segment,
} from "../../src/index.js";

/** The byte a resize writes at absolute index i (legacy_live.py's fill_byte). */
export function fillByte(i: number): number {
  return (i * 7 + 0x41) & 0xff;
}

/** One segment over a copy of `bytes`, with a segment count and a read proc. */
class OneSegment {
  readonly memory: ArrayBuffer;
  constructor(bytes: Uint8Array) {
    this.memory = new Uint8Array(bytes).buffer;
  }
  [bf_getsegcount](): number {
    return 1;
  }
  [bf_getreadbuffer](segment: number): Segment {
    if (segment !== 0) throw new RangeError("accessing non-existent segment");
    return { memory: this.memory, buf: 0, len: this.memory.byteLength };
  }
}

/** Python 2's str: one read-only segment; write access fails as str's does. */
export class StrLike extends OneSegment {
  static {
    // Python 2 orders unrelated types by type name: this one stands in for `str`.
    Object.defineProperty(StrLike, "name", { value: "str" });
  }
  [bf_getcharbuffer](segment: number): Segment {
    return this[bf_getreadbuffer](segment);
  }
  [bf_getwritebuffer](_segment: number): Segment {
    throw new TypeError("Cannot use string as modifiable buffer");
  }
}

/** Python 2's bytearray: a new-protocol exporter whose length can change. */
export class ByteArrayLike {
  readonly memory: ArrayBuffer;
  constructor(bytes: Uint8Array, maxByteLength = 1 << 16) {
    this.memory = new ArrayBuffer(bytes.length, { maxByteLength });
    new Uint8Array(this.memory).set(bytes);
  }
  [bf_getbuffer](flags: number): BufferView {
    return fillInfo(this, this.memory, 0, this.memory.byteLength, false, flags);
  }
  /** `del ba[n:]` or `ba.extend(...)` with {@link fillByte}. */
  resize(n: number): void {
    const old = this.memory.byteLength;
    this.memory.resize(n);
    const bytes = new Uint8Array(this.memory);
    for (let i = old; i < n; i++) bytes[i] = fillByte(i);
  }
  poke(i: number, value: number): void {
    new Uint8Array(this.memory)[i] = value;
  }
  bytes(): Uint8Array {
    return new Uint8Array(this.memory).slice();
  }
}

/** Python 2's array('B'): one segment with read and write procs but no character proc. */
export class ArrayLike extends OneSegment {
  static {
    Object.defineProperty(ArrayLike, "name", { value: "array" });
  }
  [bf_getwritebuffer](segment: number): Segment {
    return this[bf_getreadbuffer](segment);
  }
}

/** An object with several segments (a scatter list), read and write procs only. */
export class ScatterList {
  readonly chunks: Uint8Array[];
  constructor(...chunks: Uint8Array[]) {
    this.chunks = chunks;
  }
  [bf_getsegcount](): number {
    return this.chunks.length;
  }
  [bf_getreadbuffer](segment: number): Segment {
    const chunk = this.chunks[segment];
    if (chunk === undefined) throw new RangeError("accessing non-existent buffer segment");
    return { memory: chunk.buffer, buf: chunk.byteOffset, len: chunk.length };
  }
  [bf_getwritebuffer](segment: number): Segment {
    return this[bf_getreadbuffer](segment);
  }
}

/** Latin-1 bytes of a string, for readable tests. */
export function bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}
