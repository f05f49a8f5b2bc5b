/**
 * The other constructors: PyMemoryView_FromMemory, PyMemoryView_FromBuffer,
 * PyMemoryView_GetContiguous and memoryview._from_flags, with CPython's rules (C12–C15,
 * M1–M3) and argument checks.
 */
import {
  getBuffer,
  NDBuffer,
  PyBUF_FULL_RO,
  PyBUF_ND,
  PyBUF_READ,
  PyBUF_SIMPLE,
  PyBUF_WRITE,
  releaseBuffer,
} from "@pybuffer/core";
import { describe, expect, it } from "vitest";
import {
  BufferError,
  fromBuffer,
  fromFlags,
  fromMemory,
  fromObject,
  getContiguous,
  memoryview,
  ValueError,
} from "../src/index.js";

describe("memoryview(obj)", () => {
  it("names the type of a non-exporter", () => {
    expect(() => memoryview("abc")).toThrow(
      new TypeError("memoryview: a bytes-like object is required, not 'str'"),
    );
    expect(() => memoryview(1)).toThrow("not 'int'");
    expect(() => memoryview(null)).toThrow("not 'NoneType'");
    expect(() => memoryview(new Uint8Array(2))).toThrow("not 'Uint8Array'");
  });

  it("refuses more than 64 dimensions with CPython's ValueError", () => {
    const deep = {
      [Symbol.for("pybuffer.bf_getbuffer")]: () => ({
        obj: null,
        memory: new ArrayBuffer(1),
        buf: 0,
        len: 1,
        readonly: true,
        itemsize: 1,
        format: "B",
        ndim: 65,
        shape: new Array(65).fill(1),
        strides: new Array(65).fill(1),
        suboffsets: null,
        abi: "lp64",
        internal: null,
      }),
    };
    const error = new ValueError("memoryview: number of dimensions must not exceed 64");
    expect(() => memoryview(deep)).toThrow(error);
    expect(() => fromFlags(deep, PyBUF_FULL_RO)).toThrow(error);
  });
});

describe("fromObject", () => {
  it("is memoryview(obj), sharing the managed buffer of a memoryview", () => {
    const nd = new NDBuffer(new Uint8Array([1, 2]).buffer, { shape: [2] });
    const m = fromObject(nd);
    const n = fromObject(m);
    expect([m.obj, n.obj, nd.exports]).toEqual([nd, nd, 1]);
    m.release();
    n.release();
    expect(nd.exports).toBe(0);
  });
});

describe("fromMemory", () => {
  it("views bare memory, writable or not, with obj null", () => {
    const memory = new ArrayBuffer(8);
    const w = fromMemory(memory, PyBUF_WRITE, 2, 4);
    expect([w.obj, w.readonly, w.shape, w.format]).toEqual([null, false, [4], "B"]);
    w.set(0, 7);
    expect(new Uint8Array(memory)[2]).toBe(7);
    const r = fromMemory(memory, PyBUF_READ);
    expect(r.readonly).toBe(true);
    expect(r.length).toBe(8);
  });

  it("checks its arguments", () => {
    const memory = new ArrayBuffer(8);
    expect(() => fromMemory(memory, PyBUF_SIMPLE)).toThrow(ValueError);
    expect(() => fromMemory(memory, PyBUF_READ, 4, 8)).toThrow(ValueError);
    expect(() => fromMemory(memory, PyBUF_READ, -1)).toThrow(ValueError);
    expect(() => fromMemory(memory, PyBUF_READ, 0.5)).toThrow(ValueError);
    expect(() => fromMemory(new Uint8Array(2) as never, PyBUF_READ)).toThrow(TypeError);
  });
});

describe("fromBuffer", () => {
  it("rebuilds missing fields and drops obj", () => {
    const nd = new NDBuffer(new Int16Array([1, 2, 3]).buffer, { shape: [3], format: "h" });
    const view = getBuffer(nd, PyBUF_SIMPLE);
    const m = fromBuffer(view);
    expect([m.obj, m.format, m.itemsize, m.shape, m.strides]).toEqual([null, "B", 2, [3], [2]]);
    releaseBuffer(view);
    const nd2 = new NDBuffer(new Uint8Array(6).buffer, { shape: [2, 3] });
    const v2 = getBuffer(nd2, PyBUF_ND);
    expect(fromBuffer(v2).strides).toEqual([3, 1]);
    releaseBuffer(v2);
  });

  it("refuses a view without memory, and too many dimensions", () => {
    expect(() => fromBuffer({ memory: null } as never)).toThrow(
      new ValueError("PyMemoryView_FromBuffer(): info->buf must not be NULL"),
    );
    expect(() => fromBuffer({ memory: new ArrayBuffer(1), ndim: 65 } as never)).toThrow(
      new ValueError("memoryview: number of dimensions must not exceed 64"),
    );
  });
});

describe("fromFlags (memoryview._from_flags)", () => {
  it("keeps the itemsize when the format is not asked for (CPython M3)", () => {
    const nd = new NDBuffer(new Int16Array([1, 2]).buffer, { shape: [2], format: "h" });
    const m = fromFlags(nd, PyBUF_SIMPLE);
    expect([m.format, m.itemsize, m.shape, m.strides]).toEqual(["B", 2, [2], [2]]);
    expect(m.toList()).toEqual([1, 2]);
    const full = memoryview(nd);
    expect(fromFlags(full, PyBUF_SIMPLE).format).toBe("h");
  });
});

describe("getContiguous", () => {
  const strided = (readonly: boolean): NDBuffer =>
    new NDBuffer(new Uint8Array([1, 2, 3, 4, 5, 6]).buffer, {
      shape: [2, 3],
      strides: [1, 2],
      readonly,
    });

  it("returns a view of the object itself when it is contiguous in that order", () => {
    const nd = strided(false);
    const m = getContiguous(nd, PyBUF_WRITE, "F");
    expect(m.obj).toBe(nd);
    expect(m.fContiguous).toBe(true);
  });

  it("copies a non-contiguous object for reading, in the order asked", () => {
    const m = getContiguous(strided(true), PyBUF_READ, "C");
    expect([m.readonly, m.cContiguous, m.strides]).toEqual([true, true, [3, 1]]);
    expect([...m.toBytes("A")]).toEqual([1, 3, 5, 2, 4, 6]);
    expect(m.toList()).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
  });

  it("refuses what CPython refuses", () => {
    expect(() => getContiguous(strided(true), PyBUF_WRITE, "F")).toThrow(
      new BufferError("underlying buffer is not writable"),
    );
    expect(() => getContiguous(strided(false), PyBUF_WRITE, "C")).toThrow(
      new BufferError("writable contiguous buffer requested for a non-contiguous object."),
    );
    expect(() => getContiguous(strided(false), PyBUF_FULL_RO, "C")).toThrow(ValueError);
    expect(() => getContiguous(strided(false), PyBUF_READ, "X" as never)).toThrow(ValueError);
    const nd = strided(false);
    expect(() => getContiguous(nd, PyBUF_WRITE, "C")).toThrow(BufferError);
    expect(nd.exports).toBe(0);
  });
});
