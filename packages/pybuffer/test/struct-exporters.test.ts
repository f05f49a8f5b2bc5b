/**
 * The struct functions and `Struct` of the umbrella take exporters where CPython's take
 * any buffer. Expected values and messages are CPython 3.13's, e.g.
 *   m = memoryview(bytearray(b"\x01\0\0\0\x02\0\0\0"))
 *   struct.unpack("<II", m); struct.unpack("<I", m[::2]); struct.pack_into("<I", m.toreadonly(), 0, 1)
 */
import * as struct from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import {
  BufferError,
  iterUnpack,
  memoryview,
  NDBuffer,
  packInto,
  Struct,
  StructError,
  unpack,
  unpackColumns,
  unpackFrom,
  unpackMany,
} from "../src/index.js";
import * as typedarray from "../src/typedarray.js";

const bytes = () => new Uint8Array([1, 0, 0, 0, 2, 0, 0, 0]);

describe("struct functions over exporters", () => {
  it("read a memoryview or any exporter as bytes", () => {
    const m = memoryview(bytes());
    expect(unpack("<II", m)).toEqual([1, 2]);
    expect(unpack("<I", m.slice(4, 8))).toEqual([2]);
    expect(unpackFrom("<I", m, 4)).toEqual([2]);
    expect(unpackFrom("<I", m)).toEqual([1]);
    expect([...iterUnpack("<I", m)]).toEqual([[1], [2]]);
    expect(unpackMany("<I", m)).toEqual([[1], [2]]);
    expect(unpackColumns("<I", m)).toEqual([new Uint32Array([1, 2])]);
    const nd = new NDBuffer(new Uint8Array([5, 1]).buffer, { shape: [2] });
    expect(unpack("<H", nd)).toEqual([261]);
  });

  it("write into a writable exporter, and release every buffer they take", () => {
    const data = new Uint8Array(8);
    const m = memoryview(data);
    packInto("<I", m, 4, 0x01020304);
    expect(Array.from(data)).toEqual([0, 0, 0, 0, 4, 3, 2, 1]);
    unpack("<II", m);
    [...iterUnpack("<I", m)];
    m.release(); // would raise BufferError if an export were still held
    expect(m.toString()).toContain("released");
  });

  it("hold the buffer while an iter_unpack iterator runs, as CPython's iterator does", () => {
    // CPython 3.13: it = struct.iter_unpack("<h", m); m.release()
    //   -> BufferError: memoryview has 1 exported buffer; fine once list(it) ran
    const m = memoryview(new Uint8Array(4));
    const it = iterUnpack("<h", m);
    expect(() => m.release()).toThrow(new BufferError("memoryview has 1 exported buffer"));
    expect([...it]).toEqual([[0], [0]]);
    m.release();

    // A loop left early gives it back (CPython frees the iterator the loop held).
    const early = memoryview(new Uint8Array(4));
    for (const _ of new Struct("<h").iterUnpack(early)) break;
    early.release();

    // Struct.iter_unpack over a bytearray-like exporter: no resize meanwhile.
    const ba = new typedarray.ByteArray(4);
    const running = new Struct("<h").iterUnpack(ba);
    expect(() => ba.extend(new Uint8Array(2))).toThrow(
      new BufferError("Existing exports of data: object cannot be re-sized"),
    );
    running.next();
    running.next();
    expect(running.next().done).toBe(true);
    ba.extend(new Uint8Array(2));
    expect(ba.length).toBe(6);
  });

  it("raise CPython's errors, in CPython's order", () => {
    const m = memoryview(bytes());
    expect(() => unpack("<I", m.slice(null, null, 2))).toThrow(
      new BufferError("memoryview: underlying buffer is not C-contiguous"),
    );
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(() => unpack("Y", m.slice(null, null, 2))).toThrow(
      new StructError("bad char in struct format"),
    );
    expect(() => unpack("<I", m)).toThrow(new StructError("unpack requires a buffer of 4 bytes"));
    // CPython 3.13: struct.pack_into('<I', memoryview(b'....'), 0, 1)
    expect(() => packInto("<I", m.toReadOnly(), 0, 1)).toThrow(
      "argument must be read-write bytes-like object, not memoryview",
    );
    expect(() => packInto("<I", m.toReadOnly(), 0, 1)).toThrow(TypeError);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(() => packInto("<I", m, 0)).toThrow(
      new StructError("pack_into expected 1 items for packing (got 0)"),
    );
    expect(() => (packInto as (...a: unknown[]) => void)("<I", m)).toThrow(
      new StructError("pack_into expected offset argument"),
    );
    expect(() => unpack("<I", "abcd" as unknown as Uint8Array)).toThrow(
      "a bytes-like object is required, not 'str'",
    );
  });

  it("leave JavaScript's binary types to @pybuffer/struct unchanged", () => {
    expect(unpack("<I", new Uint8Array([9, 0, 0, 0]))).toEqual([9]);
    expect(unpack("<I", new Uint32Array([7]).buffer)).toEqual([7]);
    const view = new DataView(new ArrayBuffer(4));
    packInto("<i", view, 0, -1);
    expect(view.getInt32(0)).toBe(-1);
  });
});

