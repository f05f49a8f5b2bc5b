/**
 * How struct's objects print, and the shared printing helpers (`@pybuffer/struct/print`)
 * every package's summaries are made of: Python's repr of unpacked values, the elided
 * item lists, the `<name key=value …>` summary, and the inspect hook.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { calcSize, pack, parseFormat, Struct, unpack } from "../src/index.js";
import {
  bytesRepr,
  complexRepr,
  elidedItems,
  floatRepr,
  inspectCustom,
  installPrinting,
  itemRepr,
  layoutRepr,
  summary,
} from "../src/print/index.js";

describe("Python's repr of values", () => {
  it("floats as float.__repr__ writes them", () => {
    const cases: [number, string][] = [
      [1, "1.0"],
      [-0, "-0.0"],
      [0.1, "0.1"],
      [1e16, "1e+16"],
      [1e-5, "1e-05"],
      [123456789012345.6, "123456789012345.6"],
      [Number.NaN, "nan"],
      [Number.NEGATIVE_INFINITY, "-inf"],
    ];
    for (const [x, repr] of cases) expect(floatRepr(x)).toBe(repr);
  });

  it("complex numbers as complex.__repr__ writes them (CPython 3.13's, signed zeros too)", () => {
    const { NaN: nan, POSITIVE_INFINITY: inf } = Number;
    const cases: [number, number, string][] = [
      [1, -0, "(1-0j)"],
      [0, -0, "-0j"],
      [-0, -0, "(-0-0j)"],
      [-0, 0, "(-0+0j)"],
      [0, 0, "0j"],
      [1, nan, "(1+nanj)"],
      [inf, -inf, "(inf-infj)"],
      [1e20, -2.5, "(1e+20-2.5j)"],
      [0, 1, "1j"],
      [-0, 1, "(-0+1j)"],
      [nan, -0, "(nan-0j)"],
    ];
    for (const [re, im, repr] of cases) expect(complexRepr({ re, im })).toBe(repr);
  });

  it("bytes as a b'' literal", () => {
    expect(bytesRepr(new Uint8Array([104, 39, 0, 10, 255]))).toBe(`b"h'\\x00\\n\\xff"`);
  });

  it("one unpacked item: a value, or a tuple; records as dicts or tuples", () => {
    const repr = (format: string, ...values: unknown[]) =>
      itemRepr(unpack(format, pack(format, ...values)), parseFormat(format));
    expect(repr("B", 3)).toBe("3");
    expect(repr("<hd", 1, 2)).toBe("(1, 2.0)");
    expect(repr("3s", new Uint8Array([97, 98, 99]))).toBe("b'abc'");
    expect(repr("?", true)).toBe("True");
    expect(repr("q", 2n ** 62n)).toBe("4611686018427387904");
    expect(repr("Zd", { re: 1, im: -2 })).toBe("(1-2j)");
    expect(
      repr("(2,2)d", [
        [1, 2],
        [3, 4],
      ]),
    ).toBe("[[1.0, 2.0], [3.0, 4.0]]");
    expect(repr("T{i:a:2d:b:}", { a: 1, b: [2, 3] })).toBe("{'a': 1, 'b': [2.0, 3.0]}");
    expect(repr("T{if}", [1, 2])).toBe("(1, 2.0)");
    expect(repr("2T{h}", [1], [2])).toBe("((1,), (2,))");
  });
});

describe("summaries", () => {
  it("<name key=value … items>, parts spelled as Python spells them", () => {
    expect(
      summary("memory", { format: "B", shape: [3], readonly: false, x: undefined }, "[1]"),
    ).toBe("<memory format='B' shape=(3,) readonly=False [1]>");
    expect(summary("thing", { shape: [2, 3] })).toBe("<thing shape=(2, 3)>");
  });

  it("elides along each dimension, 8 items per row and 4 rows", () => {
    const read = (index: readonly number[]) => index.join("");
    expect(elidedItems([3], read)).toBe("[0, 1, 2]");
    expect(elidedItems([10], read)).toBe("[0, 1, 2, 3, 4, 5, 6, 7, ...]");
    expect(elidedItems([6, 2], read)).toBe("[[00, 01], [10, 11], [20, 21], [30, 31], ...]");
    expect(elidedItems([0, 5], read)).toBe("[]");
    expect(elidedItems([], () => "7")).toBe("7");
  });

  it("reads at most 32 items, however many dimensions", () => {
    let reads = 0;
    const text = elidedItems(new Array(64).fill(2), () => String(++reads));
    expect(reads).toBe(32);
    expect(text.startsWith("[[[[")).toBe(true);
    expect(text).toContain("...");
  });

  it("cuts a long item", () => {
    const text = elidedItems([1], () => "x".repeat(100));
    expect(text).toBe(`[${"x".repeat(45)}...]`);
  });
});

describe("printing struct's objects", () => {
  it("Struct prints its repr through String() and util.inspect", () => {
    const s = new Struct("<IHHd");
    expect(String(s)).toBe("Struct('<IHHd')");
    expect(inspect(s)).toBe("Struct('<IHHd')");
    expect(inspect({ s })).toBe("{ s: Struct('<IHHd') }");
  });

  it("a layout prints its format, size, alignment and fields", () => {
    const layout = parseFormat("@bi:n:T{<h:a:}");
    expect(String(layout)).toBe(
      "Layout('@bi:n:T{<h:a:}', size=10, alignment=4, fields=[b at 0, n: i at 4, T{<h:a:} at 8])",
    );
    expect(inspect(layout)).toBe(String(layout));
    expect(layoutRepr(parseFormat("<2h(2,3)d"))).toBe(
      "Layout('<2h(2,3)d', size=52, alignment=1, fields=[2h at 0, (2, 3)d at 4])",
    );
    expect(calcSize("<2h(2,3)d")).toBe(52);
    expect(layoutRepr(parseFormat("<10b"))).toContain("fields=[10b at 0]");
    // A run of one code is one field (`bbbbbbbbbb` is 10b); distinct fields are elided.
    expect(layoutRepr(parseFormat("bbbbbbbbbb"))).toContain("fields=[10b at 0]");
    expect(layoutRepr(parseFormat("<bhbhbhbhbh"))).toMatch(/h at 10, \.\.\.\]\)$/);
  });

  it("the printing methods are not own enumerable keys", () => {
    const layout = parseFormat("<i");
    expect(Object.keys(layout)).not.toContain("toString");
    expect(Object.getOwnPropertySymbols(layout).every((k) => k === inspectCustom)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(layout, inspectCustom)?.enumerable).toBe(false);
  });

  it("a summary that throws prints the error instead", () => {
    class Broken {}
    installPrinting(Broken.prototype, () => {
      throw new RangeError("no");
    });
    expect(String(new Broken())).toBe("<Broken: RangeError: no>");
    expect(inspect(new Broken())).toBe("<Broken: RangeError: no>");
  });
});
