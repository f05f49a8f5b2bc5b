import { getBuffer, PyBUF_FULL, PyBUF_FULL_RO, PyBUF_SIMPLE, releaseBuffer } from "@pybuffer/core";
import { BufferError, ValueError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { ByteArray } from "../src/byte-array.js";
import { fromArrayBuffer, fromWasmMemory } from "../src/from-buffer.js";
import { fromDataView, fromTypedArray } from "../src/from-typed-array.js";
import { float16ArrayConstructor, typedArrayKind } from "../src/kinds.js";
import { toArrayBuffer, toDataView } from "../src/to-data-view.js";
import { toTypedArray } from "../src/to-typed-array.js";
import { type Ctor, KINDS } from "./kinds-table.js";

describe("in Chromium", () => {
  it("runs in a browser, without Node globals", () => {
    expect(typeof window).toBe("object");
    expect(
      (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node,
    ).toBeUndefined();
  });

  it("exports and aliases back every kind, Float16Array included", () => {
    const f16 = float16ArrayConstructor();
    expect(f16).toBeDefined(); // Chromium 135+
    const kinds: [Ctor, string][] = [...KINDS, [f16 as unknown as Ctor, "e"]];
    for (const [ctor, format] of kinds) {
      const ta = new ctor(new ArrayBuffer(96), 16, 6);
      const exporter = fromTypedArray(ta, { shape: [2, 3] });
      const view = getBuffer(exporter, PyBUF_FULL_RO);
      expect([view.format, view.buf, view.shape]).toEqual([format, 16, [2, 3]]);
      releaseBuffer(view);
      const back = toTypedArray(exporter);
      expect([back.buffer, back.byteOffset, back.length]).toEqual([ta.buffer, 16, 6]);
    }
  });

  it("decodes e through Float16Array, and big-endian e by copy", () => {
    const halves = new Uint8Array([0x00, 0x3c, 0x00, 0xc0]); // 1.0, -2.0 little-endian
    const aliased = toTypedArray(fromDataView(new DataView(halves.buffer), { format: "<e" }));
    expect(typedArrayKind(aliased)).toBe("Float16Array");
    expect(Array.from(aliased as unknown as ArrayLike<number>)).toEqual([1, -2]);
    const big = new Uint8Array([0x3c, 0x00, 0xc0, 0x00]);
    const copied = toTypedArray(fromDataView(new DataView(big.buffer), { format: ">e" }), {
      copy: true,
    });
    expect(Array.from(copied as unknown as ArrayLike<number>)).toEqual([1, -2]);
  });

  it("exports ImageData-shaped pixels (height, width, RGBA)", () => {
    const image = new ImageData(3, 2);
    image.data.set([255, 0, 0, 255], 4 * 4); // pixel (row 1, column 1)
    const view = getBuffer(fromTypedArray(image.data, { shape: [2, 3, 4] }), PyBUF_FULL_RO);
    expect([view.format, view.strides]).toEqual(["B", [12, 4, 1]]);
    expect(new Uint8Array(view.memory)[view.buf + 1 * 12 + 1 * 4]).toBe(255);
    releaseBuffer(view);
  });

  it("refuses detached and shrunk buffers cleanly", () => {
    const ta = new Int32Array(4);
    const exporter = fromTypedArray(ta);
    structuredClone(ta.buffer, { transfer: [ta.buffer] });
    expect(() => getBuffer(exporter, PyBUF_SIMPLE)).toThrow(
      "fromTypedArray: the underlying ArrayBuffer is detached",
    );
    const ab = new ArrayBuffer(16, { maxByteLength: 32 });
    const fixed = new Int32Array(ab, 8, 2);
    const wrapped = fromTypedArray(fixed);
    ab.resize(12);
    expect(() => fromTypedArray(fixed)).toThrow(BufferError);
    expect(() => getBuffer(wrapped, PyBUF_SIMPLE)).toThrow("shrunk to 12 bytes");
    const view = getBuffer(fromArrayBuffer(ab, { shape: [12] }), PyBUF_FULL_RO);
    ab.resize(4);
    expect(() => toTypedArray(view)).toThrow(ValueError);
    releaseBuffer(view);
  });

  it("follows a growing WebAssembly.Memory", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    const exporter = fromWasmMemory(memory);
    const before = getBuffer(exporter, PyBUF_SIMPLE);
    memory.grow(1);
    expect(() => toDataView(before)).toThrow(ValueError);
    releaseBuffer(before);
    expect(toDataView(exporter).byteLength).toBe(131072);
  });

  it("ByteArray refuses to resize while exported", () => {
    const ba = new ByteArray([1, 2]);
    const view = getBuffer(ba, PyBUF_FULL);
    expect(() => ba.resize(3)).toThrow("Existing exports of data: object cannot be re-sized");
    releaseBuffer(view);
    ba.resize(3);
    expect(Array.from(new Uint8Array(toArrayBuffer(ba)))).toEqual([1, 2, 0]);
  });
});
