/**
 * The value budget (src/codec/value-budget.ts): a call builds at most 65,536 values
 * plus 8 per byte it reads or writes. Zero-size items (`T{}`, `0s`) once turned an empty
 * buffer into an out-of-memory abort of the process; each reproducer of issue 19 is
 * now a StructError, raised from the layout before anything is built.
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

function tooMany(values: number, bytes: number): [string, string] {
  return [
    "struct.error",
    `too many values: the format gives ${values} values for ${bytes} bytes (at most 65536 plus 8 per byte)`,
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
    expect(refusedAtOnce(() => unpack("100000000T{}", EMPTY))).toEqual(tooMany(1e8, 0));
    expect(refusedAtOnce(() => unpack("(100000000)0s", EMPTY))).toEqual(tooMany(1e8 + 1, 0));
    expect(refusedAtOnce(() => unpack("T{2147483647T{}}", EMPTY))).toEqual(tooMany(2 ** 31 + 1, 0));
    // The count joins the shape, (3,2147483647,2,0): the record, then lists of
    // 1 + 3 + 3 * 2147483647 + 3 * 2147483647 * 2 (empty) prefixes.
    expect(refusedAtOnce(() => unpack("T{(3,2147483647,2)0Q}", EMPTY))).toEqual(
      tooMany(2 + 3 + 3 * 2147483647 * 3, 0),
    );
    expect(refusedAtOnce(() => [...iterUnpack("B100000000T{}", new Uint8Array(1))])).toEqual(
      tooMany(1e8 + 1, 1),
    );
    expect(refusedAtOnce(() => unpack("10000000T{}", EMPTY))).toEqual(tooMany(1e7, 0));
  });

  it("refuses them through every entry point that builds or takes values", () => {
    const fmt = "10000000T{}";
    const err = tooMany(1e7, 0);
    expect(refusedAtOnce(() => unpackFrom(fmt, EMPTY))).toEqual(err);
    expect(refusedAtOnce(() => pack(fmt))).toEqual(err);
    expect(refusedAtOnce(() => packInto(fmt, new Uint8Array(1), 0))).toEqual(err);
    for (const codegen of [true, false]) {
      const s = new Struct("B1000000T{}", { codegen });
      const one = tooMany(1_000_001, 1);
      expect(refusedAtOnce(() => s.unpack(new Uint8Array(1)))).toEqual(one);
      expect(refusedAtOnce(() => s.iterUnpack(new Uint8Array(1)))).toEqual(one);
      expect(refusedAtOnce(() => s.unpackMany(new Uint8Array(1)))).toEqual(one);
      expect(refusedAtOnce(() => s.unpackColumns(new Uint8Array(1)))).toEqual(one);
      expect(refusedAtOnce(() => s.packArray([]))).toEqual(one);
      expect(refusedAtOnce(() => s.packMany([[]]))).toEqual(one);
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

describe("the rule: 65,536 values plus 8 per byte", () => {
  it("holds at the floor, for one struct", () => {
    expect(unpack("65536T{}", EMPTY)).toHaveLength(65536);
    expect(raises(() => unpack("65537T{}", EMPTY))).toEqual(tooMany(65537, 0));
    expect(pack("65536T{}", ...new Array(65536).fill([]))).toEqual(EMPTY);
    // Sub-array lists count: 1 + 4 lists and 4 * 16384 empty strings.
    expect(raises(() => unpack("(4,16384)0s", EMPTY))).toEqual(tooMany(5 + 65536, 0));
  });

  it("counts all structs of a bulk call against all their bytes", () => {
    // 9 values per byte: the floor covers the 65,536 bytes' 8th value surplus.
    const ok = new Uint8Array(65536);
    expect(unpackMany("B8T{}", ok)).toHaveLength(65536);
    const over = new Uint8Array(65537);
    expect(raises(() => unpackMany("B8T{}", over))).toEqual(tooMany(9 * 65537, 65537));
    expect(raises(() => iterUnpack("B8T{}", over))).toEqual(tooMany(9 * 65537, 65537));
    expect(raises(() => unpackColumns("B8T{}", over))).toEqual(tooMany(9 * 65537, 65537));
    expect(
      raises(() => packMany("B8T{}", new Array(65537).fill([0, ...new Array(8).fill([])]))),
    ).toEqual(tooMany(9 * 65537, 65537));
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
