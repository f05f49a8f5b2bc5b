import { parseFormat } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { bytesRepr, floatRepr, tupleRepr } from "../src/py-repr.js";
import { valuesOf } from "../src/values.js";

// Expected strings printed by CPython 3.13: python3.13 -c "print([repr(v) for v in VALUES])"
describe("floatRepr", () => {
  const cases: [number, string][] = [
    [1.0, "1.0"],
    [-0.0, "-0.0"],
    [0.1, "0.1"],
    [1e-5, "1e-05"],
    [1e-4, "0.0001"],
    [123456789012345.6, "123456789012345.6"],
    [1e16, "1e+16"],
    [1.5e300, "1.5e+300"],
    [5e-324, "5e-324"],
    [2 ** 53, "9007199254740992.0"],
    [-979.662, "-979.662"],
    [1 / 3, "0.3333333333333333"],
    [Number.POSITIVE_INFINITY, "inf"],
    [Number.NaN, "nan"],
    [1e22, "1e+22"],
    [0.00012, "0.00012"],
  ];
  it.each(cases)("repr(%s) is %s", (value, repr) => {
    expect(floatRepr(value)).toBe(repr);
  });
});

describe("bytesRepr", () => {
  it("writes Python bytes literals, choosing the quote as CPython does", () => {
    const b = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    expect(bytesRepr(b("PYBF\x00\x01"))).toBe("b'PYBF\\x00\\x01'");
    expect(bytesRepr(b("it's"))).toBe(`b"it's"`);
    expect(bytesRepr(b(`both'"`))).toBe(`b'both\\'"'`);
    expect(bytesRepr(b("\t\n\r\\\x7f\x80"))).toBe("b'\\t\\n\\r\\\\\\x7f\\x80'");
  });
});

describe("tupleRepr", () => {
  it("writes one-item tuples with a trailing comma", () => {
    expect(tupleRepr([7], valuesOf(parseFormat("b")))).toBe("(7,)");
    expect(tupleRepr([1, 2, true, 3n], valuesOf(parseFormat("hd?q")))).toBe("(1, 2.0, True, 3)");
  });

  it("writes records as dicts, sub-arrays as lists, text and complex as Python does", () => {
    // python3.13 -c "print(repr(({'a': 1, 'b': [1.0, 2.5]}, 'x\\'y', 1.5-2j, 2j, complex(-0.0, 1))))"
    const infos = valuesOf(parseFormat("T{h:a: (2)d:b:} 3w Zd Zd Zd"));
    const record = Object.assign(Object.create(null), { a: 1, b: [1, 2.5] });
    const values = [record, "x'y", { re: 1.5, im: -2 }, { re: 0, im: 2 }, { re: -0, im: 1 }];
    expect(tupleRepr(values, infos)).toBe(
      `({'a': 1, 'b': [1.0, 2.5]}, "x'y", (1.5-2j), 2j, (-0+1j))`,
    );
  });
});
