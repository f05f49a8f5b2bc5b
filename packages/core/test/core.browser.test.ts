// Runs in headless Chromium (vitest browser mode, `browser` project): core must work in
// a real browser (no Node globals), over ArrayBuffer, resizable ArrayBuffer and
// WebAssembly.Memory, including detached memory. Expected results were printed by
// CPython 3.13 (`_testbuffer`), as in the vectors.
import { describe, expect, it } from "vitest";
import {
  BufferError,
  copyData,
  getBuffer,
  getPointer,
  isContiguous,
  isMemory,
  NDBuffer,
  PyBUF_FULL,
  PyBUF_FULL_RO,
  PyBUF_ND,
  releaseBuffer,
  toContiguous,
  ValueError,
} from "../src/index.js";

describe("@pybuffer/core in Chromium", () => {
  it("really is a browser, not Node", () => {
    expect(navigator.userAgent).toMatch(/Chrome\//);
    expect(typeof (globalThis as { process?: unknown }).process).toBe("undefined");
  });

  it("exports, copies and counts as in Node", () => {
    const nd = new NDBuffer(new Uint8Array([1, 2, 3, 4, 5, 6]).buffer, {
      shape: [2, 3],
      strides: [3, -1],
      offset: 2,
    });
    const view = getBuffer(nd, PyBUF_FULL_RO);
    expect(toContiguous(view, "C")).toEqual(new Uint8Array([3, 2, 1, 6, 5, 4]));
    expect(toContiguous(view, "F")).toEqual(new Uint8Array([3, 6, 2, 5, 1, 4]));
    expect(isContiguous(view, "A")).toBe(false);
    expect(() => getBuffer(nd, PyBUF_ND)).toThrow(new BufferError("ndarray is not C-contiguous"));
    expect(nd.exports).toBe(1);
    releaseBuffer(view);
    expect(nd.exports).toBe(0);
  });

  it("follows PIL pointers and transposes over WebAssembly memory", () => {
    const pil = NDBuffer.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3], format: "<h", pil: true });
    expect(new Int16Array(pil.toBytes("F").buffer)).toEqual(new Int16Array([1, 4, 2, 5, 3, 6]));
    const wasm = new WebAssembly.Memory({ initial: 1 });
    new Uint32Array(wasm.buffer).forEach((_, i, a) => {
      a[i] = i;
    });
    const matrix = new NDBuffer(wasm.buffer, { shape: [128, 128], strides: [4, 512], format: "I" });
    const t = new Uint32Array(toContiguous(getBuffer(matrix, PyBUF_FULL_RO), "C").buffer);
    expect([t[1], t[128], t[129]]).toEqual([128, 1, 129]);
  });

  it("tells real memory from objects posing as it, with or without the SharedArrayBuffer global", () => {
    expect(isMemory({ [Symbol.toStringTag]: "ArrayBuffer", byteLength: 8 })).toBe(false);
    expect(isMemory({ [Symbol.toStringTag]: "SharedArrayBuffer", byteLength: 8 })).toBe(false);
    expect(isMemory(new Proxy(new ArrayBuffer(8), {}))).toBe(false);
    expect(isMemory(new ArrayBuffer(8))).toBe(true);
    expect(isMemory(new WebAssembly.Memory({ initial: 1 }).buffer)).toBe(true);
    // This page is not cross-origin isolated: Chromium hides the SharedArrayBuffer global
    // but still makes shared WebAssembly memory, whose buffer is one.
    expect([typeof SharedArrayBuffer, globalThis.crossOriginIsolated]).toEqual([
      "undefined",
      false,
    ]);
    const shared = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer;
    expect(Object.prototype.toString.call(shared)).toBe("[object SharedArrayBuffer]");
    expect(isMemory(shared)).toBe(true);
    expect(isMemory(new Proxy(shared, {}))).toBe(false);
  });

  it("refuses detached and shrunk memory", () => {
    const memory = new ArrayBuffer(16);
    const nd = new NDBuffer(memory, { shape: [4], format: "i" });
    const view = getBuffer(nd, PyBUF_FULL);
    structuredClone(memory, { transfer: [memory] });
    expect(() => toContiguous(view, "C")).toThrow(ValueError);
    expect(() => getPointer(view, [0])).toThrow(ValueError);
    const resizable = new ArrayBuffer(16, { maxByteLength: 32 });
    const small = new NDBuffer(resizable, { shape: [16] });
    resizable.resize(8);
    expect(() => copyData(small, new NDBuffer(new ArrayBuffer(16), { shape: [16] }))).toThrow(
      ValueError,
    );
  });
});
