import { describe, expect, it } from "vitest";
import { calcSize, parseFormat, Struct, UnicodeEncodeError, ValueError } from "../src/index.js";
import { ascii, raises } from "./helpers.js";

// Expected values below were taken from PYENV_VERSION=3.13.0 python3.13.
describe("calcSize (struct.calcsize)", () => {
  it("gives the standard sizes of every code", () => {
    const sizes: Record<string, number> = { b: 1, B: 1, c: 1, x: 1, "?": 1, s: 1, p: 1 };
    Object.assign(sizes, { h: 2, H: 2, e: 2, i: 4, I: 4, l: 4, L: 4, f: 4, q: 8, Q: 8, d: 8 });
    for (const [code, size] of Object.entries(sizes)) {
      for (const prefix of "=<>!") expect(calcSize(prefix + code)).toBe(size);
    }
  });

  it("gives LP64 native sizes and aligns between items only", () => {
    expect(calcSize("l")).toBe(8);
    expect(calcSize("n")).toBe(8);
    expect(calcSize("P")).toBe(8);
    expect(calcSize("@bhiqd")).toBe(24);
    expect(calcSize("=bhiqd")).toBe(23);
    expect(calcSize("llh0l")).toBe(24);
    expect(calcSize("bq")).toBe(16);
    expect(calcSize("qb")).toBe(9);
    expect(calcSize("bq0q")).toBe(16);
    expect(calcSize("b0l")).toBe(8);
    expect(calcSize("b0s")).toBe(1);
    expect(calcSize("b0x")).toBe(1);
  });

  it("gives 0 for empty formats", () => {
    expect(calcSize("")).toBe(0);
    expect(calcSize("<")).toBe(0);
    expect(calcSize("   ")).toBe(0);
  });

  it("skips C whitespace between items, not between count and code", () => {
    expect(calcSize("< i ")).toBe(4);
    expect(calcSize("i\t\n\v\f\rh")).toBe(6);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => calcSize("2 i"))).toEqual(["struct.error", "bad char in struct format"]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => calcSize(" <i"))).toEqual(["struct.error", "bad char in struct format"]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => calcSize("\x1ci"))).toEqual(["struct.error", "bad char in struct format"]);
  });

  it("rejects misplaced byte-order chars and n N P in standard modes", () => {
    for (const fmt of ["i<", "<<i", "=n", "<N", ">P", "!n", "y", "I:"]) {
      expect(raises(() => calcSize(fmt))).toEqual(["struct.error", "bad char in struct format"]);
    }
  });

  it("checks repeat counts like prepare_s", () => {
    for (const fmt of ["12", "c12345", "14s42"]) {
      expect(raises(() => calcSize(fmt))).toEqual([
        "struct.error",
        "repeat count given without format specifier",
      ]);
    }
    const tooLong = ["struct.error", "total struct size too long"];
    expect(raises(() => calcSize("9999999999999999999999i"))).toEqual(tooLong);
    expect(raises(() => calcSize("4611686018427387904q"))).toEqual(tooLong);
    expect(raises(() => calcSize("9223372036854775808b"))).toEqual(tooLong);
    expect(raises(() => calcSize("4611686018427387903b4611686018427387903H"))).toEqual(tooLong);
    expect(raises(() => calcSize("99999999999999999999d"))).toEqual(tooLong);
    // Legal in CPython (399999999999999996) but not exactly a JS number: a clear error.
    expect(raises(() => calcSize("99999999999999999i"))).toEqual([
      "OverflowError",
      "struct size 399999999999999996 is not exactly representable as a JavaScript number (above 2**53)",
    ]);
    expect(calcSize("1152921504606846976b")).toBe(2 ** 60);
    expect(calcSize("0000000000000000000000004i")).toBe(16);
  });

  it("takes bytes formats and checks the format type, NUL and ASCII", () => {
    expect(calcSize(ascii("<i"))).toBe(4);
    expect(new Struct(ascii("<i")).format).toBe("<i");
    expect(raises(() => calcSize(Uint8Array.of(0xe9)))).toEqual([
      "struct.error",
      "bad char in struct format",
    ]);
    for (const [value, name] of [
      [5, "int"],
      [null, "NoneType"],
      [1.5, "float"],
      [undefined, "NoneType"],
      [[], "list"],
    ] as const) {
      expect(raises(() => calcSize(value as never))).toEqual([
        "TypeError",
        `Struct() argument 1 must be a str or bytes object, not ${name}`,
      ]);
    }
    for (const fmt of ["\0", "2\0i", "i\0"]) {
      expect(raises(() => calcSize(fmt))).toEqual(["struct.error", "embedded null character"]);
    }
    expect(raises(() => calcSize(Uint8Array.of(0)))).toEqual([
      "struct.error",
      "embedded null character",
    ]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => calcSize("ié"))).toEqual([
      "UnicodeEncodeError",
      "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)",
    ]);
    let caught: unknown;
    try {
      // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
      calcSize("é");
    } catch (e) {
      caught = e;
    }
    expect(caught instanceof UnicodeEncodeError && caught instanceof ValueError).toBe(true);
    expect(raises(() => (calcSize as () => number)())).toEqual([
      "TypeError",
      "_struct.calcsize() takes exactly one argument (0 given)",
    ]);
  });
});

describe("parseFormat", () => {
  it("describes every field", () => {
    const layout = parseFormat("<2h10sx:pad:d");
    expect(layout).toMatchObject({ size: 23, alignment: 1, byteOrder: "little", mode: "<" });
    expect(layout.length).toBe(4);
    expect(layout.fields.map((f) => [f.code, f.offset, f.size, f.count])).toEqual([
      ["h", 0, 2, 2],
      ["s", 4, 10, 10],
      ["x", 14, 1, 1],
      ["d", 15, 8, 1],
    ]);
    expect(layout.fields[2]!.name).toBe("pad");
    expect(layout.fields[0]).toMatchObject({ mode: "<", alignment: 1, shape: null, fields: null });
  });

  it("reports native alignment and big-endian prefixes", () => {
    const native = parseFormat("bq");
    expect(native.fields[1]).toMatchObject({ offset: 8, alignment: 8, byteOrder: "little" });
    expect(native.alignment).toBe(8);
    expect(parseFormat("!h").fields[0]!.byteOrder).toBe("big");
    expect(parseFormat(">h").byteOrder).toBe("big");
    expect(parseFormat("^bq").size).toBe(9);
  });

  it("returns frozen, shared layouts", () => {
    const a = parseFormat("<ih");
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.fields[0])).toBe(true);
    expect(parseFormat("<ih")).toBe(a);
  });
});
