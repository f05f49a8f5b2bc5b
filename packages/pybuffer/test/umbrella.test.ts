import * as core from "@pybuffer/core";
import * as memoryviewPackage from "@pybuffer/memoryview";
import * as struct from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import * as pybuffer from "../src/index.js";

describe("pybuffer (umbrella)", () => {
  it("re-exports struct, core and memoryview flat, as the same bindings", () => {
    const umbrella = new Map(Object.entries(pybuffer));
    const wrapped = new Set([
      "checkBuffer",
      "copyData",
      "fromBuffer",
      "fromFlags",
      "fromMemory",
      "fromObject",
      "getBuffer",
      "getContiguous",
      "memoryview",
      "MemoryView", // a subclass: see memoryview-class.test.ts
      // struct's, taking exporters too: see struct-exporters.test.ts
      "iterUnpack",
      "packInto",
      "Struct",
      "unpack",
      "unpackColumns",
      "unpackFrom",
      "unpackMany",
    ]); // they take JS binary types too: see binary-types.test.ts
    for (const [name, value] of Object.entries({ ...struct, ...core, ...memoryviewPackage })) {
      if (!wrapped.has(name)) expect(umbrella.get(name), name).toBe(value);
    }
  });

  it("accepts JavaScript's binary types wherever an exporter is", () => {
    expect(pybuffer.memoryview(new Uint8Array([1, 2, 3])).toList()).toEqual([1, 2, 3]);
    expect(pybuffer.memoryview(new Float64Array([0.5, -2])).toList()).toEqual([0.5, -2]);
    expect(pybuffer.memoryview(new ArrayBuffer(4)).length).toBe(4);
    const view = pybuffer.getBuffer(new Uint16Array([1, 2]), pybuffer.PyBUF_FULL_RO);
    expect([view.format, view.itemsize, view.len]).toEqual(["H", 2, 4]);
    pybuffer.releaseBuffer(view);
    expect(pybuffer.checkBuffer(new DataView(new ArrayBuffer(1)))).toBe(true);
    expect(pybuffer.checkBuffer({})).toBe(false);
  });

  it("leaves exporters as they are and other values to CPython's TypeError", () => {
    const exporter = pybuffer.typedarray.fromBinary(new Uint8Array(2));
    expect(pybuffer.asExporter(exporter)).toBe(exporter);
    expect(() => pybuffer.memoryview("abc")).toThrow(TypeError);
    expect(() => pybuffer.memoryview("abc")).toThrow(/a bytes-like object is required/);
    expect(() => pybuffer.getBuffer(42, pybuffer.PyBUF_SIMPLE)).toThrow(TypeError);
  });

  it("keeps one error class per kind across the family", () => {
    expect(pybuffer.StructError).toBe(struct.StructError);
    expect(pybuffer.BufferError).toBe(core.BufferError);
    expect(pybuffer.legacy.BufferError).toBe(struct.BufferError);
    expect(pybuffer.typedarray.ValueError).toBe(struct.ValueError);
    expect(pybuffer.blob.ValueError).toBe(struct.ValueError);
  });

  it("offers the adapters and Python 2's buffer as namespaces", () => {
    expect(Object.keys(pybuffer.legacy).length).toBeGreaterThan(0);
    expect(Object.keys(pybuffer.typedarray).length).toBeGreaterThan(0);
    expect(Object.keys(pybuffer.blob).length).toBeGreaterThan(0);
  });

  it("packs and unpacks through the one import", () => {
    const bytes = pybuffer.pack("<hI", -2, 7);
    expect(Array.from(bytes)).toEqual([0xfe, 0xff, 7, 0, 0, 0]);
    expect(pybuffer.unpack("<hI", bytes)).toEqual([-2, 7]);
  });
});
