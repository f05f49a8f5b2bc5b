import { describe, expect, it } from "vitest";
import { iterUnpack, packInto, Struct, UnpackIterator, unpackFrom } from "../src/index.js";
import { ascii, raises, toHex } from "./helpers.js";

// Expected values below were taken from PYENV_VERSION=3.13.0 python3.13.
const E = "struct.error";

describe("unpackFrom / packInto offsets (unpack_from, pack_into)", () => {
  const data = ascii("abcdef");

  it("counts negative offsets from the end", () => {
    expect(unpackFrom("<i", data, 2)).toEqual([1717920867]);
    expect(unpackFrom("<i", data, -4)).toEqual([1717920867]);
    expect(unpackFrom("<i", data)).toEqual([1684234849]);
    expect(unpackFrom("<i", data, 2n)).toEqual([1717920867]);
    expect(unpackFrom("", data, -1)).toEqual([]);
    expect(unpackFrom("", data, 6)).toEqual([]);
  });

  it("gives CPython's bounds messages in CPython's order", () => {
    expect(raises(() => unpackFrom("i", data, -2))).toEqual([
      E,
      "not enough data to unpack 4 bytes at offset -2",
    ]);
    expect(raises(() => unpackFrom("i", data, -7))).toEqual([
      E,
      "offset -7 out of range for 6-byte buffer",
    ]);
    expect(raises(() => unpackFrom("i", data, 3))).toEqual([
      E,
      "unpack_from requires a buffer of at least 7 bytes for unpacking 4 bytes at offset 3 (actual buffer size is 6)",
    ]);
    expect(raises(() => unpackFrom("i", ascii("abcd"), 2n ** 63n - 1n))).toEqual([
      E,
      "unpack_from requires a buffer of at least 9223372036854775811 bytes for unpacking 4 bytes at offset 9223372036854775807 (actual buffer size is 4)",
    ]);
    expect(raises(() => unpackFrom("", new Uint8Array(0), -1))).toEqual([
      E,
      "offset -1 out of range for 0-byte buffer",
    ]);
    const buf = new Uint8Array(6);
    expect(raises(() => packInto("i", buf, -2, 1))).toEqual([
      E,
      "no space to pack 4 bytes at offset -2",
    ]);
    expect(raises(() => packInto("i", buf, -7, 1))).toEqual([
      E,
      "offset -7 out of range for 6-byte buffer",
    ]);
    expect(raises(() => packInto("i", buf, 3, 1))).toEqual([
      E,
      "pack_into requires a buffer of at least 7 bytes for packing 4 bytes at offset 3 (actual buffer size is 6)",
    ]);
  });

  it("checks the offset's type like a Py_ssize_t", () => {
    expect(raises(() => unpackFrom("i", data, 1.5))).toEqual([
      "TypeError",
      "'float' object cannot be interpreted as an integer",
    ]);
    expect(raises(() => unpackFrom("i", data, null as never))).toEqual([
      "TypeError",
      "'NoneType' object cannot be interpreted as an integer",
    ]);
    expect(raises(() => unpackFrom("i", data, 2n ** 63n))).toEqual([
      "OverflowError",
      "Python int too large to convert to C ssize_t",
    ]);
    expect(raises(() => packInto("i", new Uint8Array(4), 2n ** 64n, 1))).toEqual([
      "IndexError",
      "cannot fit 'int' into an index-sized integer",
    ]);
  });

  it("writes items before a failing one and zeroes the rest (not atomic)", () => {
    for (const [fmt, bad] of [
      ["bb", 300],
      ["b3xb", 300],
      ["<bh", 70000],
      ["<bd", "x"],
    ] as const) {
      const buf = new Uint8Array(new Struct(fmt).size).fill(0xff);
      // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
      expect(raises(() => packInto(fmt, buf, 0, 1, bad))[0]).toBe(E);
      expect(buf[0]).toBe(1);
      expect(buf.subarray(1).every((b) => b === 0)).toBe(true);
    }
    const buf = new Uint8Array(4).fill(0xff);
    packInto("<h", buf, 1, 0x102);
    expect(toHex(buf)).toBe("ff0201ff");
    const padded = new Uint8Array(16).fill(0xff);
    packInto("bq", padded, 0, 1, 2n);
    expect(toHex(padded)).toBe("01000000000000000200000000000000");
  });
});