describe("Struct over exporters", () => {
  const s = new Struct("<hh");

  it("is struct's Struct, its methods taking exporters too", () => {
    expect(s).toBeInstanceOf(struct.Struct);
    expect(String(s)).toBe("Struct('<hh')");
    expect(s.unpack(memoryview(new Int16Array([1, -1])))).toEqual([1, -1]);
    expect(s.unpackFrom(memoryview(new Int16Array([0, 1, -1])), 2)).toEqual([1, -1]);
    expect([...s.iterUnpack(memoryview(new Int16Array([1, 2, 3, 4])))]).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(s.unpackMany(memoryview(new Int16Array([1, 2])))).toEqual([[1, 2]]);
    expect(s.unpackColumns(memoryview(new Int16Array([1, 2])))).toEqual([
      new Int16Array([1]),
      new Int16Array([2]),
    ]);
    const out = new Int16Array(4);
    s.packInto(memoryview(out), 0, 7, 8);
    s.packIntoArray(memoryview(out).slice(2), 0, [9, 10]);
    expect(Array.from(out)).toEqual([7, 8, 9, 10]);
    s.packManyInto(memoryview(out), 0, [
      [1, 2],
      [3, 4],
    ]);
    expect(Array.from(out)).toEqual([1, 2, 3, 4]);
  });
});

describe("everything but exporters goes to @pybuffer/struct as given", () => {
  /** The value, or the error's class and message, of `f()`; what it wrote into `out`. */
  function outcome(f: () => unknown, out: Uint8Array): unknown {
    out.fill(0);
    try {
      const value = f();
      return [
        value instanceof Object && Symbol.iterator in value
          ? [...(value as Iterable<unknown>)]
          : value,
        [...out],
      ];
    } catch (error) {
      return `${(error as Error).constructor.name}: ${(error as Error).message}`;
    }
  }
  const out = new Uint8Array(8);
  // Binary types, values struct refuses, and wrong argument counts: the umbrella's own
  // road for these is a forwarding of its arguments, which must keep their count.
  const buffers: unknown[] = [out, new DataView(out.buffer), out.buffer, "ab", undefined, null, 7];
  const calls: [string, (m: typeof struct, b: unknown) => unknown][] = [
    ["unpack", (m, b) => m.unpack("<hh", b as never)],
    ["unpackFrom", (m, b) => m.unpackFrom("<h", b as never, 2)],
    ["unpackFrom, no offset", (m, b) => m.unpackFrom("<h", b as never)],
    [
      "unpackFrom, extra",
      (m, b) => (m.unpackFrom as never as (...a: unknown[]) => unknown)("<h", b, 0, 1),
    ],
    ["iterUnpack", (m, b) => m.iterUnpack("<h", b as never)],
    ["unpackMany", (m, b) => m.unpackMany("<h", b as never)],
    ["unpackColumns", (m, b) => m.unpackColumns("<h", b as never)],
    ["packInto", (m, b) => m.packInto("<hh", b as never, 2, 7, -1)],
    [
      "packInto, no offset",
      (m, b) => (m.packInto as never as (...a: unknown[]) => unknown)("<h", b),
    ],
    [
      "packInto, one value short",
      (m, b) => (m.packInto as never as (...a: unknown[]) => unknown)("<hh", b, 0, 7),
    ],
    ["unpack, buffer only", (m) => (m.unpack as never as (...a: unknown[]) => unknown)("<h")],
    ["Struct.unpackFrom", (m, b) => new m.Struct("<h").unpackFrom(b as never, 2)],
    ["Struct.unpackFrom, no offset", (m, b) => new m.Struct("<h").unpackFrom(b as never)],
    ["Struct.unpack", (m, b) => new m.Struct("<hh").unpack(b as never)],
    ["Struct.packInto", (m, b) => new m.Struct("<hh").packInto(b as never, 0, 7, 8)],
    [
      "Struct.packInto, no offset",
      (m, b) => (new m.Struct("<h").packInto as never as (...a: unknown[]) => unknown)(b),
    ],
    ["Struct.packIntoArray", (m, b) => new m.Struct("<hh").packIntoArray(b as never, 4, [7, 8])],
    ["Struct.packManyInto", (m, b) => new m.Struct("<h").packManyInto(b as never, 0, [[1], [2]])],
    ["Struct.unpackMany", (m, b) => new m.Struct("<h").unpackMany(b as never)],
    ["Struct.unpackColumns", (m, b) => new m.Struct("<h").unpackColumns(b as never)],
    ["Struct.iterUnpack", (m, b) => new m.Struct("<h").iterUnpack(b as never)],
  ];
  const umbrella = { unpack, unpackFrom, iterUnpack, unpackMany, unpackColumns, packInto, Struct };

  it.each(calls)("%s", (_name, call) => {
    for (const b of buffers) {
      expect(outcome(() => call(umbrella as never, b), out)).toEqual(
        outcome(() => call(struct, b), out),
      );
    }
  });
});
