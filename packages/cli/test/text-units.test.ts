import { describe, expect, it } from "vitest";
import { pythonHex } from "../src/hex-text.js";
import { parseBytes, parseFloatPy, parseInt0, parseValue } from "../src/parse-value.js";

describe("pythonHex", () => {
  // python3.13 -c "print(bytes(range(11)).hex(':', 3)); print(bytes(range(11)).hex(':', -3))"
  const data = Uint8Array.from({ length: 11 }, (_, i) => i);
  const right = "0001:020304:050607:08090a";
  const left = "000102:030405:060708:090a";

  it("groups from the right (n > 0) and from the left (n < 0) as bytes.hex does", () => {
    expect(pythonHex(11, ":", 3)(data, 0)).toBe(right);
    expect(pythonHex(11, ":", -3)(data, 0)).toBe(left);
    expect(pythonHex(11, ":", 0)(data, 0)).toBe("000102030405060708090a");
    expect(pythonHex(11, undefined, 3)(data, 0)).toBe("000102030405060708090a");
  });

  it("keeps the grouping across any chunk boundary", () => {
    for (const perSep of [3, -3, 1, 4]) {
      const whole = pythonHex(11, "-", perSep)(data, 0);
      for (let cut = 1; cut < 11; cut++) {
        const hex = pythonHex(11, "-", perSep);
        expect(hex(data.subarray(0, cut), 0) + hex(data.subarray(cut), cut)).toBe(whole);
      }
    }
  });
});

describe("values read as Python reads text", () => {
  it("int(text, 0)", () => {
    expect([parseInt0("0x1f"), parseInt0("-0o17"), parseInt0("0b101"), parseInt0("1_000")]).toEqual(
      [31, -15, 5, 1000],
    );
    expect(parseInt0("-9223372036854775808")).toBe(-9223372036854775808n);
    expect(() => parseInt0("08")).toThrow("invalid literal for int() with base 0: '08'");
    expect(() => parseInt0("1.5")).toThrow("invalid literal for int() with base 0: '1.5'");
  });

  it("float(text)", () => {
    expect([
      parseFloatPy("1e3"),
      parseFloatPy(".5"),
      parseFloatPy("5."),
      parseFloatPy("-Infinity"),
    ]).toEqual([1000, 0.5, 5, Number.NEGATIVE_INFINITY]);
    expect(parseFloatPy("nan")).toBeNaN();
    expect(() => parseFloatPy("1e")).toThrow("could not convert string to float: '1e'");
  });

  it("bytes literals and complex numbers", () => {
    expect(Array.from(parseBytes("a\\x00\\n\\\\"))).toEqual([97, 0, 10, 92]);
    expect(Array.from(parseBytes("b'RI'"))).toEqual([82, 73]);
    const complex = { name: "z", kind: "complex", members: null } as const;
    expect(parseValue("1+2j", complex)).toEqual({ re: 1, im: 2 });
    expect(parseValue("-2.5j", complex)).toEqual({ re: 0, im: -2.5 });
    expect(parseValue("(1.5-1e3j)", complex)).toEqual({ re: 1.5, im: -1000 });
    expect(parseValue("3", complex)).toBe(3);
    expect(() => parseValue("1+", complex)).toThrow("complex() arg is a malformed string");
  });
});
