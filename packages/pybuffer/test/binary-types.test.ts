import { Buffer } from "node:buffer";
import * as legacyPackage from "@pybuffer/legacy";
import { describe, expect, it } from "vitest";
import * as pybuffer from "../src/index.js";
import * as legacy from "../src/legacy.js";

const { buffer } = legacy;
const {
  copyData,
  fromFlags,
  getContiguous,
  memoryview,
  memoryviewFromBlob,
  PyBUF_READ,
  PyBUF_SIMPLE,
  unpack,
  iterUnpack,
  Struct,
} = pybuffer;

describe("JS binary types wherever an exporter is expected", () => {
  it("memoryview of every TypedArray keeps its format, itemsize and values", () => {
    const m = memoryview(new Float64Array(8));
    expect([m.format, m.itemsize, m.length, m.nbytes]).toEqual(["d", 8, 8, 64]);
    expect(memoryview(new Int8Array([-1, 2])).toList()).toEqual([-1, 2]);
    expect(memoryview(new Uint32Array([4e9])).toList()).toEqual([4e9]);
    expect(memoryview(new BigInt64Array([-5n])).toList()).toEqual([-5n]);
    expect(memoryview(new DataView(new ArrayBuffer(3), 1)).length).toBe(2);
    expect(memoryview(new SharedArrayBuffer(5)).length).toBe(5);
  });

  it("writes through the view into the TypedArray's memory", () => {
    const source = new Int16Array([1, 2, 3]);
    memoryview(source).set(1, -7);
    expect(Array.from(source)).toEqual([1, -7, 3]);
  });

  it("a pooled Node Buffer exports only its own bytes", () => {
    const small = Buffer.from("hello world");
    expect(small.byteOffset === 0 && small.buffer.byteLength === small.length).toBe(false);
    const m = memoryview(small);
    expect(m.length).toBe(11);
    expect(Buffer.from(m.toBytes()).toString()).toBe("hello world");
    expect(buffer(small, 2, 4).toBytes()).toEqual(new Uint8Array(Buffer.from("llo ")));
  });

  it("struct takes every binary type directly", () => {
    const bytes = new Uint8Array([1, 0, 0, 0, 2, 0, 0, 0]);
    expect(unpack("<I", bytes.subarray(4))).toEqual([2]);
    expect(unpack("<II", bytes.buffer)).toEqual([1, 2]);
    expect(unpack("<II", Buffer.from(bytes))).toEqual([1, 2]);
    expect(Array.from(iterUnpack("<H", new Uint16Array([5, 6])), (r) => r[0])).toEqual([5, 6]);
    expect(new Struct("<d").unpack(new Float64Array([0.25]))).toEqual([0.25]);
  });

  it("pybuffer/legacy's buffer() takes TypedArrays, DataViews and ArrayBuffers", () => {
    expect(buffer(new Uint16Array([1, 2])).length).toBe(4);
    expect(Array.from(buffer(new ArrayBuffer(6), 4).toBytes())).toEqual([0, 0]);
    expect(Array.from(legacy.fromObject(new Int8Array([-1, 5]), 1, -1).toBytes())).toEqual([5]);
    const data = new Int8Array(4);
    legacy.fromReadWriteObject(data, 1, 1).set(0, new Uint8Array([255]));
    expect(data[1]).toBe(-1);
    expect(() => buffer(42 as unknown as object)).toThrow(TypeError);
    expect(() => buffer(42 as unknown as object)).toThrow("buffer object expected");
    expect(() => (buffer as (...a: unknown[]) => unknown)()).toThrow(
      "buffer() takes at least 1 argument (0 given)",
    );
    // The subpath's are the umbrella's, taking binary types legacy's own do not.
    expect(legacy.buffer).not.toBe(legacyPackage.buffer);
    expect(() => legacyPackage.buffer(new Uint16Array([1, 2]))).toThrow(TypeError);
  });

  it("copyData, fromFlags and getContiguous take binary types", () => {
    const dest = new Uint8Array(2);
    copyData(dest, new Uint8Array([7, 8]));
    expect(Array.from(dest)).toEqual([7, 8]);
    expect(() => copyData(dest, "ab")).toThrow(TypeError);
    const m = fromFlags(new Uint16Array(3), PyBUF_SIMPLE);
    expect([m.format, m.itemsize, m.nbytes]).toEqual(["B", 2, 6]); // as CPython
    expect(getContiguous(new Float32Array(4), PyBUF_READ, "C").cContiguous).toBe(true);
  });

  it("Blobs through the async entry point", async () => {
    const blob = new Blob([new Float64Array([0.5, 1.5, 2.5, 3.5])]);
    const m = await memoryviewFromBlob(blob, { format: "<d", shape: [2, 2] });
    expect(m.toList()).toEqual([
      [0.5, 1.5],
      [2.5, 3.5],
    ]);
    expect(m.readonly).toBe(true);
    expect((await memoryviewFromBlob(new Blob(["ab"]))).toList()).toEqual([97, 98]);
  });

  it("changes nothing global on import", () => {
    for (const ctor of [Uint8Array, Float64Array, DataView, ArrayBuffer, SharedArrayBuffer]) {
      expect(Object.getOwnPropertySymbols(ctor.prototype)).not.toContain(
        Symbol.for("pybuffer.bf_getbuffer"),
      );
    }
    expect(Symbol.for("pybuffer.bf_getbuffer") in new Uint8Array(1)).toBe(false);
  });
});
