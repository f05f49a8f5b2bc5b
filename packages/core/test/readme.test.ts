/** The README's examples, line for line, with the results it promises. */
import { BufferError, ValueError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import {
  bf_getbuffer,
  copyData,
  fillContiguousStrides,
  fillInfo,
  fromContiguous,
  getBuffer,
  getPointer,
  isContiguous,
  NDBuffer,
  PyBUF_FULL,
  PyBUF_FULL_RO,
  PyBUF_ND,
  PyBUF_SIMPLE,
  PyBUF_WRITABLE,
  releaseBuffer,
  sizeFromFormat,
  toContiguous,
} from "../src/index.js";

describe("README examples", () => {
  it("introduction", () => {
    const memory = new Uint8Array([1, 2, 3, 4, 5, 6]).buffer;
    const nd = new NDBuffer(memory, { shape: [2, 3], strides: [3, -1], offset: 2 });
    const view = getBuffer(nd, PyBUF_FULL_RO);
    expect(toContiguous(view, "C")).toEqual(new Uint8Array([3, 2, 1, 6, 5, 4]));
    expect(toContiguous(view, "F")).toEqual(new Uint8Array([3, 6, 2, 5, 1, 4]));
    releaseBuffer(view);
  });

  it("the exporter protocol", () => {
    const bytesLike = {
      data: new Uint8Array([104, 105]),
      [bf_getbuffer](flags: number) {
        return fillInfo(
          this,
          this.data.buffer,
          this.data.byteOffset,
          this.data.length,
          true,
          flags,
        );
      },
    };
    expect(getBuffer(bytesLike, PyBUF_SIMPLE).len).toBe(2);
    expect(() => getBuffer(bytesLike, PyBUF_WRITABLE)).toThrow(
      new BufferError("Object is not writable."),
    );
    expect(() => getBuffer("hi", PyBUF_SIMPLE)).toThrow(
      new TypeError("a bytes-like object is required, not 'str'"),
    );
  });

  it("functions", () => {
    expect(fillContiguousStrides([2, 3, 4], 8, "C")).toEqual([96, 32, 8]);
    expect(fillContiguousStrides([2, 3, 4], 8, "F")).toEqual([8, 16, 48]);
    expect(sizeFromFormat("xi")).toBe(8);
    const nd = new NDBuffer(new ArrayBuffer(24), { shape: [2, 3], format: "i" });
    const view = getBuffer(nd, PyBUF_FULL);
    expect(isContiguous(view, "C")).toBe(true);
    expect(isContiguous(view, "F")).toBe(false);
    expect(getPointer(view, [1, 2])).toBe(20);
    expect(() => getPointer(view, [2, 0])).toThrow(
      new ValueError("get_pointer(): invalid index 2 at position 0"),
    );
    fromContiguous(view, new Int32Array([1, 4, 2, 5, 3, 6]), "F");
    expect(new Int32Array(toContiguous(view, "C").buffer)).toEqual(
      new Int32Array([1, 2, 3, 4, 5, 6]),
    );
    const dest = new Uint8Array(24);
    expect(toContiguous(view, "F", dest)).toBe(dest);
    const fortran = new NDBuffer(new ArrayBuffer(24), { shape: [2, 3], format: "i", order: "F" });
    copyData(fortran, nd);
    releaseBuffer(view);
    expect(fortran.toBytes("C")).toEqual(nd.toBytes("C"));
  });

  it("NDBuffer", () => {
    const memory = new ArrayBuffer(48);
    const nd = new NDBuffer(memory, {
      shape: [4, 3],
      strides: [-12, 4],
      offset: 36,
      format: "<i",
      readonly: false,
      suboffsets: null,
    });
    expect(() => getBuffer(nd, PyBUF_ND)).toThrow(new BufferError("ndarray is not C-contiguous"));
    const view = getBuffer(nd, PyBUF_FULL_RO);
    expect(nd.exports).toBe(1);
    expect(() => nd.setLayout(new ArrayBuffer(12), { shape: [12] })).toThrow(
      new BufferError("cannot change structure: 1 exported buffer"),
    );
    expect(() => nd.free()).toThrow(new BufferError("cannot free: 1 exported buffer"));
    releaseBuffer(view);
    expect(nd.toBytes("F").length).toBe(48);
    const pil = NDBuffer.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3], format: "<h", pil: true });
    expect(pil.suboffsets).toEqual([0, -1]);
    expect(pil.strides).toEqual([8, 2]);
  });
});
