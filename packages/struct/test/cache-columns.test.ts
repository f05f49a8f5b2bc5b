import { describe, expect, it } from "vitest";
import {
  calcSize,
  clearCache,
  pack,
  packMany,
  parseFormat,
  Struct,
  unpack,
  unpackColumns,
} from "../src/index.js";
import { MAX_CACHE } from "../src/layout/layout-cache.js";
import { raises } from "./helpers.js";

describe("format cache (struct._cache, MAXCACHE)", () => {
  it("parses once and shares the layout", () => {
    clearCache();
    const a = parseFormat("<hq");
    expect(parseFormat("<hq")).toBe(a);
    expect(new Struct("<hq").layout).toBe(a);
    expect(parseFormat("<hq", { abi: "wasm32" })).not.toBe(a);
  });

  it("stays bounded and still answers after being cleared wholesale", () => {
    clearCache();
    const first = parseFormat("<h");
    for (let i = 0; i < MAX_CACHE + 5; i++) expect(calcSize(`${i}b`)).toBe(i);
    expect(parseFormat("<h")).not.toBe(first);
    expect(parseFormat("<h")).toEqual(first);
    expect(unpack("<h", pack("<h", 5))).toEqual([5]);
  });

  it("does not cache failures or corrupt the cache after a bad call", () => {
    expect(raises(() => unpack("b", 0 as never))[0]).toBe("TypeError");
    expect(unpack("b", Uint8Array.of(255))).toEqual([-1]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => calcSize("y"))[0]).toBe("struct.error");
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => calcSize("y"))[0]).toBe("struct.error");
  });
});

describe("unpackColumns", () => {
  it("gives one typed array per numeric value position", () => {
    const bytes = packMany("<bBhHiIqQefd", [
      [-1, 2, -3, 4, -5, 6, -7n, 8n, 0.5, 1.5, 2.5],
      [1, 254, 3, 65535, 5, 2 ** 32 - 1, 7n, 2n ** 64n - 1n, -0.5, -1.5, -2.5],
    ]);
    const cols = unpackColumns("<bBhHiIqQefd", bytes);
    const kinds = cols.map((c) => c.constructor.name);
    expect(kinds).toEqual([
      "Int8Array",
      "Uint8Array",
      "Int16Array",
      "Uint16Array",
      "Int32Array",
      "Uint32Array",
      "BigInt64Array",
      "BigUint64Array",
      typeof (globalThis as { Float16Array?: unknown }).Float16Array === "function"
        ? "Float16Array"
        : "Float32Array",
      "Float32Array",
      "Float64Array",
    ]);
    expect(cols.map((c) => Array.from(c as ArrayLike<unknown>))).toEqual([
      [-1, 1],
      [2, 254],
      [-3, 3],
      [4, 65535],
      [-5, 5],
      [6, 2 ** 32 - 1],
      [-7n, 7n],
      [8n, 2n ** 64n - 1n],
      [0.5, -0.5],
      [1.5, -1.5],
      [2.5, -2.5],
    ]);
  });

  it("uses plain arrays otherwise and Float64Array with int64: 'number'", () => {
    const s = new Struct("<?2sT{h:a:}q", { int64: "number" });
    const bytes = s.packMany([
      [true, Uint8Array.of(1, 2), { a: 3 }, 4],
      [false, Uint8Array.of(5, 6), { a: 7 }, -8],
    ]);
    const [flags, strs, recs, nums] = s.unpackColumns(bytes);
    expect(flags).toEqual([true, false]);
    expect(strs).toEqual([Uint8Array.of(1, 2), Uint8Array.of(5, 6)]);
    expect((recs as Record<string, number>[]).map((r) => r.a)).toEqual([3, 7]);
    expect(nums).toEqual(Float64Array.of(4, -8));
  });

  it("needs a whole number of structs, like iter_unpack", () => {
    expect(raises(() => unpackColumns("<i", new Uint8Array(6)))).toEqual([
      "struct.error",
      "iterative unpacking requires a buffer of a multiple of 4 bytes",
    ]);
    expect(raises(() => unpackColumns("", new Uint8Array(0)))).toEqual([
      "struct.error",
      "cannot iteratively unpack with a struct of length 0",
    ]);
    expect(unpackColumns("<id", new Uint8Array(0))).toEqual([
      new Int32Array(0),
      new Float64Array(0),
    ]);
  });
});

describe("packMany", () => {
  it("packs rows back to back and checks each row", () => {
    expect(Array.from(packMany("<h", [[1], [2]]))).toEqual([1, 0, 2, 0]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => packMany("<hh", [[1, 2], [3]]))).toEqual([
      "struct.error",
      "pack expected 2 items for packing (got 1)",
    ]);
    expect(raises(() => packMany("<h", [5 as never]))[0]).toBe("TypeError");
    expect(raises(() => packMany("<h", 5 as never))[0]).toBe("TypeError");
  });

  it("packs into a buffer at an offset, leaving a pack_into loop's bytes on failure", () => {
    const s = new Struct("<hh");
    const buf = new Uint8Array(12).fill(0xff);
    s.packManyInto(buf, 2, [
      [1, 2],
      [3, 4],
    ]);
    expect(Array.from(buf)).toEqual([255, 255, 1, 0, 2, 0, 3, 0, 4, 0, 255, 255]);
    buf.fill(0xff);
    expect(
      raises(() =>
        s.packManyInto(buf, 0, [
          [1, 2],
          [3, 1e6],
          [5, 6],
        ]),
      ),
    ).toEqual(["struct.error", "'h' format requires -32768 <= number <= 32767"]);
    expect(Array.from(buf)).toEqual([1, 0, 2, 0, 3, 0, 0, 0, 0, 0, 0, 0]);
    expect(
      raises(() =>
        s.packManyInto(buf, 4, [
          [1, 2],
          [3, 4],
          [5, 6],
        ]),
      ),
    ).toEqual([
      "struct.error",
      "pack_into requires a buffer of at least 16 bytes for packing 12 bytes at offset 4 (actual buffer size is 12)",
    ]);
    for (const codegen of [true, false]) {
      const p = new Struct("<bxh", { codegen });
      const out = new Uint8Array(8).fill(0xff);
      p.packManyInto(out, 0, [
        [1, 2],
        [3, 4],
      ]);
      expect(Array.from(out)).toEqual([1, 0, 2, 0, 3, 0, 4, 0]);
    }
  });
});

describe("int64: 'number'", () => {
  it("gives exact numbers and an OverflowError past 2**53", () => {
    const s = new Struct("<qQ", { int64: "number" });
    expect(s.unpack(pack("<qQ", -(2n ** 53n) + 1n, 2n ** 53n - 1n))).toEqual([
      -(2 ** 53) + 1,
      2 ** 53 - 1,
    ]);
    expect(raises(() => s.unpack(pack("<qQ", 0, 2n ** 53n)))).toEqual([
      "OverflowError",
      "'Q' value does not fit in an exact number (|value| > 2**53 - 1); use int64: \"bigint\"",
    ]);
    expect(raises(() => s.unpack(pack("<qQ", -(2n ** 53n), 0)))[0]).toBe("OverflowError");
    expect(new Struct(">q", { int64: "number" }).unpack(pack(">q", -2))).toEqual([-2]);
    expect(new Struct("P", { int64: "number" }).unpack(pack("P", 7))).toEqual([7]);
    expect(new Struct("<i", { int64: "number" }).unpack(pack("<i", -1))).toEqual([-1]);
  });
});
