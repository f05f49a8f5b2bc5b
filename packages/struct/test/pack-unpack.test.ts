import { describe, expect, it } from "vitest";
import { pack, packInto, Struct, unpack } from "../src/index.js";
import { hex, raises, toHex } from "./helpers.js";

// Expected values below were taken from PYENV_VERSION=3.13.0 python3.13.
const E = "struct.error";

describe("integer codes", () => {
  it("packs and unpacks every integer code", () => {
    expect(toHex(pack("<bBhHiIlLqQ", -1, 255, -2, 65535, -3, 2 ** 32 - 1, -4, 5, -6n, 7n))).toBe(
      "ffff" +
        "feff" +
        "ffff" +
        "fdffffff" +
        "ffffffff" +
        "fcffffff" +
        "05000000" +
        "faffffffffffffff" +
        "0700000000000000",
    );
    expect(unpack(">hIq", hex("fffe" + "80000000" + "ffffffffffffffff"))).toEqual([
      -2,
      2 ** 31,
      -1n,
    ]);
    expect(unpack("n", hex("ff".repeat(8)))).toEqual([-1n]);
    expect(unpack("N", hex("ff".repeat(8)))).toEqual([18446744073709551615n]);
    expect(unpack("P", pack("P", -1))).toEqual([18446744073709551615n]);
  });

  it("accepts numbers, bigints and booleans alike", () => {
    expect(pack("<hq", 5n, 7)).toEqual(pack("<hq", 5, 7n));
    expect(toHex(pack("<bQ", true, false))).toBe("010000000000000000");
  });

  it("gives CPython's range messages", () => {
    expect(raises(() => pack("h", 40000))).toEqual([
      E,
      "'h' format requires -32768 <= number <= 32767",
    ]);
    expect(raises(() => pack("b", 128))).toEqual([E, "'b' format requires -128 <= number <= 127"]);
    expect(raises(() => pack("L", -1))).toEqual([
      E,
      "'L' format requires 0 <= number <= 18446744073709551615",
    ]);
    expect(raises(() => pack("<l", 2 ** 31))).toEqual([
      E,
      "'l' format requires -2147483648 <= number <= 2147483647",
    ]);
    expect(raises(() => pack(">Q", -1n))).toEqual([
      E,
      "'Q' format requires 0 <= number <= 18446744073709551615",
    ]);
    expect(raises(() => pack("n", 2n ** 63n))).toEqual([
      E,
      "'n' format requires -9223372036854775808 <= number <= 9223372036854775807",
    ]);
    expect(raises(() => pack("P", 2n ** 64n))).toEqual([E, "int too large to convert"]);
    expect(raises(() => pack("P", -(2n ** 63n) - 1n))).toEqual([E, "int too large to convert"]);
  });

  it("rejects non-integers with 'required argument is not an integer'", () => {
    for (const v of [1.5, Number.NaN, Number.POSITIVE_INFINITY, "1", null, undefined, {}, []]) {
      for (const code of ["b", "H", "i", "q", "P", "<Q"]) {
        expect(raises(() => pack(code, v))).toEqual([E, "required argument is not an integer"]);
      }
    }
  });
});

describe("float codes", () => {
  it("rounds e half to even and overflows like PyFloat_Pack2", () => {
    const table: [number, string][] = [
      [65519, "ff7b"],
      [2 ** -25, "0000"],
      [3 * 2 ** -26, "0100"],
      [-0, "0080"],
      [Number.POSITIVE_INFINITY, "007c"],
      [Number.NEGATIVE_INFINITY, "00fc"],
      [Number.NaN, "007e"],
      [1, "003c"],
      [0.1, "662e"],
      [2 ** -14, "0004"],
      [1.5 * 2 ** -24, "0200"],
      [2.5 * 2 ** -24, "0200"],
    ];
    for (const [v, bytes] of table) expect(toHex(pack("<e", v))).toBe(bytes);
    for (const v of [65520, 1e300, -1e300]) {
      expect(raises(() => pack("e", v))).toEqual([
        "OverflowError",
        "float too large to pack with e format",
      ]);
    }
    expect(unpack("<e", hex("0100"))).toEqual([2 ** -24]);
    expect(unpack("<e", hex("ff7b"))).toEqual([65504]);
    expect(unpack("<e", hex("007c"))).toEqual([Number.POSITIVE_INFINITY]);
  });

  it("overflows standard f but not native f", () => {
    expect(toHex(pack("<f", 3.4028234663852886e38))).toBe("ffff7f7f");
    // 3.4028235677973366e+38: halfway between FLT_MAX and 2**128, rounds up.
    expect(raises(() => pack("<f", 2 ** 128 * (1 - 2 ** -25)))).toEqual([
      "OverflowError",
      "float too large to pack with f format",
    ]);
    expect(toHex(pack("f", 1e39))).toBe("0000807f");
    expect(toHex(pack("<d", 1e39))).toBe("1d4a9cf487820748");
  });

  it("reports an int argument that overflows as 'int too large to convert'", () => {
    expect(raises(() => pack("<e", 10n ** 30n))).toEqual([E, "int too large to convert"]);
    expect(raises(() => pack("<f", 10n ** 39n))).toEqual([E, "int too large to convert"]);
    expect(raises(() => pack("e", 10n ** 400n))).toEqual([E, "required argument is not a float"]);
    expect(toHex(pack("f", 10n ** 39n))).toBe("0000807f");
  });

  it("rejects non-numbers with 'required argument is not a float'", () => {
    for (const v of ["x", null, {}, new Uint8Array(1)]) {
      for (const code of ["e", "f", "d"]) {
        expect(raises(() => pack(code, v))).toEqual([E, "required argument is not a float"]);
      }
    }
  });
});

