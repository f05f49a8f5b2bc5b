/**
 * Memory that changes under a view: detached ArrayBuffers (structuredClone
 * transfer), shrunk resizable ArrayBuffers and a WebAssembly.Memory that grew give a
 * clear error in every operation; SharedArrayBuffer works as memory.
 */
import { runInNewContext } from "node:vm";
import { BufferError, ValueError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { copyData } from "../src/copy-data.js";
import { bf_getbuffer, getBuffer, releaseBuffer } from "../src/exporter.js";
import { fillInfo } from "../src/fill-info.js";
import { PyBUF_FULL, PyBUF_FULL_RO, PyBUF_SIMPLE } from "../src/flags.js";
import { fromContiguous } from "../src/from-contiguous.js";
import { isDetached, isMemory } from "../src/memory.js";
import { NDBuffer } from "../src/nd-buffer.js";
import { getPointer } from "../src/pointer.js";
import { toContiguous } from "../src/to-contiguous.js";
import type { BufferView, Memory } from "../src/view.js";
import { DETACHERS, detach } from "./support/helpers.js";
import { pattern, toPil } from "./support/layouts.js";

/** Every operation on `view` (and on `nd`, its exporter). */
function operations(nd: NDBuffer, view: BufferView): [string, () => unknown][] {
  const other = new NDBuffer(new ArrayBuffer(64), { shape: [4, 4] });
  return [
    ["getBuffer", () => getBuffer(nd, PyBUF_FULL_RO)],
    ["toContiguous C", () => toContiguous(view, "C")],
    ["toContiguous F", () => toContiguous(view, "F")],
    ["toContiguous into dest", () => toContiguous(view, "C", new Uint8Array(view.len))],
    ["fromContiguous", () => fromContiguous(view, new Uint8Array(view.len), "C")],
    ["copyData from", () => copyData(other, nd)],
    ["copyData into", () => copyData(nd, other)],
    ["getPointer", () => getPointer(view, [1, 1])],
    ["toBytes", () => nd.toBytes()],
  ];
}

function expectAllFail(nd: NDBuffer, view: BufferView, message: RegExp): void {
  for (const [name, op] of operations(nd, view)) {
    expect(op, name).toThrow(ValueError);
    expect(op, name).toThrow(message);
  }
}

describe.each(DETACHERS)("memory detached by %s", (_name, detach) => {
  it("is reported by every operation, strided and PIL", () => {
    const memory = pattern(64);
    const nd = new NDBuffer(memory, { shape: [4, 4], strides: [-16, 4], offset: 48, format: "i" });
    const view = getBuffer(nd, PyBUF_FULL);
    detach(memory);
    expect(isDetached(memory)).toBe(true);
    expectAllFail(nd, view, /detached/);
    releaseBuffer(view);

    const pil = toPil(pattern(16), { shape: [4, 4], strides: [4, 1], offset: 0 });
    const pnd = new NDBuffer(pil.memory, {
      shape: [4, 4],
      strides: pil.strides,
      suboffsets: pil.suboffsets,
      offset: pil.buf,
    });
    const pview = getBuffer(pnd, PyBUF_FULL);
    detach(pil.memory);
    expectAllFail(pnd, pview, /detached/);
  });

  it("is refused by fillInfo and NDBuffer construction", () => {
    const memory = new ArrayBuffer(8);
    detach(memory);
    expect(() => fillInfo(null, memory, 0, 8, false, PyBUF_SIMPLE)).toThrow(/detached/);
    expect(() => new NDBuffer(memory, { shape: [8] })).toThrow(ValueError);
  });
});

describe("the detachers", () => {
  it("include ArrayBuffer.prototype.transfer and transferToFixedLength where the runtime has them", () => {
    const names = DETACHERS.map(([name]) => name);
    expect(names).toContain("structuredClone");
    const has = (name: string) => name in ArrayBuffer.prototype;
    expect(names.includes("transfer")).toBe(has("transfer"));
    expect(names.includes("transferToFixedLength")).toBe(has("transferToFixedLength"));
  });
});

describe("resizable ArrayBuffer", () => {
  it("a shrunk buffer is refused, grown back it works again", () => {
    const memory = new ArrayBuffer(64, { maxByteLength: 128 });
    new Uint8Array(memory).set(new Uint8Array(pattern(64)));
    const nd = new NDBuffer(memory, { shape: [4, 4], format: "i" });
    const view = getBuffer(nd, PyBUF_FULL);
    memory.resize(32);
    expectAllFail(
      nd,
      view,
      /buffer layout reaches bytes \d+ to \d+ outside its memory of 32 bytes/,
    );
    memory.resize(64);
    expect(toContiguous(view, "C").length).toBe(64);
    memory.resize(128);
    expect(toContiguous(view, "F").length).toBe(64);
  });
});

describe("WebAssembly.Memory", () => {
  it("a view over the old buffer fails after grow(); a new view works", () => {
    const wasm = new WebAssembly.Memory({ initial: 1, maximum: 4 });
    const nd = new NDBuffer(wasm.buffer, { shape: [16, 16], format: "I" });
    const view = getBuffer(nd, PyBUF_FULL);
    wasm.grow(1);
    expectAllFail(nd, view, /detached/);
    releaseBuffer(view);
    nd.setLayout(wasm.buffer, { shape: [16, 16], format: "I" });
    expect(toContiguous(getBuffer(nd, PyBUF_FULL_RO), "F").length).toBe(1024);
  });
});

describe("SharedArrayBuffer", () => {
  it("works as memory for every operation, growable too", () => {
    const memories: Memory[] = [
      new SharedArrayBuffer(64),
      new SharedArrayBuffer(64, { maxByteLength: 256 }),
    ];
    for (const memory of memories) {
      new Uint8Array(memory).set(new Uint8Array(pattern(64)));
      const nd = new NDBuffer(memory, { shape: [4, 4], strides: [4, 16], format: "i" });
      const view = getBuffer(nd, PyBUF_FULL);
      const f = toContiguous(view, "F");
      expect(f).toEqual(new Uint8Array(pattern(64)));
      expect(f.buffer).toBeInstanceOf(ArrayBuffer);
      fromContiguous(view, new Uint8Array(64).fill(7), "C");
      expect(new Uint8Array(memory).every((b) => b === 7)).toBe(true);
      expect(getPointer(view, [1, 2])).toBe(36);
      const shared = memory as SharedArrayBuffer & { growable: boolean; grow(n: number): void };
      if (shared.growable) {
        shared.grow(256);
        expect(toContiguous(view, "C").length).toBe(64);
      }
    }
  });
});

describe("objects that only look like memory", () => {
  // Each would make a view read as empty: `new Uint8Array(fake, 0, 4)` takes it for an
  // array-like of no items, and a copy of the view's bytes would come back empty.
  const fakes: [string, unknown][] = [
    ["a forged Symbol.toStringTag", { [Symbol.toStringTag]: "ArrayBuffer", byteLength: 16 }],
    [
      "a forged SharedArrayBuffer tag",
      { [Symbol.toStringTag]: "SharedArrayBuffer", byteLength: 16 },
    ],
    ["an object made from ArrayBuffer.prototype", Object.create(ArrayBuffer.prototype)],
    ["a Proxy around an ArrayBuffer", new Proxy(new ArrayBuffer(16), {})],
    ["a Proxy around a SharedArrayBuffer", new Proxy(new SharedArrayBuffer(16), {})],
    ["a TypedArray", new Uint8Array(16)],
  ];

  it("are not memory", () => {
    for (const [name, fake] of fakes) expect(isMemory(fake), name).toBe(false);
  });

  it("real buffers are, from any realm, detached or resizable", () => {
    const gone = new ArrayBuffer(8);
    detach(gone);
    const memories: unknown[] = [
      new ArrayBuffer(0),
      new ArrayBuffer(8, { maxByteLength: 16 }),
      new SharedArrayBuffer(8),
      gone,
      runInNewContext("new ArrayBuffer(4)"),
      runInNewContext("new SharedArrayBuffer(4)"),
      new WebAssembly.Memory({ initial: 1 }).buffer,
      new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true }).buffer,
    ];
    for (const memory of memories) expect(isMemory(memory)).toBe(true);
  });

  it("are refused as an NDBuffer's memory and in an exporter's view", () => {
    for (const [name, fake] of fakes) {
      expect(() => new NDBuffer(fake as Memory, { shape: [4] }), name).toThrow(
        /^NDBuffer memory must be an ArrayBuffer or SharedArrayBuffer, not '/,
      );
      const exporter = {
        [bf_getbuffer]: (): BufferView => ({
          obj: null,
          memory: fake as Memory,
          buf: 0,
          len: 4,
          readonly: true,
          itemsize: 1,
          format: "B",
          ndim: 1,
          shape: [4],
          strides: [1],
          suboffsets: null,
          abi: "lp64",
          internal: null,
        }),
      };
      expect(() => getBuffer(exporter, PyBUF_FULL_RO), name).toThrow(BufferError);
      expect(() => getBuffer(exporter, PyBUF_FULL_RO), name).toThrow(
        "returned an invalid view: memory must be an ArrayBuffer or SharedArrayBuffer",
      );
    }
  });
});
