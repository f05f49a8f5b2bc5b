import { getBuffer, PyBUF_FULL_RO, PyBUF_SIMPLE, releaseBuffer } from "@pybuffer/core";
import { BufferError, ValueError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { ByteArray } from "../src/byte-array.js";
import { formatKind } from "../src/format-kind.js";
import { fromArrayBuffer } from "../src/from-buffer.js";
import { fromDataView, fromTypedArray } from "../src/from-typed-array.js";
import { typedArrayConstructor, typedArrayElementSize } from "../src/kinds.js";
import { isDetached, isMemory, isSharedArrayBuffer } from "../src/memory.js";
import { MemoryExporter } from "../src/memory-exporter.js";
import { toTypedArray } from "../src/to-typed-array.js";

function detach(buffer: ArrayBuffer): void {
  structuredClone(buffer, { transfer: [buffer] });
}

describe("detached buffers", () => {
  it("tells a detached buffer from a legal empty one", () => {
    const empty = new ArrayBuffer(0);
    const resizable = new ArrayBuffer(4, { maxByteLength: 8 });
    resizable.resize(0);
    const gone = new ArrayBuffer(4);
    detach(gone);
    expect([isDetached(empty), isDetached(resizable), isDetached(gone)]).toEqual([
      false,
      false,
      true,
    ]);
    expect(isDetached(new SharedArrayBuffer(0))).toBe(false);
    expect([isMemory(gone), isSharedArrayBuffer(new SharedArrayBuffer(1))]).toEqual([true, true]);
  });

  it("refuses to wrap a TypedArray or DataView over a detached buffer", () => {
    const ta = new Float64Array(2);
    const dv = new DataView(ta.buffer);
    detach(ta.buffer as ArrayBuffer);
    expect(() => fromTypedArray(ta)).toThrow("fromTypedArray: the view's ArrayBuffer is detached");
    expect(() => fromDataView(dv)).toThrow(BufferError);
  });

  it("fails every request once the buffer is detached after wrapping, even when empty", () => {
    for (const length of [4, 0]) {
      const ta = new Uint16Array(length);
      const exporter = fromTypedArray(ta);
      detach(ta.buffer as ArrayBuffer);
      expect(() => getBuffer(exporter, PyBUF_SIMPLE)).toThrow(
        "fromTypedArray: the underlying ArrayBuffer is detached",
      );
      expect(() => toTypedArray(exporter)).toThrow(BufferError);
    }
  });
});

describe("objects posing as buffers", () => {
  it("are refused by every entry point that takes a buffer", () => {
    const fakes: unknown[] = [
      { [Symbol.toStringTag]: "ArrayBuffer", byteLength: 8 },
      { [Symbol.toStringTag]: "SharedArrayBuffer", byteLength: 8 },
      new Proxy(new ArrayBuffer(8), {}),
    ];
    for (const fake of fakes) {
      expect([isMemory(fake), isSharedArrayBuffer(fake)]).toEqual([false, false]);
      expect(() => fromArrayBuffer(fake as ArrayBuffer)).toThrow(
        /^fromArrayBuffer: expected an ArrayBuffer or SharedArrayBuffer, not '/,
      );
      expect(() => new ByteArray(fake as ArrayBuffer)).toThrow(TypeError);
    }
  });
});

describe("shrunk resizable buffers", () => {
  it("refuses a fixed-length TypedArray left out of bounds (it reports length 0)", () => {
    const ab = new ArrayBuffer(16, { maxByteLength: 32 });
    const fixed = new Int32Array(ab, 8, 2);
    ab.resize(12);
    expect(fixed.length).toBe(0); // the platform's silent answer
    expect(() => fromTypedArray(fixed)).toThrow(
      "fromTypedArray: the view lies outside its ArrayBuffer, which was shrunk to 12 bytes",
    );
    ab.resize(4);
    expect(() => fromTypedArray(fixed)).toThrow(BufferError);
  });

  it("refuses an out-of-bounds DataView (which claims to be detached)", () => {
    const ab = new ArrayBuffer(16, { maxByteLength: 32 });
    const dv = new DataView(ab, 4, 8);
    ab.resize(8);
    expect(() => fromDataView(dv)).toThrow(
      "fromDataView: the view lies outside its ArrayBuffer, which was shrunk to 8 bytes",
    );
  });

  it("refuses requests after the buffer shrank under a wrapped TypedArray, and recovers after growth", () => {
    const ab = new ArrayBuffer(16, { maxByteLength: 32 });
    const exporter = fromTypedArray(new Int32Array(ab, 4, 3));
    ab.resize(8);
    expect(() => getBuffer(exporter, PyBUF_FULL_RO)).toThrow(
      "fromTypedArray: the underlying buffer was shrunk to 8 bytes, but the view needs bytes 4 to 16",
    );
    ab.resize(32);
    const view = getBuffer(exporter, PyBUF_FULL_RO);
    expect([view.buf, view.len]).toEqual([4, 12]);
    releaseBuffer(view);
  });

  it("wraps a length-tracking TypedArray at its current length", () => {
    const ab = new ArrayBuffer(8, { maxByteLength: 32 });
    const tracking = new Uint8Array(ab, 2);
    ab.resize(20);
    const view = getBuffer(fromTypedArray(tracking), PyBUF_FULL_RO);
    expect([view.buf, view.len]).toEqual([2, 18]);
    releaseBuffer(view);
  });

  it("wraps an empty TypedArray at offset 0 of a shrunk buffer as empty", () => {
    const ab = new ArrayBuffer(8, { maxByteLength: 8 });
    const empty = new Uint8Array(ab, 0, 0);
    ab.resize(0);
    const view = getBuffer(fromTypedArray(empty), PyBUF_FULL_RO);
    expect(view.len).toBe(0);
    releaseBuffer(view);
  });
});

describe("views that lie about their bytes", () => {
  it("exports the real region of a TypedArray whose properties are shadowed", () => {
    const memory = new ArrayBuffer(32);
    const ta = new Uint16Array(memory, 8, 4);
    for (const [name, value] of [
      ["byteOffset", 0],
      ["byteLength", 32],
      ["length", 16],
      ["BYTES_PER_ELEMENT", 1],
      ["buffer", new ArrayBuffer(64)],
    ] as const) {
      Object.defineProperty(ta, name, { value });
    }
    const view = getBuffer(fromTypedArray(ta), PyBUF_FULL_RO);
    expect([view.memory, view.buf, view.len, view.itemsize, view.shape]).toEqual([
      memory,
      8,
      8,
      2,
      [4],
    ]);
    releaseBuffer(view);
  });

  it("exports the real region of a subclass overriding the getters, and of a DataView", () => {
    class Liar extends Uint8Array {
      override get byteOffset(): number {
        return 0;
      }
      override get byteLength(): number {
        return 1024;
      }
    }
    const memory = new ArrayBuffer(16);
    const view = getBuffer(fromTypedArray(new Liar(memory, 4, 2)), PyBUF_FULL_RO);
    expect([view.buf, view.len]).toEqual([4, 2]);
    releaseBuffer(view);
    const dv = new DataView(memory, 6, 3);
    Object.defineProperty(dv, "byteLength", { value: 16 });
    const dview = getBuffer(fromDataView(dv), PyBUF_FULL_RO);
    expect([dview.buf, dview.len]).toEqual([6, 3]);
    releaseBuffer(dview);
  });
});

describe("public helpers given junk (found by fuzzing the exports)", () => {
  const layout = {
    format: "B",
    itemsize: 1,
    abi: "lp64",
    shape: [4],
    strides: [1],
    offset: 0,
    end: 4,
    len: 4,
    c: true,
    f: true,
  } as const;

  it("looks up kinds by own name only", () => {
    expect(typedArrayElementSize("toString")).toBe(0);
    expect(typedArrayConstructor("constructor")).toBeUndefined();
    expect(typedArrayElementSize("Float64Array")).toBe(8);
  });

  it("checks formatKind's arguments", () => {
    expect(() => formatKind(Symbol("f") as never, 1)).toThrow(
      new TypeError("formatKind() format must be a string or null, not 'symbol'"),
    );
    expect(() => formatKind("B", 0)).toThrow(
      new TypeError("formatKind() itemsize must be a positive integer"),
    );
  });

  it("refuses a detached source for a ByteArray with core's ValueError", () => {
    const ab = new ArrayBuffer(8);
    const view = new Uint8Array(ab);
    structuredClone(ab, { transfer: [ab] });
    const detached = new ValueError("operation on a detached ArrayBuffer");
    expect(() => new ByteArray(ab)).toThrow(detached);
    expect(() => new ByteArray(view)).toThrow(detached);
    expect(() => new ByteArray(2).extend(view)).toThrow(detached);
  });

  it("checks a hand-made MemoryExporter spec", () => {
    const spec = { what: "mine", memory: new ArrayBuffer(4), base: 0, readonly: false, layout };
    expect(() => new MemoryExporter(null as never)).toThrow(
      new TypeError("MemoryExporter spec must be an object, not 'NoneType'"),
    );
    expect(() => new MemoryExporter({ ...spec, memory: 5 as never })).toThrow(
      new TypeError(
        "mine: spec.memory must be an ArrayBuffer, a SharedArrayBuffer or a function giving one",
      ),
    );
    expect(() => new MemoryExporter({ ...spec, base: -1 })).toThrow(
      new TypeError("mine: spec.base must be a non-negative integer"),
    );
    expect(() => new MemoryExporter({ ...spec, layout: {} as never })).toThrow(
      new TypeError(
        "mine: spec.layout needs format, itemsize, abi, shape, strides, offset, end, len, c and f",
      ),
    );
    expect(() => new MemoryExporter({ ...spec, layout: { ...layout, end: 2 } })).toThrow(
      new TypeError("mine: spec.layout's len, c, f or end disagree with its shape"),
    );
    expect(() => new MemoryExporter({ ...spec, layout: { ...layout, itemsize: 2 } })).toThrow(
      BufferError,
    );
    expect(() => new MemoryExporter({ ...spec, memory: () => 5 as never })).toThrow(
      new BufferError("mine: the memory function gave 'int', not an ArrayBuffer"),
    );
    const view = getBuffer(new MemoryExporter(spec), PyBUF_FULL_RO);
    expect(view.shape).toEqual([4]);
    releaseBuffer(view);
  });
});
