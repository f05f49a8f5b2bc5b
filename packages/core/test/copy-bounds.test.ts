/**
 * Issue #19 item 1 and 11: no copy writes outside the destination view's items, and
 * everything is checked before the first byte is written. Each view sits in the
 * middle of a larger memory with canary bytes around it.
 */
import { BufferError, ValueError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { writePointer } from "../src/abi.js";
import { copyItems } from "../src/copy/copy-items.js";
import { copyData } from "../src/copy-data.js";
import { getBuffer } from "../src/exporter.js";
import { PyBUF_FULL, PyBUF_FULL_RO } from "../src/flags.js";
import { fromContiguous } from "../src/from-contiguous.js";
import { NDBuffer } from "../src/nd-buffer.js";
import { toContiguous } from "../src/to-contiguous.js";

const CANARY = 0xa5;

/** A memory of `size` canary bytes. */
function canaries(size: number): ArrayBuffer {
  return new Uint8Array(size).fill(CANARY).buffer;
}

describe("copyData refuses destinations whose items cannot hold the source's", () => {
  it("a reversed byte view and a 2-byte source (the Node Buffer pool overrun)", () => {
    // Bytes 8..15 are the exporter's; 16.. belong to the next one ("SECRET").
    const memory = canaries(32);
    const bytes = new Uint8Array(memory);
    bytes.set([1, 2, 3, 4, 5, 6, 7, 8], 8);
    bytes.set(new TextEncoder().encode("SECRET"), 16);
    const before = bytes.slice();
    const dest = new NDBuffer(memory, { shape: [4], strides: [-2], offset: 15 });
    const src = new NDBuffer(new Uint8Array([0x41, 0x41]).buffer, { shape: [1], format: "<H" });
    expect(() => copyData(dest, src)).toThrow(
      new BufferError("destination items are smaller than the source's"),
    );
    expect(bytes).toEqual(before);
  });

  it("a zero-stride '3s' destination and a 'd' source", () => {
    const memory = canaries(18);
    const before = new Uint8Array(memory).slice();
    const dest = new NDBuffer(memory, { shape: [3], strides: [0], offset: 6, format: "3s" });
    const src = new NDBuffer(new Float64Array([1.5]).buffer, { shape: [1], format: "d" });
    expect(() => copyData(dest, src)).toThrow(BufferError);
    expect(new Uint8Array(memory)).toEqual(before);
  });

  it("larger destination items take the source's bytes in front, as CPython", () => {
    const memory = canaries(12);
    const dest = new NDBuffer(memory, { shape: [2], strides: [-4], offset: 6, format: "<H" });
    copyData(dest, new NDBuffer(new Uint8Array([7, 0, 9]).buffer, { shape: [2], strides: [2] }));
    expect(Array.from(new Uint8Array(memory))).toEqual([
      CANARY,
      CANARY,
      9,
      CANARY,
      CANARY,
      CANARY,
      7,
      CANARY,
      CANARY,
      CANARY,
      CANARY,
      CANARY,
    ]);
  });

  it("the copy routine itself refuses items wider than either side's", () => {
    const side = (itemsize: number) => ({
      memory: new ArrayBuffer(16),
      buf: 0,
      strides: [itemsize],
      suboffsets: null,
      abi: "lp64" as const,
      itemsize,
    });
    expect(() => copyItems(side(1), side(2), [2], 2, "C")).toThrow(BufferError);
    expect(() => copyItems(side(2), side(1), [2], 2, "C")).toThrow(BufferError);
  });
});

/** A PIL-style `[2, 8]` byte array whose first row lies over the second row's pointer. */
function pointerOverlap(secondRow: number): { nd: NDBuffer; memory: ArrayBuffer } {
  const memory = canaries(40);
  writePointer(memory, 0, 8, "lp64"); // row 0 at bytes 8..15: row 1's pointer
  writePointer(memory, 8, secondRow, "lp64");
  const nd = new NDBuffer(memory, {
    shape: [2, 8],
    strides: [8, 1],
    suboffsets: [0, -1],
    offset: 0,
  });
  return { nd, memory };
}

describe("PIL destinations are resolved before the first write", () => {
  const data = new Uint8Array(16).map((_, i) => 100 + i);

  it("a row over another row's pointer: both rows land where the pointers said", () => {
    const { nd, memory } = pointerOverlap(24);
    fromContiguous(getBuffer(nd, PyBUF_FULL), data, "C");
    const bytes = new Uint8Array(memory);
    expect(bytes.subarray(8, 16)).toEqual(data.subarray(0, 8));
    expect(bytes.subarray(24, 32)).toEqual(data.subarray(8, 16));
    expect(bytes.subarray(16, 24).every((b) => b === CANARY)).toBe(true);
    expect(bytes.subarray(32).every((b) => b === CANARY)).toBe(true);
  });

  it("every copy road into it: the same result, nothing else touched", () => {
    for (const road of ["copyData", "fromContiguous F", "prefix"] as const) {
      const { nd, memory } = pointerOverlap(24);
      const view = getBuffer(nd, PyBUF_FULL);
      if (road === "copyData") {
        copyData(nd, new NDBuffer(new Uint8Array(data).buffer, { shape: [2, 8] }));
      } else if (road === "prefix") {
        expect(fromContiguous(view, data.subarray(0, 11), "C")).toBe(11);
      } else {
        const f = new NDBuffer(new Uint8Array(data).buffer, { shape: [2, 8] }).toBytes("F");
        fromContiguous(view, f, "F");
      }
      const bytes = new Uint8Array(memory);
      expect(bytes.subarray(8, 16), road).toEqual(data.subarray(0, 8));
      const row1 = road === "prefix" ? 3 : 8;
      expect(bytes.subarray(24, 24 + row1), road).toEqual(data.subarray(8, 8 + row1));
      expect(
        bytes.subarray(24 + row1).every((b) => b === CANARY),
        road,
      ).toBe(true);
    }
  });

  it("a pointer outside the memory is refused before any byte is written", () => {
    const { nd, memory } = pointerOverlap(24);
    const view = getBuffer(nd, PyBUF_FULL);
    writePointer(memory, 8, 1000, "lp64");
    const before = new Uint8Array(memory).slice();
    expect(() => fromContiguous(view, data, "C")).toThrow(ValueError);
    expect(new Uint8Array(memory)).toEqual(before);
  });
});

describe("every copy road stays inside its views", () => {
  it("toContiguous, fromContiguous and copyData on regions of a larger memory", () => {
    const memory = canaries(64);
    const region = new NDBuffer(memory, {
      shape: [3, 2],
      strides: [-8, 2],
      offset: 40,
      format: "<H",
    });
    const view = getBuffer(region, PyBUF_FULL);
    const items = new Set<number>();
    for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) items.add(40 - 8 * i + 2 * j);
    const data = new Uint8Array(12).map((_, i) => i);
    fromContiguous(view, data, "F");
    copyData(region, new NDBuffer(data.slice().buffer, { shape: [3, 2], format: "<H" }));
    expect(toContiguous(getBuffer(region, PyBUF_FULL_RO), "C")).toEqual(data);
    const bytes = new Uint8Array(memory);
    for (let b = 0; b < 64; b++) {
      if (!items.has(b) && !items.has(b - 1)) expect(bytes[b], `byte ${b}`).toBe(CANARY);
    }
  });
});
