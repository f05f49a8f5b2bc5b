/**
 * Beyond CPython (documented in the README): items of formats CPython's memoryview
 * refuses — standard sizes and byte orders, sub-arrays, complex, PEP 3118 records — read,
 * written and compared through @pybuffer/struct; multi-dimensional slicing (one slice per
 * dimension) and slice assignment on N-d views. Expected values are built by hand with
 * DataView, independently of the code under test.
 */
import { NDBuffer } from "@pybuffer/core";
import { describe, expect, it } from "vitest";
import { memoryview, NotImplementedError, Slice, ValueError } from "../src/index.js";

function bytesOf(fill: (dv: DataView) => void, size: number): ArrayBuffer {
  const memory = new ArrayBuffer(size);
  fill(new DataView(memory));
  return memory;
}

describe("standard-size and byte-order formats", () => {
  it("reads, writes and iterates <i and >d like their native forms", () => {
    const memory = bytesOf((dv) => {
      dv.setInt32(0, 1, true);
      dv.setInt32(4, -2, true);
      dv.setInt32(8, 3, true);
    }, 12);
    const m = memoryview(new NDBuffer(memory, { shape: [3], format: "<i" }));
    expect(m.toList()).toEqual([1, -2, 3]);
    expect(m.get(-1)).toBe(3);
    expect([...m]).toEqual([1, -2, 3]);
    m.set(1, 2 ** 31 - 1);
    expect(new DataView(memory).getInt32(4, true)).toBe(2 ** 31 - 1);
    expect(() => m.set(1, 2 ** 31)).toThrow(
      new ValueError("memoryview: invalid value for format '<i'"),
    );
    expect(() => m.set(1, 1.5)).toThrow(new TypeError("memoryview: invalid type for format '<i'"));
    expect(new DataView(memory).getInt32(4, true)).toBe(2 ** 31 - 1);

    const big = bytesOf((dv) => {
      dv.setFloat64(0, 1.5, false);
      dv.setFloat64(8, -2, false);
    }, 16);
    const d = memoryview(new NDBuffer(big, { shape: [2], format: ">d" }));
    expect(d.toList()).toEqual([1.5, -2]);
    d.set(0, 0.25);
    expect(new DataView(big).getFloat64(0, false)).toBe(0.25);
    expect(d.count(-2)).toBe(1);
    expect(d.index(-2)).toBe(1);
  });

  it("reads 8-byte standard integers as bigint and compares across byte orders", () => {
    const memory = bytesOf((dv) => dv.setBigInt64(0, -(2n ** 62n), false), 8);
    const q = memoryview(new NDBuffer(memory, { shape: [1], format: "!q" }));
    expect(q.toList()).toEqual([-(2n ** 62n)]);
    const native = bytesOf((dv) => dv.setBigInt64(0, -(2n ** 62n), true), 8);
    expect(q.equals(memoryview(new NDBuffer(native, { shape: [1], format: "q" })))).toBe(true);
    expect(q.equals(memoryview(new NDBuffer(native, { shape: [1], format: ">q" })))).toBe(false);
  });
});

