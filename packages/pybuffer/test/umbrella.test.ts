import * as blobPackage from "@pybuffer/blob";
import * as core from "@pybuffer/core";
import * as legacyPackage from "@pybuffer/legacy";
import * as memoryviewPackage from "@pybuffer/memoryview";
import * as ndarrayPackage from "@pybuffer/ndarray";
import * as nodeBufferPackage from "@pybuffer/node-buffer";
import * as npyPackage from "@pybuffer/npy";
import * as pyodidePackage from "@pybuffer/pyodide";
import * as struct from "@pybuffer/struct";
import * as typedarrayPackage from "@pybuffer/typedarray";
import { describe, expect, it } from "vitest";
import * as blobSub from "../src/blob.js";
import * as coreSub from "../src/core.js";
import * as pybuffer from "../src/index.js";
import * as legacySub from "../src/legacy.js";
import * as memoryviewSub from "../src/memoryview.js";
import * as ndarraySub from "../src/ndarray.js";
import * as nodeBufferSub from "../src/node-buffer.js";
import * as npySub from "../src/npy.js";
import * as pyodideSub from "../src/pyodide.js";
import * as structSub from "../src/struct.js";
import * as typedarraySub from "../src/typedarray.js";

const PACKAGES = {
  struct,
  core,
  memoryview: memoryviewPackage,
  typedarray: typedarrayPackage,
  blob: blobPackage,
  nodeBuffer: nodeBufferPackage,
  legacy: legacyPackage,
  pyodide: pyodidePackage,
  ndarray: ndarrayPackage,
  npy: npyPackage,
};
const SUBPATHS = {
  struct: structSub,
  core: coreSub,
  memoryview: memoryviewSub,
  typedarray: typedarraySub,
  blob: blobSub,
  nodeBuffer: nodeBufferSub,
  legacy: legacySub,
  pyodide: pyodideSub,
  ndarray: ndarraySub,
  npy: npySub,
};

/** Per subpath, the functions the umbrella wraps (they take JS binary types, PyProxies, …). */
const WRAPPED: Record<keyof typeof SUBPATHS, readonly string[]> = {
  struct: [
    "iterUnpack",
    "packInto",
    "Struct",
    "unpack",
    "unpackColumns",
    "unpackFrom",
    "unpackMany",
  ],
  core: ["checkBuffer", "copyData", "getBuffer"],
  memoryview: [
    "fromBuffer",
    "fromFlags",
    "fromMemory",
    "fromObject",
    "getContiguous",
    "memoryview",
    "MemoryView",
  ],
  typedarray: ["toArrayBuffer", "toDataView", "toTypedArray"],
  blob: ["toBlob"],
  nodeBuffer: ["toNodeBuffer"],
  legacy: [
    "asCharBuffer",
    "asReadBuffer",
    "asWriteBuffer",
    "buffer",
    "checkReadBuffer",
    "fromObject",
    "fromReadWriteObject",
  ],
  pyodide: ["toPyodide"],
  ndarray: ["toNdarray", "toStdlib"],
  npy: ["saveNpy", "saveNpz"],
};

describe("pybuffer (umbrella)", () => {
  it("re-exports struct, core and memoryview flat, as the same bindings", () => {
    const umbrella = new Map(Object.entries(pybuffer));
    // struct's take exporters too (struct-exporters.test.ts), MemoryView is a subclass
    // (memoryview-class.test.ts); all take JS binary types (binary-types.test.ts).
    const wrapped = new Set([...WRAPPED.struct, ...WRAPPED.core, ...WRAPPED.memoryview]);
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
    const exporter = typedarrayPackage.fromBinary(new Uint8Array(2));
    expect(pybuffer.asExporter(exporter)).toBe(exporter);
    expect(() => pybuffer.memoryview("abc")).toThrow(TypeError);
    expect(() => pybuffer.memoryview("abc")).toThrow(/a bytes-like object is required/);
    expect(() => pybuffer.getBuffer(42, pybuffer.PyBUF_SIMPLE)).toThrow(TypeError);
  });

  it("keeps one error class per kind across the family", () => {
    expect(pybuffer.StructError).toBe(struct.StructError);
    expect(pybuffer.BufferError).toBe(core.BufferError);
    for (const sub of Object.values(SUBPATHS)) {
      expect(sub.BufferError).toBe(struct.BufferError);
      expect(sub.ValueError).toBe(struct.ValueError);
    }
  });

  it("keeps the adapters and Python 2's buffer out of the main entry (subpaths only)", () => {
    for (const name of ["legacy", "typedarray", "blob", "pyodide", "ndarray", "npy", "buffer"]) {
      expect(name in pybuffer).toBe(false);
    }
  });

  it("gives each subpath its package, the exporter-taking functions wrapped", () => {
    for (const [key, sub] of Object.entries(SUBPATHS)) {
      const pkg = PACKAGES[key as keyof typeof PACKAGES] as Record<string, unknown>;
      for (const [name, value] of Object.entries(pkg)) {
        expect(name in sub, `${key}.${name}`).toBe(true);
        const same = (sub as Record<string, unknown>)[name] === value;
        expect(same, `${key}.${name}`).toBe(!WRAPPED[key as keyof typeof SUBPATHS].includes(name));
      }
    }
  });

  it("packs and unpacks through the one import", () => {
    const bytes = pybuffer.pack("<hI", -2, 7);
    expect(Array.from(bytes)).toEqual([0xfe, 0xff, 7, 0, 0, 0]);
    expect(pybuffer.unpack("<hI", bytes)).toEqual([-2, 7]);
  });
});
