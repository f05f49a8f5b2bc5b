/**
 * Offsets and pointers past the end of memory: every one is a ValueError (never the
 * engine's RangeError from a typed-array constructor, never a read outside memory), and
 * offsets near 2**63 are checked exactly, not after rounding to a double.
 */
import { describe, expect, it } from "vitest";
import {
  asReadBuffer,
  bf_getreadbuffer,
  bf_getsegcount,
  buffer,
  fromMemory,
  fromReadWriteMemory,
  ValueError,
} from "../src/index.js";
import { bytes } from "./helpers/exporters.js";

const outside = (lo: bigint | number, hi: bigint | number, size: number) =>
  new ValueError(`buffer layout reaches bytes ${lo} to ${hi} outside its memory of ${size} bytes`);

describe("memory constructors", () => {
  it("check offsets near 2**63 exactly", () => {
    const memory = new ArrayBuffer(3);
    const max = 2n ** 63n - 1n;
    expect(() => fromMemory(memory, max, 1)).toThrow(outside(max, max + 1n, 3));
    expect(() => fromReadWriteMemory(memory, 2n ** 60n, 1)).toThrow(
      outside(2n ** 60n, 2n ** 60n + 1n, 3),
    );
    expect(() => fromMemory(memory, 1, max)).toThrow(outside(1, max + 1n, 3));
  });

  it("accept an empty range at the end, not past it", () => {
    const memory = new ArrayBuffer(3);
    expect(fromMemory(memory, 3, 0).toBytes()).toEqual(new Uint8Array(0));
    expect(() => fromMemory(memory, 4, 0)).toThrow(outside(4, 4, 3));
  });

  it("refuse a detached memory, even for an empty range", () => {
    const memory = new ArrayBuffer(2);
    structuredClone(memory, { transfer: [memory] });
    expect(() => fromMemory(memory, 0)).toThrow("operation on a detached ArrayBuffer");
  });
});

describe("an empty buffer whose memory shrank below it", () => {
  it("gives ValueError at every access", () => {
    const memory = new ArrayBuffer(6, { maxByteLength: 8 });
    const b = fromMemory(memory, 5, 0);
    expect(b.length).toBe(0);
    memory.resize(2);
    for (const access of [
      () => b.length,
      () => b.toBytes(),
      () => b.slice(),
      () => b.hash(),
      () => [...b],
    ]) {
      expect(access).toThrow(outside(5, 5, 2));
    }
    // Through its segment count, which fails: 2.7 replaces that error with its own.
    expect(() => asReadBuffer(b)).toThrow(new TypeError("expected a single-segment buffer object"));
    expect(() => buffer(bytes("x")).concat(b)).toThrow(
      new TypeError("single-segment buffer object expected"),
    );
  });
});

describe("a segment that starts past its memory", () => {
  it("is refused even when empty", () => {
    const liar = {
      [bf_getsegcount]: () => 1,
      [bf_getreadbuffer]: () => ({ memory: new ArrayBuffer(2), buf: 100, len: 0 }),
    };
    expect(() => asReadBuffer(liar)).toThrow(outside(100, 100, 2));
    expect(() => buffer(liar).toBytes()).toThrow(outside(100, 100, 2));
    expect(() => buffer(bytes("a")).concat(liar)).toThrow(outside(100, 100, 2));
  });
});