describe("Struct.packInto of plain scalars (packed without a try)", () => {
  it("leaves CPython's bytes when a value fails: the ones before written, the rest zero", () => {
    // Expected bytes and errors: CPython 3.13's struct.pack_into over b"\xff" * size.
    for (const [fmt, values, error, hex] of [
      [
        "<IHHd",
        [1, 2, 70000, 1.5],
        "struct.error: 'H' format requires 0 <= number <= 65535",
        "01000000020000000000000000000000",
      ],
      [
        "<qe",
        [-2n, 1e6],
        "OverflowError: float too large to pack with e format",
        "feffffffffffffff0000",
      ],
      [
        ">Qf",
        [5n, 1e40],
        "OverflowError: float too large to pack with f format",
        "000000000000000500000000",
      ],
      [
        "<iIq",
        [7, -1, 0n],
        "struct.error: 'I' format requires 0 <= number <= 4294967295",
        "07000000000000000000000000000000",
      ],
      [
        "@hq",
        [1, 2n ** 70n],
        "struct.error: 'q' format requires -9223372036854775808 <= number <= 9223372036854775807",
        "01000000000000000000000000000000",
      ],
      [
        "<dd",
        [1.5, "x"],
        "struct.error: required argument is not a float",
        "000000000000f83f0000000000000000",
      ],
    ] as const) {
      const s = new Struct(fmt);
      // Values the format's types reject: an untyped view of the same method.
      const packInto = s.packInto.bind(s) as (...args: unknown[]) => void;
      for (let round = 0; round < 2; round++) {
        const buf = new Uint8Array(s.size).fill(0xff);
        expect(raises(() => packInto(buf, 0, ...values)).join(": ")).toBe(error);
        expect(toHex(buf)).toBe(hex);
      }
    }
  });
});

describe("iterUnpack (iter_unpack)", () => {
  it("yields one array per struct and hints the length left", () => {
    const it = iterUnpack("<h", Uint8Array.of(1, 0, 2, 0, 3, 0));
    expect(it.lengthHint()).toBe(3);
    expect(it.next()).toEqual({ value: [1], done: false });
    expect(it.lengthHint()).toBe(2);
    expect([...it]).toEqual([[2], [3]]);
    expect(it.lengthHint()).toBe(0);
    expect(it.next().done).toBe(true);
    expect([...iterUnpack("<h", new Uint8Array(0))]).toEqual([]);
  });

  it("cannot be constructed directly, and its length hint takes no arguments (CPython's errors)", () => {
    const Ctor = UnpackIterator as unknown as new (...args: unknown[]) => unknown;
    expect(() => new Ctor()).toThrow(
      new TypeError("cannot create '_struct.unpack_iterator' instances"),
    );
    const it = iterUnpack("<h", Uint8Array.of(1, 0));
    expect(() => (it.lengthHint as (...args: unknown[]) => number).call(it, 1)).toThrow(
      new TypeError("unpack_iterator.__length_hint__() takes no arguments (1 given)"),
    );
    expect([...it]).toEqual([[1]]);
  });

  it("checks the size before the buffer", () => {
    expect(raises(() => iterUnpack("", "x" as never))).toEqual([
      E,
      "cannot iteratively unpack with a struct of length 0",
    ]);
    expect(raises(() => iterUnpack("i", ascii("abc")))).toEqual([
      E,
      "iterative unpacking requires a buffer of a multiple of 4 bytes",
    ]);
    expect(raises(() => iterUnpack("i", 5 as never))).toEqual([
      "TypeError",
      "a bytes-like object is required, not 'int'",
    ]);
    expect(raises(() => (iterUnpack as unknown as (f: string) => void)("i"))).toEqual([
      "TypeError",
      "iter_unpack expected 2 arguments, got 1",
    ]);
  });

  it("keeps a snapshot view: writes after creation are seen, offsets are not shifted", () => {
    const buf = new Uint8Array(4);
    const it = new Struct("<h").iterUnpack(buf);
    buf[2] = 9;
    expect([...it]).toEqual([[0], [9]]);
  });
});