describe("sub-arrays, complex and records", () => {
  it("gives a sub-array item as an array and packs one from an array", () => {
    const memory = new Int16Array([1, 2, 3, 4]).buffer;
    const m = memoryview(new NDBuffer(memory, { shape: [2], format: "2h" }));
    expect(m.toList()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    m.set(0, [7, 8]);
    expect([...new Int16Array(memory)]).toEqual([7, 8, 3, 4]);
    expect(() => m.set(0, 5)).toThrow(new TypeError("memoryview: invalid type for format '2h'"));
    expect(() => m.set(0, [1, 2, 3])).toThrow(TypeError);
    expect([...new Int16Array(memory)]).toEqual([7, 8, 3, 4]);
  });

  it("gives complex items as {re, im}", () => {
    const memory = new Float64Array([1, 2, 3, -4]).buffer;
    const m = memoryview(new NDBuffer(memory, { shape: [2], format: "Zd" }));
    expect(m.toList()).toEqual([
      { re: 1, im: 2 },
      { re: 3, im: -4 },
    ]);
    expect(m.count({ re: 3, im: -4 })).toBe(1);
  });

  it("gives records as objects named by their fields, and compares them field by field", () => {
    const memory = bytesOf((dv) => {
      dv.setInt32(0, 1, true);
      dv.setInt16(4, 2, true);
      dv.setInt32(6, -1, true);
      dv.setInt16(10, 9, true);
    }, 12);
    const m = memoryview(new NDBuffer(memory, { shape: [2], format: "T{<i:a:<h:b:}" }));
    expect(m.itemsize).toBe(6);
    expect(m.toList()).toEqual([
      { a: 1, b: 2 },
      { a: -1, b: 9 },
    ]);
    expect(m.equals(m)).toBe(true);
    const copy = memoryview(new NDBuffer(memory.slice(0), { shape: [2], format: "T{<i:a:<h:b:}" }));
    expect(m.equals(copy)).toBe(true);
    copy.cast("B").set(11, 1);
    expect(m.equals(copy)).toBe(false);
    // Casting to bytes works for every format, as in CPython.
    expect(m.cast("B").length).toBe(12);
  });
});

describe("multi-dimensional slicing", () => {
  const memory = new Uint8Array(Array.from({ length: 24 }, (_, i) => i)).buffer;
  const m = memoryview(new NDBuffer(memory, { shape: [2, 3, 4] }));

  it("slices every dimension, numpy-style", () => {
    const sub = m.get([new Slice(null, null, -1), new Slice(1), new Slice(null, null, 2)]);
    expect(sub).toBeInstanceOf(Object);
    const view = sub as ReturnType<typeof m.toReadOnly>;
    expect(view.shape).toEqual([2, 2, 2]);
    expect(view.strides).toEqual([-12, 4, 2]);
    expect(view.toList()).toEqual([
      [
        [16, 18],
        [20, 22],
      ],
      [
        [4, 6],
        [8, 10],
      ],
    ]);
    expect([...view.toBytes()]).toEqual([16, 18, 20, 22, 4, 6, 8, 10]);
    expect(view.cContiguous).toBe(false);
  });

  it("slices fewer dimensions than ndim and refuses more", () => {
    const sub = m.get([new Slice(1), new Slice(0, 1)]) as ReturnType<typeof m.toReadOnly>;
    expect(sub.shape).toEqual([1, 1, 4]);
    expect(sub.toList()).toEqual([[[12, 13, 14, 15]]]);
    // More slices than dimensions: the extension does not apply, CPython's error stands.
    expect(() => m.get([new Slice(), new Slice(), new Slice(), new Slice()])).toThrow(
      new NotImplementedError("multi-dimensional slicing is not implemented"),
    );
    expect(() => m.set([new Slice(), new Slice(), new Slice(), new Slice()], 5)).toThrow(
      new NotImplementedError("memoryview slice assignments are currently restricted to ndim = 1"),
    );
  });

  it("assigns to N-d slices of the same structure, atomically", () => {
    const target = new Uint8Array(12);
    const t = memoryview(new NDBuffer(target.buffer, { shape: [3, 4] }));
    const src = memoryview(new NDBuffer(new Uint8Array([1, 2, 3, 4]).buffer, { shape: [2, 2] }));
    t.set([new Slice(0, 2), new Slice(null, null, 2)], src);
    expect([...target]).toEqual([1, 0, 2, 0, 3, 0, 4, 0, 0, 0, 0, 0]);
    t.set(
      new Slice(2),
      memoryview(new NDBuffer(new Uint8Array([9, 9, 9, 9]).buffer, { shape: [1, 4] })),
    );
    expect([...target.subarray(8)]).toEqual([9, 9, 9, 9]);
    expect(() => t.set(new Slice(1), src)).toThrow(
      new ValueError("memoryview assignment: lvalue and rvalue have different structures"),
    );
    expect([...target]).toEqual([1, 0, 2, 0, 3, 0, 4, 0, 9, 9, 9, 9]);
  });
});

describe("formats CPython's struct cannot read", () => {
  // CPython 3.13: memoryview(array('w', 'ab')) == itself is False; an 's' ndarray is
  // equal to itself; ctypes c_longdouble arrays ('<g') are unequal.
  it("compare unequal, even to themselves, as in CPython", () => {
    for (const format of ["w", "u", "g", "O", "2g"]) {
      const m = memoryview(new NDBuffer(new ArrayBuffer(64), { shape: [2], format }));
      expect(m.equals(m), format).toBe(false);
      expect(() => m.get(0), format).toThrow(NotImplementedError);
    }
    for (const format of ["s", "x", "3s"]) {
      const m = memoryview(new NDBuffer(new ArrayBuffer(64), { shape: [2], format }));
      expect(m.equals(m), format).toBe(true);
    }
  });
});

describe("the native ABI of the exporter", () => {
  // Pyodide's CPython 3.14 (wasm32): memoryview(array('l', [1, -2])) has itemsize 4.
  it("reads l / L / n / N / P with the view's ABI sizes", () => {
    const memory = new Int32Array([1, -2]).buffer;
    const m = memoryview(new NDBuffer(memory, { shape: [2], format: "l", abi: "wasm32" }));
    expect([m.itemsize, m.toList()]).toEqual([4, [1, -2]]);
    const p = memoryview(new NDBuffer(memory, { shape: [8], abi: "wasm32" })).cast("P");
    expect([p.itemsize, p.get(1)]).toEqual([4, 2 ** 32 - 2]);
    p.set(0, -1);
    expect(p.get(0)).toBe(2 ** 32 - 1);
    const lp64 = memoryview(new NDBuffer(new ArrayBuffer(16), { shape: [16] })).cast("l");
    expect([lp64.itemsize, lp64.get(0)]).toEqual([8, 0n]);
  });
});
