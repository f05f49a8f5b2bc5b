import { getBuffer, PyBUF_FULL_RO, PyBUF_SIMPLE, releaseBuffer } from "@pybuffer/core";
import { BufferError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { fromBinary } from "../src/from-binary.js";
import { fromArrayBuffer, fromWasmMemory, isWasmMemory } from "../src/from-buffer.js";

function lenOf(exporter: object): number {
  const view = getBuffer(exporter, PyBUF_SIMPLE);
  releaseBuffer(view);
  return view.len;
}

describe("fromArrayBuffer", () => {
  it("exports a whole ArrayBuffer as B", () => {
    const ab = new ArrayBuffer(10);
    const view = getBuffer(fromArrayBuffer(ab), PyBUF_FULL_RO);
    expect([view.memory, view.buf, view.len, view.format, view.shape]).toEqual([
      ab,
      0,
      10,
      "B",
      [10],
    ]);
    releaseBuffer(view);
  });

  it("takes a format and shape", () => {
    const view = getBuffer(
      fromArrayBuffer(new ArrayBuffer(24), { format: "<d", shape: [3, 1] }),
      PyBUF_FULL_RO,
    );
    expect([view.format, view.itemsize, view.shape, view.strides]).toEqual([
      "<d",
      8,
      [3, 1],
      [8, 8],
    ]);
    releaseBuffer(view);
  });

  it("follows a resizable ArrayBuffer as it grows and shrinks", () => {
    const ab = new ArrayBuffer(4, { maxByteLength: 64 });
    const exporter = fromArrayBuffer(ab);
    expect(lenOf(exporter)).toBe(4);
    ab.resize(40);
    expect(lenOf(exporter)).toBe(40);
    ab.resize(0);
    expect(lenOf(exporter)).toBe(0);
  });

  it("refuses a followed buffer that no longer holds whole items", () => {
    const ab = new ArrayBuffer(8, { maxByteLength: 64 });
    const exporter = fromArrayBuffer(ab, { format: "<i", offset: 4 });
    expect(lenOf(exporter)).toBe(4);
    ab.resize(11);
    expect(() => getBuffer(exporter, PyBUF_SIMPLE)).toThrow(BufferError);
    expect(() => getBuffer(exporter, PyBUF_SIMPLE)).toThrow(
      "fromArrayBuffer: 7 bytes are not a whole number of 4-byte items",
    );
    ab.resize(2);
    expect(() => getBuffer(exporter, PyBUF_SIMPLE)).toThrow("outside the source's 2 bytes");
    ab.resize(12);
    expect(lenOf(exporter)).toBe(8);
  });

  it("refuses an explicit shape the shrunk buffer no longer holds", () => {
    const ab = new ArrayBuffer(16, { maxByteLength: 64 });
    const exporter = fromArrayBuffer(ab, { format: "i", shape: [4] });
    ab.resize(8);
    expect(() => getBuffer(exporter, PyBUF_SIMPLE)).toThrow(BufferError);
    expect(() => getBuffer(exporter, PyBUF_SIMPLE)).toThrow(
      "fromArrayBuffer: the underlying buffer was shrunk to 8 bytes, but the view needs bytes 0 to 16",
    );
    ab.resize(16);
    expect(lenOf(exporter)).toBe(16);
  });

  it("follows a growable SharedArrayBuffer", () => {
    const sab = new SharedArrayBuffer(8, { maxByteLength: 32 });
    const exporter = fromArrayBuffer(sab);
    sab.grow(32);
    const view = getBuffer(exporter, PyBUF_FULL_RO);
    expect([view.memory, view.len]).toEqual([sab, 32]);
    releaseBuffer(view);
  });

  it("refuses a detached ArrayBuffer", () => {
    const ab = new ArrayBuffer(8);
    const exporter = fromArrayBuffer(ab);
    structuredClone(ab, { transfer: [ab] });
    expect(() => getBuffer(exporter, PyBUF_SIMPLE)).toThrow(
      "fromArrayBuffer: the underlying ArrayBuffer is detached",
    );
  });

  it("refuses what is not a buffer", () => {
    expect(() => fromArrayBuffer(new Uint8Array(2) as never)).toThrow(
      "fromArrayBuffer: expected an ArrayBuffer or SharedArrayBuffer, not 'Uint8Array'",
    );
  });
});

describe("fromWasmMemory", () => {
  it("re-fetches the buffer after grow(), and old views fail cleanly", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 3 });
    expect(isWasmMemory(memory)).toBe(true);
    const exporter = fromWasmMemory(memory, { format: "<I" });
    const before = getBuffer(exporter, PyBUF_FULL_RO);
    expect([before.len, before.shape, before.abi]).toEqual([65536, [16384], "wasm32"]);
    memory.grow(1);
    expect(before.memory.byteLength).toBe(0); // detached by the growth
    const after = getBuffer(exporter, PyBUF_FULL_RO);
    expect([after.memory, after.len]).toEqual([memory.buffer, 131072]);
    expect(exporter.exports).toBe(2);
    releaseBuffer(before);
    releaseBuffer(after);
    expect(exporter.exports).toBe(0);
  });

  it("keeps an explicit shape across growth", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    const exporter = fromWasmMemory(memory, { format: "l", shape: [2], offset: 1024 });
    memory.grow(1);
    const view = getBuffer(exporter, PyBUF_FULL_RO);
    expect([view.buf, view.itemsize, view.shape, view.memory]).toEqual([
      1024,
      4,
      [2],
      memory.buffer,
    ]);
    releaseBuffer(view);
  });

  it("works over shared memory, whose buffer object changes on growth", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true });
    const exporter = fromWasmMemory(memory);
    memory.grow(1);
    expect(lenOf(exporter)).toBe(131072);
  });

  it("refuses what is not a memory", () => {
    expect(() => fromWasmMemory({} as never)).toThrow(
      "fromWasmMemory: expected a WebAssembly.Memory, not 'Object'",
    );
  });
});

describe("fromBinary", () => {
  it("dispatches on the kind of value", () => {
    const cases: [unknown, string][] = [
      [new Float32Array(2), "f"],
      [new DataView(new ArrayBuffer(2)), "B"],
      [new ArrayBuffer(2), "B"],
      [new SharedArrayBuffer(2), "B"],
      [new WebAssembly.Memory({ initial: 1 }), "B"],
    ];
    for (const [value, format] of cases) {
      const view = getBuffer(fromBinary(value as never), PyBUF_FULL_RO);
      expect(view.format).toBe(format);
      releaseBuffer(view);
    }
  });

  it("passes exporters through and refuses options for them", () => {
    const exporter = fromArrayBuffer(new ArrayBuffer(1));
    expect(fromBinary(exporter)).toBe(exporter);
    expect(() => fromBinary(exporter, { shape: [1] })).toThrow(TypeError);
  });

  it("refuses non-binary values as CPython does", () => {
    expect(() => fromBinary("abc" as never)).toThrow("a bytes-like object is required, not 'str'");
    expect(() => fromBinary([1, 2] as never)).toThrow(
      "a bytes-like object is required, not 'list'",
    );
  });
});
