import * as mv from "@pybuffer/memoryview";
import { describe, expect, it } from "vitest";
import * as pybuffer from "../src/index.js";

const { MemoryView, memoryview, fromFlags, fromMemory, getContiguous, Slice, PyBUF_WRITE } =
  pybuffer;

describe("the umbrella's MemoryView takes binary types in its methods", () => {
  it("equals a Uint8Array as Python's memoryview equals bytes", () => {
    // Python: memoryview(b"abc") == b"abc" -> True; == b"abd" -> False
    const m = memoryview(new Uint8Array([97, 98, 99]));
    expect(m.equals(new Uint8Array([97, 98, 99]))).toBe(true);
    expect(m.equals(new Uint8Array([97, 98, 100]))).toBe(false);
    expect(m.equals(new Uint8Array([97, 98]))).toBe(false);
    // Other binary types compare item by item in their own formats.
    expect(memoryview(new Float64Array([0.5, 2])).equals(new Float32Array([0.5, 2]))).toBe(true);
    expect(memoryview(new Float64Array([Number.NaN])).equals(new Float64Array([Number.NaN]))).toBe(
      false,
    );
    expect(m.equals(new ArrayBuffer(3))).toBe(false);
    expect(m.equals([97, 98, 99])).toBe(false); // a list is not a buffer
  });

  it("assigns a slice from a binary value, item keys unchanged", () => {
    const bytes = new Uint8Array(6);
    const m = memoryview(bytes);
    m.set(new Slice(1, 3), new Uint8Array([7, 8]));
    m.set(new Slice(null, null, -1), new Uint8Array([1, 2, 3, 4, 5, 6]));
    expect(Array.from(bytes)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(() => m.set(new Slice(0, 2), new Uint8Array(3))).toThrow(
      "memoryview assignment: lvalue and rvalue have different structures",
    );
    const chars = m.cast("c");
    chars.set(0, new Uint8Array([65])); // m[0] = b"A" for format 'c'
    expect(bytes[0]).toBe(65);
    m.set(new Slice(4, 6), new DataView(new Uint8Array([0, 9, 9, 0]).buffer, 1, 2));
    expect(Array.from(bytes)).toEqual([65, 5, 4, 3, 9, 9]);
  });

  it("keeps its class through slices, casts, toReadOnly and memoryview(m)", () => {
    const m = memoryview(new Uint8Array(8));
    for (const derived of [
      m.slice(1),
      m.get(new Slice(0, 4)) as InstanceType<typeof MemoryView>,
      m.cast("I"),
      m.toReadOnly(),
      new MemoryView(m),
    ]) {
      expect(derived).toBeInstanceOf(MemoryView);
      expect(derived).toBeInstanceOf(mv.MemoryView);
      expect(derived.equals(new Uint8Array(derived.nbytes).fill(0))).toBe(derived.format === "B");
    }
  });

  it("is what every view-making function returns", async () => {
    expect(fromFlags(new Uint8Array(2), pybuffer.PyBUF_FULL_RO)).toBeInstanceOf(MemoryView);
    expect(getContiguous(new Uint8Array(2), pybuffer.PyBUF_READ, "C")).toBeInstanceOf(MemoryView);
    const written = fromMemory(new ArrayBuffer(4), PyBUF_WRITE);
    expect(written).toBeInstanceOf(MemoryView);
    expect(written.equals(new Uint8Array(4))).toBe(true);
    const view = pybuffer.getBuffer(new Uint8Array([5]), pybuffer.PyBUF_FULL_RO);
    expect(pybuffer.fromBuffer(view).equals(new Uint8Array([5]))).toBe(true);
    pybuffer.releaseBuffer(view);
    const fromBlob = await pybuffer.memoryviewFromBlob(new Blob([new Uint8Array([1, 2])]));
    expect(fromBlob).toBeInstanceOf(MemoryView);
    expect(fromBlob.equals(new Uint8Array([1, 2]))).toBe(true);
  });

  it("still refuses what is not a buffer, with CPython's message", () => {
    expect(() => new MemoryView("abc")).toThrow(
      "memoryview: a bytes-like object is required, not 'str'",
    );
    expect(() => memoryview(new Uint8Array(2)).set(new Slice(0, 2), [1, 2])).toThrow(
      "a bytes-like object is required, not 'list'",
    );
  });

  it("refuses extra or missing arguments as CPython's memoryview does", () => {
    // Python: memoryview(b"ab", 1) -> TypeError; m == (with two operands) and m[0] = ...
    type Loose = (...args: unknown[]) => unknown;
    const u8 = new Uint8Array([1, 2]);
    expect(() => (memoryview as Loose)(u8, 1)).toThrow(
      new TypeError("memoryview() takes at most 1 argument (2 given)"),
    );
    const Ctor = MemoryView as unknown as new (...args: unknown[]) => unknown;
    expect(() => new Ctor(u8, u8)).toThrow(
      new TypeError("memoryview() takes at most 1 argument (2 given)"),
    );
    expect(() => new Ctor()).toThrow(
      new TypeError("memoryview() missing required argument 'object' (pos 1)"),
    );
    const m = memoryview(u8);
    expect(() => (m.equals as Loose).call(m, u8, 1)).toThrow(
      new TypeError("expected 1 argument, got 2"),
    );
    expect(() => (m.set as Loose).call(m, new Slice(0, 1), u8.subarray(0, 1), 1)).toThrow(
      new TypeError(" expected 2 arguments, got 3"),
    );
    expect(() => (fromFlags as Loose)(u8, 0, 1)).toThrow(
      new TypeError("_from_flags() takes at most 2 arguments (3 given)"),
    );
    expect(Array.from(u8)).toEqual([1, 2]);
  });

  it("gives its views back as the package's class does", () => {
    const bytes = new Uint8Array(4);
    const m = memoryview(bytes);
    const s = m.slice(1);
    m.release();
    expect(s.toList()).toEqual([0, 0, 0]);
    s.release();
    expect(() => s.toList()).toThrow("operation forbidden on released memoryview object");
  });
});
