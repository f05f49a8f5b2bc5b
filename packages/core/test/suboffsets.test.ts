/**
 * Suboffsets beyond `_testbuffer`'s ND_PIL (which only makes dimension 0 indirect):
 * indirection in several dimensions and in the last one, pointer sizes of every ABI,
 * and pointers that lead outside memory.
 */
import { ValueError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { writePointer } from "../src/abi.js";
import { isContiguous } from "../src/contiguity.js";
import { copyData } from "../src/copy-data.js";
import { getBuffer } from "../src/exporter.js";
import { PyBUF_FULL, PyBUF_FULL_RO } from "../src/flags.js";
import { fromContiguous } from "../src/from-contiguous.js";
import { NDBuffer } from "../src/nd-buffer.js";
import { getPointer } from "../src/pointer.js";
import { toContiguous } from "../src/to-contiguous.js";
import type { Abi } from "../src/view.js";
import { indices, naiveToBytes } from "./support/layouts.js";

/**
 * A 2×2×3 array of bytes, indirect in dimensions 0 and 2: a table of 2 pointers to
 * 2×3 tables of pointers, each leading to one item. Item (i, j, k) holds 100 + 6i + 3j + k.
 */
function doublyIndirect(abi: Abi): NDBuffer {
  const p = abi === "wasm32" ? 4 : 8;
  const table0 = 0;
  const tables1 = 2 * p;
  const data = tables1 + 12 * p;
  const memory = new ArrayBuffer(data + 12);
  const bytes = new Uint8Array(memory);
  for (let i = 0; i < 2; i++) {
    writePointer(memory, table0 + i * p, tables1 + i * 6 * p, abi);
    for (let j = 0; j < 2; j++) {
      for (let k = 0; k < 3; k++) {
        const item = 6 * i + 3 * j + k;
        // Stored in reverse so that following the pointers matters.
        writePointer(memory, tables1 + item * p, data + 11 - item, abi);
        bytes[data + 11 - item] = 100 + item;
      }
    }
  }
  return new NDBuffer(memory, {
    shape: [2, 2, 3],
    strides: [p, 3 * p, p],
    suboffsets: [0, -1, 0],
    abi,
  });
}

describe("indirection in several dimensions", () => {
  for (const abi of ["lp64", "llp64", "wasm32"] as const) {
    it(`copies and addresses every item (${abi})`, () => {
      const nd = doublyIndirect(abi);
      const view = getBuffer(nd, PyBUF_FULL);
      const c = new Uint8Array(12).map((_, i) => 100 + i);
      expect(toContiguous(view, "C")).toEqual(c);
      expect(toContiguous(view, "A")).toEqual(c);
      expect(toContiguous(view, "F")).toEqual(naiveToBytes(view, "F"));
      expect(isContiguous(view, "A")).toBe(false);
      for (const index of indices([2, 2, 3], "C")) {
        const [i, j, k] = index as [number, number, number];
        expect(new Uint8Array(view.memory)[getPointer(view, index)]).toBe(100 + 6 * i + 3 * j + k);
      }
      fromContiguous(
        view,
        new Uint8Array(12).map((_, i) => i),
        "F",
      );
      expect(naiveToBytes(view, "F")).toEqual(new Uint8Array(12).map((_, i) => i));
      const source = new NDBuffer(new Uint8Array(12).map((_, i) => 50 + i).buffer, {
        shape: [2, 2, 3],
      });
      copyData(nd, source);
      expect(nd.toBytes("C")).toEqual(source.toBytes("C"));
      copyData(source, nd);
      expect(source.toBytes()).toEqual(new Uint8Array(12).map((_, i) => 50 + i));
    });
  }

  it("copies into itself through a temporary", () => {
    const nd = doublyIndirect("lp64");
    const before = nd.toBytes("C");
    copyData(nd, getBuffer(nd, PyBUF_FULL_RO));
    expect(nd.toBytes("C")).toEqual(before);
  });

  it("refuses a pointer that leads outside memory, before writing anything", () => {
    const nd = doublyIndirect("lp64");
    const view = getBuffer(nd, PyBUF_FULL);
    const memory = view.memory as ArrayBuffer;
    const before = new Uint8Array(memory).slice();
    writePointer(memory, 16 + 11 * 8, memory.byteLength, "lp64");
    expect(() => toContiguous(view, "C")).toThrow(ValueError);
    expect(() => getPointer(view, [1, 1, 2])).toThrow(ValueError);
    expect(() => fromContiguous(view, new Uint8Array(12), "C")).toThrow(ValueError);
    expect(() => getBuffer(nd, PyBUF_FULL_RO)).toThrow(ValueError);
    const after = new Uint8Array(memory);
    after.set(before.subarray(16 + 11 * 8, 16 + 12 * 8), 16 + 11 * 8);
    expect(after).toEqual(before);
  });
});
