import { describe, expect, it } from "vitest";
import { formatKind } from "../src/format-kind.js";
import {
  float16ArrayConstructor,
  TYPED_ARRAY_FORMATS,
  typedArrayConstructor,
  typedArrayKind,
} from "../src/kinds.js";
import { KINDS } from "./kinds-table.js";

describe("typedArrayKind", () => {
  it.each(KINDS)("%o is recognised with format %s", (ctor, format) => {
    const name = ctor.name;
    const ta = new ctor(new ArrayBuffer(16));
    expect(typedArrayKind(ta)).toBe(name);
    expect(TYPED_ARRAY_FORMATS[name]).toBe(format);
  });

  it("reports Node's Buffer (a Uint8Array subclass) as Uint8Array", () => {
    class Sub extends Uint8Array {}
    expect(typedArrayKind(new Sub(1))).toBe("Uint8Array");
  });

  it("is undefined for non-TypedArrays, including look-alikes", () => {
    const fake = { [Symbol.toStringTag]: "Int8Array", length: 1, buffer: new ArrayBuffer(1) };
    for (const value of [
      new DataView(new ArrayBuffer(1)),
      new ArrayBuffer(1),
      fake,
      null,
      3,
      "x",
    ]) {
      expect(typedArrayKind(value)).toBeUndefined();
    }
  });

  it("knows Float16Array exactly when the runtime has it", () => {
    const native = (globalThis as { Float16Array?: unknown }).Float16Array;
    expect(float16ArrayConstructor()).toBe(native);
    expect(typedArrayConstructor("Float16Array")).toBe(native);
    expect(typedArrayConstructor("Float64Array")).toBe(Float64Array);
    expect(typedArrayConstructor("Nope")).toBeUndefined();
  });
});

describe("formatKind", () => {
  it.each([
    ["b", 1, "Int8Array"],
    ["B", 1, "Uint8Array"],
    ["?", 1, "Uint8Array"],
    ["c", 1, "Uint8Array"],
    ["<h", 2, "Int16Array"],
    ["=H", 2, "Uint16Array"],
    ["@i", 4, "Int32Array"],
    ["1I", 4, "Uint32Array"],
    ["q", 8, "BigInt64Array"],
    ["Q", 8, "BigUint64Array"],
    ["l", 8, "BigInt64Array"],
    ["L", 8, "BigUint64Array"],
    ["l", 4, "Int32Array"],
    ["N", 4, "Uint32Array"],
    ["P", 8, "BigUint64Array"],
    ["n", 8, "BigInt64Array"],
    ["f", 4, "Float32Array"],
    ["<d", 8, "Float64Array"],
    [null, 1, "Uint8Array"],
  ] as const)("%s (itemsize %i) -> %s", (format, itemsize, kind) => {
    expect(formatKind(format, itemsize)).toEqual({ kind, foreign: false });
  });

  it("marks big-endian multi-byte items as foreign, one-byte ones not", () => {
    expect(formatKind(">i", 4)).toEqual({ kind: "Int32Array", foreign: true });
    expect(formatKind("!d", 8)).toEqual({ kind: "Float64Array", foreign: true });
    expect(formatKind(">B", 1)).toEqual({ kind: "Uint8Array", foreign: false });
  });

  it.each([
    ["2i", 8, "not a single primitive item"],
    ["T{i:x:}", 4, "not a single primitive item"],
    ["ii", 8, "not a single primitive item"],
    ["i", 8, "has items of 4 bytes, not itemsize 8"],
    ["s", 1, "has no TypedArray kind"],
    ["l", 2, "has no TypedArray kind"],
    ["Zd", 16, "not a single primitive item"],
  ] as const)("%s (itemsize %i) has no kind: %s", (format, itemsize, reason) => {
    expect(formatKind(format, itemsize).reason).toContain(reason);
  });

  it("maps e to Float16Array only where it exists, with a clear reason elsewhere", () => {
    const found = formatKind("e", 2);
    if (float16ArrayConstructor() === undefined) {
      expect(found.reason).toBe("format 'e' needs Float16Array, which this runtime does not have");
    } else {
      expect(found).toEqual({ kind: "Float16Array", foreign: false });
    }
  });
});

describe("formatKind's memory of the last answer", () => {
  it("answers a repeated question the same, with an object no caller can change", () => {
    const first = formatKind("<i", 4);
    expect(formatKind("<i", 4)).toEqual({ kind: "Int32Array", foreign: false });
    expect(Object.isFrozen(first)).toBe(true);
    expect(formatKind(">i", 4)).toEqual({ kind: "Int32Array", foreign: true });
    expect(formatKind("<i", 8).reason).toBe("format '<i' has items of 4 bytes, not itemsize 8");
  });

  it("asks again about 'e', whose answer a Float16Array polyfill changes", () => {
    const global = globalThis as { Float16Array?: unknown };
    if (Object.hasOwn(global, "Float16Array")) {
      expect(formatKind("e", 2).kind).toBe("Float16Array");
      return;
    }
    expect(formatKind("e", 2).reason).toContain("needs Float16Array");
    global.Float16Array = class extends Uint16Array {};
    try {
      expect(formatKind("e", 2)).toEqual({ kind: "Float16Array", foreign: false });
    } finally {
      delete global.Float16Array;
    }
    expect(formatKind("e", 2).reason).toContain("needs Float16Array");
  });
});
