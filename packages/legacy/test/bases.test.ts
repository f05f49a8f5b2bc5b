import {
  bf_getbuffer,
  exportCount,
  getBuffer,
  NDBuffer,
  PyBUF_FULL_RO,
  PyBUF_SIMPLE,
  PyBUF_WRITABLE,
  releaseBuffer,
} from "@pybuffer/core";
import { describe, expect, it } from "vitest";
import {
  BufferError,
  buffer,
  fromMemory,
  fromObject,
  fromReadWriteMemory,
  fromReadWriteObject,
  Py_END_OF_BUFFER,
  ValueError,
} from "../src/index.js";
import { ByteArrayLike, bytes, ScatterList } from "./helpers/exporters.js";

function detach(memory: ArrayBuffer): void {
  structuredClone(memory, { transfer: [memory] });
}

describe("a Uint8Array base (JavaScript's str/bytearray)", () => {
  it("is read, written and tracked through its current length", () => {
    const data = bytes("abcdef");
    const rw = fromReadWriteObject(data, 2, Py_END_OF_BUFFER);
    rw.set(0, bytes("X"));
    expect(data).toEqual(bytes("abXdef"));
    expect(buffer(data, 1, 3).toString()).toBe("bXd");
  });

  it("follows a length-tracking view over a resizable ArrayBuffer", () => {
    const memory = new ArrayBuffer(6, { maxByteLength: 64 });
    new Uint8Array(memory).set(bytes("abcdef"));
    const view = new Uint8Array(memory);
    const b = buffer(view, 4);
    expect(b.toString()).toBe("ef");
    memory.resize(3);
    expect(b.length).toBe(0);
    expect(b.toString()).toBe("");
    memory.resize(8);
    expect(b.length).toBe(4);
  });

  it("sees a detached view as empty, never a stale read", () => {
    const data = bytes("abc");
    const b = buffer(data, 1);
    detach(data.buffer as ArrayBuffer);
    expect(b.length).toBe(0);
    expect(() => b.get(0)).toThrow("buffer index out of range");
  });
});

describe("new-protocol exporters through the bridge", () => {
  it("reads and writes a contiguous NDBuffer and leaves no export behind", () => {
    const memory = new Uint8Array([1, 2, 3, 4, 5, 6]).buffer;
    const nd = new NDBuffer(memory, { shape: [2, 3] });
    const b = fromReadWriteObject(nd, 1, 3);
    expect([...b.toBytes()]).toEqual([2, 3, 4]);
    b.setSlice(0, 2, new Uint8Array([9, 9]));
    expect([...new Uint8Array(memory)]).toEqual([1, 9, 9, 4, 5, 6]);
    expect(exportCount(nd)).toBe(0);
  });

  it("passes on a non-contiguous exporter's BufferError at access time", () => {
    const memory = new Uint8Array([1, 2, 3, 4, 5, 6]).buffer;
    const nd = new NDBuffer(memory, { shape: [3], strides: [2] });
    const b = buffer(nd);
    expect(() => b.length).toThrow(BufferError);
    expect(exportCount(nd)).toBe(0);
  });

  it("refuses write access to a read-only exporter with its BufferError", () => {
    const nd = new NDBuffer(new ArrayBuffer(4), { shape: [4], readonly: true });
    const rw = fromReadWriteObject(nd, 0, Py_END_OF_BUFFER);
    expect(() => rw.set(0, bytes("x"))).toThrow(BufferError);
    expect(buffer(nd).length).toBe(4);
  });

  it("gives a clean error once the exporter is freed underneath", () => {
    const nd = new NDBuffer(new ArrayBuffer(4), { shape: [4] });
    const b = buffer(nd);
    expect(b.length).toBe(4);
    nd.free();
    expect(() => b.toBytes()).toThrow(ValueError);
  });

  it("an exporter that grows and shrinks is seen at its current size", () => {
    const base = new ByteArrayLike(bytes("abcdef"));
    const b = buffer(base, 2, 3);
    expect(b.toString()).toBe("cde");
    base.resize(3);
    expect(b.toString()).toBe("c");
    base.resize(1);
    expect(b.length).toBe(0);
    expect(() => b.get(0)).toThrow("buffer index out of range");
  });

  it("rejects an exporter whose view lies outside its memory", () => {
    const liar = {
      [bf_getbuffer]: (flags: number) => ({
        ...getBuffer(new NDBuffer(new ArrayBuffer(4), { shape: [4] }), flags),
        len: 100,
      }),
    };
    expect(() => buffer(liar).toBytes()).toThrow(/outside its memory/);
  });
});

