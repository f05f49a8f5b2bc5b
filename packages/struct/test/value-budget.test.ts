/**
 * The value budget (src/codec/value-budget.ts): a call builds at most 65,536 values,
 * plus 8 per byte it reads or writes, plus 1 per format character and struct. Zero-size
 * items (`T{}`, `0s`) once turned an empty buffer into an out-of-memory abort of the
 * process; each reproducer of issue 19 is now a StructError, raised from the layout
 * before anything is built.
 */
import { describe, expect, it } from "vitest";
import {
  iterUnpack,
  pack,
  packInto,
  packMany,
  Struct,
  unpack,
  unpackColumns,
  unpackFrom,
  unpackMany,
} from "../src/index.js";
import { raises } from "./helpers.js";

const EMPTY = new Uint8Array(0);

function tooMany(values: number, bytes: number, limit: number): [string, string] {
  return [
    "struct.error",
    `too many values: the format gives ${values} values for ${bytes} bytes (at most ${limit})`,
  ];
}

/** `fn`'s error, and that it came at once (these used to take seconds or abort). */
function refusedAtOnce(fn: () => unknown): [string | undefined, string] {
  const t0 = performance.now();
  const error = raises(fn);
  expect(performance.now() - t0).toBeLessThan(1000);
  return error;
}

describe("the reproducers of issue 19", () => {
  it("refuses huge results from zero-size items over an empty buffer", () => {
    expect(refusedAtOnce(() => unpack("100000000T{}", EMPTY))).toEqual(tooMany(1e8, 0, 65536 + 12));
    expect(refusedAtOnce(() => unpack("(100000000)0s", EMPTY))).toEqual(
      tooMany(1e8 + 1, 0, 65536 + 13),
    );
    expect(refusedAtOnce(() => unpack("T{2147483647T{}}", EMPTY))).toEqual(
      tooMany(2 ** 31 + 1, 0, 65536 + 16),
    );
    // The count joins the shape, (3,2147483647,2,0): the record, then lists of
    // 1 + 3 + 3 * 2147483647 + 3 * 2147483647 * 2 (empty) prefixes.
    expect(refusedAtOnce(() => unpack("T{(3,2147483647,2)0Q}", EMPTY))).toEqual(
      tooMany(2 + 3 + 3 * 2147483647 * 3, 0, 65536 + 21),
    );
    expect(refusedAtOnce(() => [...iterUnpack("B100000000T{}", new Uint8Array(1))])).toEqual(
      tooMany(1e8 + 1, 1, 65536 + 8 + 13),
    );
    expect(refusedAtOnce(() => unpack("10000000T{}", EMPTY))).toEqual(tooMany(1e7, 0, 65536 + 11));
  });

  it("refuses them through every entry point that builds or takes values", () => {
    const fmt = "10000000T{}";
    const err = tooMany(1e7, 0, 65536 + 11);
    expect(refusedAtOnce(() => unpackFrom(fmt, EMPTY))).toEqual(err);
    expect(refusedAtOnce(() => pack(fmt))).toEqual(err);
    expect(refusedAtOnce(() => packInto(fmt, new Uint8Array(1), 0))).toEqual(err);
    for (const codegen of [true, false]) {
      const s = new Struct("B1000000T{}", { codegen });
      const one = tooMany(1_000_001, 1, 65536 + 8 + 11);
      expect(refusedAtOnce(() => s.unpack(new Uint8Array(1)))).toEqual(one);
      expect(refusedAtOnce(() => s.iterUnpack(new Uint8Array(1)))).toEqual(one);
      expect(refusedAtOnce(() => s.unpackMany(new Uint8Array(1)))).toEqual(one);
      expect(refusedAtOnce(() => s.unpackColumns(new Uint8Array(1)))).toEqual(one);
      // @ts-expect-error: no values for a million codes; the budget refuses before arity
      expect(refusedAtOnce(() => s.packArray([]))).toEqual(one);
      // @ts-expect-error: no values for a million codes; the budget refuses before arity
      expect(refusedAtOnce(() => s.packMany([[]]))).toEqual(one);
      // @ts-expect-error: no values for a million codes; the budget refuses before arity
      expect(refusedAtOnce(() => s.packManyInto(new Uint8Array(1), 0, [[]]))).toEqual(one);
    }
  });

  it("leaves layouts alone: calcSize and parseFormat build no values", async () => {
    const { calcSize, parseFormat } = await import("../src/index.js");
    expect(calcSize("100000000T{}")).toBe(0);
    expect(parseFormat("T{(3,2147483647,2)0Q}").fields[0]!.fields!.fields[0]!.shape).toEqual([
      3, 2147483647, 2, 0,
    ]);
  });
});

describe("the rule: 65,536 values, 8 per byte, 1 per format character", () => {
  it("holds at the limit, for one struct", () => {
    // "65544T{}" has 8 characters: 65,536 + 8 values are allowed.
    expect(unpack("65544T{}", EMPTY)).toHaveLength(65544);
    expect(raises(() => unpack("65545T{}", EMPTY))).toEqual(tooMany(65545, 0, 65544));
    expect(pack("65544T{}", ...new Array(65544).fill([]))).toEqual(EMPTY);
    // Sub-array lists count: 1 + 4 lists and 4 * 16390 empty strings.
    expect(raises(() => unpack("(4,16390)0s", EMPTY))).toEqual(
      tooMany(5 + 4 * 16390, 0, 65536 + 11),
    );
  });

  it("lets every CPython format through: its values cost a character or a byte", () => {
    const fmt = "0s".repeat(100_000);
    expect(unpack(fmt, EMPTY)).toHaveLength(100_000);
    expect(unpack("0s".repeat(131_072), EMPTY)).toHaveLength(131_072);
  });

  it("counts all structs of a bulk call against all their bytes and characters", () => {
    // "B100T{}": 101 values, 1 byte and 7 characters a struct; 762 structs fit.
    const fmt = "B100T{}";
    expect(unpackMany(fmt, new Uint8Array(762))).toHaveLength(762);
    const over = new Uint8Array(763);
    const err = tooMany(101 * 763, 763, 65536 + 763 * (8 + 7));
    expect(raises(() => unpackMany(fmt, over))).toEqual(err);
    expect(raises(() => iterUnpack(fmt, over))).toEqual(err);
    expect(raises(() => unpackColumns(fmt, over))).toEqual(err);
    const row = [0, ...new Array(100).fill([])];
    expect(raises(() => packMany(fmt, new Array(763).fill(row)))).toEqual(err);
    expect(packMany(fmt, new Array(762).fill(row))).toEqual(new Uint8Array(762));
  });

  it("never limits formats whose values take bytes", () => {
    // Past the floor: 2^17 bytes, one and two values a byte.
    const big = new Uint8Array(1 << 17);
    expect(unpack(`${1 << 17}B`, big)).toHaveLength(1 << 17);
    expect(unpackMany("T{b}", big)).toHaveLength(1 << 17);
    expect(unpack("T{(1,1,1,1,1,1)b}", new Uint8Array(1))).toEqual([[[[[[[[0]]]]]]]]);
    expect(iterUnpack("<d", new Uint8Array(8 << 20)).lengthHint()).toBe(1 << 20);
  });
});