describe("?, c, s, p", () => {
  it("packs Python's truth value", () => {
    const values = [true, false, 0, 5, Number.NaN, "", "x", [], [0], null, undefined, {}, 0n];
    expect(Array.from(pack(`${values.length}?`, ...values))).toEqual([
      1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 0,
    ]);
    expect(unpack("??", hex("0200"))).toEqual([true, false]);
    expect(unpack("<?", hex("80"))).toEqual([true]);
  });

  it("checks c arguments", () => {
    expect(unpack("c", pack("c", Uint8Array.of(97)))).toEqual([Uint8Array.of(97)]);
    for (const v of [Uint8Array.of(1, 2), new Uint8Array(0), "a", 97]) {
      // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
      expect(raises(() => pack("c", v))).toEqual([
        E,
        "char format requires a bytes object of length 1",
      ]);
    }
  });

  it("truncates and pads s", () => {
    expect(toHex(pack("5s", Uint8Array.of(97, 98)))).toBe("6162000000");
    expect(toHex(pack("2s", Uint8Array.of(97, 98, 99, 100)))).toBe("6162");
    expect(toHex(pack("0s", Uint8Array.of(1)))).toBe("");
    expect(unpack("0s", new Uint8Array(0))).toEqual([new Uint8Array(0)]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => pack("0s", "x"))).toEqual([E, "argument for 's' must be a bytes object"]);
  });

  it("writes p's length byte as CPython does", () => {
    expect(toHex(pack("3p", Uint8Array.of(97, 98, 99, 100, 101, 102)))).toBe("026162");
    const long = pack("300p", new Uint8Array(400).fill(97));
    expect(toHex(long.subarray(0, 3))).toBe("ff6161");
    expect((unpack("300p", long)[0] as Uint8Array).length).toBe(255);
    expect(unpack("4p", hex("ff616263"))).toEqual([Uint8Array.of(97, 98, 99)]);
    expect(toHex(pack("0p", Uint8Array.of(1)))).toBe("");
    expect(unpack("0p", new Uint8Array(0))).toEqual([new Uint8Array(0)]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => pack("p", 1))).toEqual([E, "argument for 'p' must be a bytes object"]);
  });

  it("returns copies, not views into the buffer", () => {
    const buf = Uint8Array.of(97, 98);
    const [s] = unpack("2s", buf) as [Uint8Array];
    buf[0] = 0;
    expect(s[0]).toBe(97);
  });
});

describe("argument counts and names", () => {
  it("counts arguments like CPython", () => {
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => pack("x", 1))).toEqual([E, "pack expected 0 items for packing (got 1)"]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => pack("ii", 1))).toEqual([E, "pack expected 2 items for packing (got 1)"]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => packInto("ii", new Uint8Array(8), 0, 1))).toEqual([
      E,
      "pack_into expected 2 items for packing (got 1)",
    ]);
    expect(raises(() => (pack as unknown as () => void)())).toEqual([
      "TypeError",
      "missing format argument",
    ]);
    expect(raises(() => (packInto as unknown as (f: string) => void)("i"))).toEqual([
      E,
      "pack_into expected buffer argument",
    ]);
    expect(
      raises(() =>
        (packInto as unknown as (f: string, b: Uint8Array) => void)("i", new Uint8Array(4)),
      ),
    ).toEqual([E, "pack_into expected offset argument"]);
    expect(raises(() => (unpack as unknown as (f: string) => void)("i"))).toEqual([
      "TypeError",
      "unpack expected 2 arguments, got 1",
    ]);
    expect(raises(() => unpack("i", hex("616263")))).toEqual([
      E,
      "unpack requires a buffer of 4 bytes",
    ]);
  });

  it("names buffer types like CPython", () => {
    expect(raises(() => unpack("i", "abcd" as never))).toEqual([
      "TypeError",
      "a bytes-like object is required, not 'str'",
    ]);
    expect(raises(() => packInto("i", "abcd" as never, 0, 1))).toEqual([
      "TypeError",
      "argument must be read-write bytes-like object, not str",
    ]);
    expect(raises(() => packInto("i", null as never, 0, 1))).toEqual([
      "TypeError",
      "argument must be read-write bytes-like object, not None",
    ]);
  });

  it("has CPython's Struct attributes and repr", () => {
    const s = new Struct("<IHHd");
    expect([s.format, s.size, s.abi, String(s)]).toEqual(["<IHHd", 16, "lp64", "Struct('<IHHd')"]);
    expect(raises(() => new (Struct as new () => Struct)())).toEqual([
      "TypeError",
      "Struct() missing required argument 'format' (pos 1)",
    ]);
  });

  it("accepts every kind of buffer", () => {
    const bytes = pack("<i", 7);
    const sources = [
      bytes,
      bytes.buffer,
      new DataView(bytes.buffer),
      new Int32Array(bytes.buffer),
      Uint8Array.of(9, ...bytes).subarray(1),
    ];
    for (const b of sources) expect(unpack("<i", b)).toEqual([7]);
    const sab = new SharedArrayBuffer(4);
    packInto("<i", sab, 0, 9);
    expect(unpack("<i", sab)).toEqual([9]);
  });
});