describe("the buffer object as an exporter (bf_getbuffer)", () => {
  it("fills a byte view over its current bytes, read-only as it is", () => {
    const data = bytes("abcdef");
    const ro = buffer(data, 1, 2);
    const view = getBuffer(ro, PyBUF_FULL_RO);
    expect([view.len, view.readonly, view.format, view.shape]).toEqual([2, true, "B", [2]]);
    releaseBuffer(view);
    expect(() => getBuffer(ro, PyBUF_WRITABLE)).toThrow("Object is not writable.");
    const rw = fromReadWriteObject(data, 0, 1);
    const writable = getBuffer(rw, PyBUF_WRITABLE);
    new Uint8Array(writable.memory, writable.buf, writable.len)[0] = 0x5a;
    releaseBuffer(writable);
    expect(data[0]).toBe(0x5a);
  });

  it("is itself a base for another buffer through either protocol", () => {
    const inner = fromMemory(bytes("hello").buffer, 1, 3);
    expect(buffer(inner, 1).toString()).toBe("ll");
    expect(getBuffer(buffer(inner), PyBUF_SIMPLE).len).toBe(3);
  });
});

describe("memory-based buffers", () => {
  it("refuse a range outside the memory, and Py_END_OF_BUFFER", () => {
    const memory = new ArrayBuffer(4);
    expect(() => fromMemory(memory, 2, 3)).toThrow(ValueError);
    expect(() => fromMemory(memory, Py_END_OF_BUFFER)).toThrow("size must be zero or positive");
    expect(() => fromMemory(memory, -1, 2)).toThrow("offset must be zero or positive");
  });

  it("give ValueError after the memory shrinks or is detached", () => {
    const memory = new ArrayBuffer(8, { maxByteLength: 8 });
    const b = fromReadWriteMemory(memory, 4, 4);
    b.set(3, bytes("z"));
    memory.resize(6);
    expect(() => b.length).toThrow(ValueError);
    expect(() => b.set(0, bytes("y"))).toThrow(ValueError);
    const fixed = new ArrayBuffer(4);
    const c = fromMemory(fixed, 4);
    detach(fixed);
    expect(() => c.toBytes()).toThrow(ValueError);
  });

  it("work over a SharedArrayBuffer", () => {
    const shared = new SharedArrayBuffer(3);
    fromReadWriteMemory(shared, 3).setSlice(0, 3, bytes("abc"));
    expect(fromMemory(shared, 1, 2).toString()).toBe("bc");
  });
});

describe("multi-segment bases", () => {
  const scatter = () => new ScatterList(bytes("ab"), bytes("cd"));

  it("are accepted when made, refused at every access", () => {
    const b = fromObject(scatter(), 0, Py_END_OF_BUFFER);
    expect(b.repr()).toMatch(/^<read-only buffer for 0x[0-9a-f]+, size -1, offset 0 at/);
    for (const access of [() => b.length, () => b.get(0), () => b.toBytes(), () => b.hash()]) {
      expect(access).toThrow("single-segment buffer object expected");
    }
  });

  it("are refused as operands", () => {
    const b = buffer(bytes("xy"));
    expect(() => b.concat(scatter())).toThrow("single-segment buffer object expected");
    const rw = fromReadWriteObject(bytes("xy"), 0, Py_END_OF_BUFFER);
    expect(() => rw.set(0, scatter())).toThrow("single-segment buffer object expected");
  });

  it("work again when they are down to one segment", () => {
    const list = new ScatterList(bytes("ab"), bytes("cd"));
    const b = buffer(list, 1);
    list.chunks.pop();
    expect(b.toString()).toBe("b");
  });
});
