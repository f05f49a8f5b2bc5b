// Runs in headless Chromium (vitest browser mode, `browser` project): the error classes and
// the codecs must work in a real browser, where neither Node's globals nor its module
// loader exist. Expected bytes and messages were printed by CPython 3.13
// (`struct.pack(...).hex()`, `str(e)`).
import { describe, expect, it } from "vitest";
import {
  BufferError,
  IndexError,
  NotImplementedError,
  OverflowError,
  PyError,
  pack,
  pythonErrorName,
  Struct,
  StructError,
  unpack,
  ValueError,
} from "../src/index.js";

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

describe("in Chromium", () => {
  it("really is a browser, not Node", () => {
    expect(navigator.userAgent).toMatch(/Chrome\//);
    expect(typeof document.createElement).toBe("function");
    expect(typeof (globalThis as { process?: unknown }).process).toBe("undefined");
  });

  it("gives each error class its CPython name, brand and instanceof", () => {
    const cases = [
      [StructError, "struct.error"],
      [BufferError, "BufferError"],
      [ValueError, "ValueError"],
      [IndexError, "IndexError"],
      [OverflowError, "OverflowError"],
      [NotImplementedError, "NotImplementedError"],
    ] as const;
    for (const [Class, python] of cases) {
      const error = new Class("bad char in struct format");
      expect(error).toBeInstanceOf(Error);
      expect(error).toBeInstanceOf(PyError);
      expect(error instanceof Class).toBe(true);
      expect(error.name).toBe(Class.name);
      expect(error.message).toBe("bad char in struct format");
      expect(pythonErrorName(error)).toBe(python);
      for (const [Other] of cases) if (Other !== Class) expect(error instanceof Other).toBe(false);
    }
    expect(pythonErrorName(new TypeError("x"))).toBe("TypeError");
    expect(pythonErrorName(new RangeError("x"))).toBeUndefined();
  });

  it("recognises an error from another copy of the package by its Symbol.for brand", () => {
    // What a second installed copy (or another realm) produces: no shared prototype, same brand.
    const foreign = Object.assign(new Error("unpack requires a buffer of 4 bytes"), {
      [Symbol.for("pybuffer.error.brands")]: ["struct.error", "Exception"],
    });
    expect(foreign instanceof StructError).toBe(true);
    expect(foreign instanceof PyError).toBe(true);
    expect(foreign instanceof BufferError).toBe(false);
    expect(pythonErrorName(foreign)).toBe("struct.error");
  });

  it("keeps the brand across an iframe's realm", () => {
    const frame = document.createElement("iframe");
    document.body.append(frame);
    const OtherError = (frame.contentWindow as unknown as { Error: ErrorConstructor }).Error;
    const foreign = new OtherError("x");
    Object.defineProperty(foreign, Symbol.for("pybuffer.error.brands"), {
      value: ["ValueError", "Exception"],
    });
    expect(foreign instanceof Error).toBe(false);
    expect(foreign instanceof ValueError).toBe(true);
    frame.remove();
  });

  it("packs and unpacks as CPython does", () => {
    const packed = pack("<IHHd", 4000000000, 7, 65535, -979.662);
    expect(hex(packed)).toBe("00286bee0700ffff9eefa7c64b9d8ec0");
    expect(unpack("<IHHd", packed)).toEqual([4000000000, 7, 65535, -979.662]);
    const wide = new Struct(">qQ?3s");
    const bytes = wide.pack(-(2n ** 63n), 2n ** 64n - 1n, true, new Uint8Array([0x61, 0x62]));
    expect(hex(bytes)).toBe("8000000000000000ffffffffffffffff01616200");
    expect(wide.unpack(bytes)).toEqual([
      -(2n ** 63n),
      2n ** 64n - 1n,
      true,
      new Uint8Array([0x61, 0x62, 0]),
    ]);
  });

  it("throws CPython's struct.error messages", () => {
    expect(() => pack("<H", 70000)).toThrow(StructError);
    expect(() => pack("<H", 70000)).toThrow("'H' format requires 0 <= number <= 65535");
    expect(() => unpack("<IHHd", new Uint8Array(15))).toThrow(
      "unpack requires a buffer of 16 bytes",
    );
  });
});
