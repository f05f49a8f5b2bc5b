import { describe, expect, it } from "vitest";
import {
  calcSize,
  clearCache,
  iterUnpack,
  pack,
  packInto,
  parseFormat,
  pythonErrorName,
  Struct,
  unpack,
  unpackColumns,
  unpackFrom,
  ValueError,
} from "../src/index.js";
import { raises } from "./helpers.js";

const OUR_ERRORS = new Set([
  "struct.error",
  "TypeError",
  "ValueError",
  "OverflowError",
  "IndexError",
  "NotImplementedError",
]);

describe("hostile formats", () => {
  it("rejects absurd counts without allocating", () => {
    expect(raises(() => calcSize("99999999999999999999d"))).toEqual([
      "struct.error",
      "total struct size too long",
    ]);
    expect(raises(() => new Struct("99999999999999999999d"))[0]).toBe("struct.error");
  });

  it("stops deep T{ nesting with an error, not a stack overflow", () => {
    const deep = `${"T{".repeat(10_000)}i${"}".repeat(10_000)}`;
    expect(raises(() => calcSize(deep))).toEqual([
      "struct.error",
      "T{} records nested deeper than 64 levels",
    ]);
    const ok = `${"T{".repeat(64)}i${"}".repeat(64)}`;
    expect(unpack(ok, new Uint8Array(4))).toHaveLength(1);
  });

  it("limits sub-array dimensions to 64", () => {
    expect(calcSize(`(${Array(64).fill(1).join(",")})b`)).toBe(1);
    expect(raises(() => calcSize(`(${Array(100_000).fill(1).join(",")})b`))).toEqual([
      "struct.error",
      "sub-array shape has more than 64 dimensions",
    ]);
    const deepest = `${"T{".repeat(64)}(${Array(64).fill(1).join(",")})b${"}".repeat(64)}`;
    expect(unpack(deepest, new Uint8Array(1))).toHaveLength(1);
  });

  it("parses the longest format accepted (256 KiB), in memory per run of codes", () => {
    const max = 1 << 18;
    expect(calcSize("b".repeat(max))).toBe(max);
    // One run of codes is one field, as CPython reads "bbbb" as "4b".
    expect(parseFormat("b".repeat(max)).fields).toHaveLength(1);
    expect(parseFormat("bbhh").fields.map((f) => [f.code, f.count])).toEqual([
      ["b", 2],
      ["h", 2],
    ]);
    expect(calcSize(`${" ".repeat(max - 1)}i`)).toBe(4);
    expect(raises(() => calcSize(`${"1".repeat(max - 1)}i`))[1]).toBe("total struct size too long");
    expect(raises(() => calcSize("T{".repeat(max / 2)))[0]).toBe("struct.error");
    // Every code its own run: the worst case the limit bounds (b, pad, h: 4 bytes a pair).
    expect(new Struct("bh".repeat(max / 2)).size).toBe(2 * max);
  });

  it("refuses a longer format with a StructError, before reading it", () => {
    const msg = [
      "struct.error",
      "struct format of 262145 characters is longer than the 262144 accepted",
    ];
    expect(raises(() => calcSize("b".repeat((1 << 18) + 1)))).toEqual(msg);
    expect(raises(() => new Struct(new Uint8Array((1 << 18) + 1).fill(0x62)))).toEqual(msg);
    // The 10^6 and 10^7 characters: refused at once, nothing allocated per character.
    for (const n of [1e6, 1e7]) {
      expect(raises(() => calcSize("b".repeat(n)))[0]).toBe("struct.error");
      expect(raises(() => unpack("b".repeat(n), new Uint8Array(n)))[0]).toBe("struct.error");
    }
  });

  it("stops & pointer chains at 64 links, with a StructError, not a stack overflow", () => {
    const msg = ["struct.error", "& pointers chained deeper than 64 levels"];
    const long = `${"&".repeat(10_000)}i`;
    expect(raises(() => calcSize(long))).toEqual(msg);
    expect(raises(() => parseFormat(long))).toEqual(msg);
    expect(raises(() => new Struct(long))).toEqual(msg);
    expect(raises(() => calcSize(`T{${"&".repeat(65)}i}`))).toEqual(msg);
    let target = parseFormat(`${"&".repeat(64)}i`).fields[0]!;
    let links = 1;
    while (target.target !== null && target.target.code === "&") {
      target = target.target;
      links++;
    }
    expect([links, target.target?.code]).toEqual([64, "i"]);
    expect(calcSize("&&i", { abi: "wasm32" })).toBe(4);
  });

  it("keeps __proto__ and constructor names from polluting anything", () => {
    const fmt = "T{i:__proto__:i:constructor:i:toString:}";
    const bytes = pack(fmt, JSON.parse('{"__proto__": 1, "constructor": 2, "toString": 3}'));
    const [rec] = unpack(fmt, bytes) as [Record<string, unknown>];
    expect(Object.getPrototypeOf(rec)).toBe(null);
    expect(Object.keys(rec)).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.getOwnPropertyDescriptor(rec, "__proto__")?.value).toBe(1);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    expect(Object.prototype).not.toHaveProperty("polluted");
    // An inherited key is not a field value.
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => pack("T{i:toString:}", {}))).toEqual([
      "struct.error",
      "record field 'toString' is missing",
    ]);
  });

  it("refuses non-string formats", () => {
    for (const f of [1, 1n, null, undefined, {}, [], Symbol("x"), () => 1, new Uint16Array(2)]) {
      expect(raises(() => calcSize(f as never))[0]).toBe("TypeError");
      expect(raises(() => unpack(f as never, new Uint8Array(0)))[0]).toBe("TypeError");
    }
  });
});

describe("hostile buffers", () => {
  function detachedView(): Uint8Array {
    const ab = new ArrayBuffer(8);
    const view = new Uint8Array(ab);
    structuredClone(ab, { transfer: [ab] });
    return view;
  }

  it("refuses null as a buffer, also as the first buffer argument a process sees", () => {
    // null once matched the empty cache of the last buffer and read null.byteLength.
    const fresh = () => {
      clearCache();
      return unpack("", null as never);
    };
    expect(fresh).toThrow(new TypeError("a bytes-like object is required, not 'NoneType'"));
    expect(() => unpack("B", null as never)).toThrow(
      new TypeError("a bytes-like object is required, not 'NoneType'"),
    );
  });

  it("names the type of an option value that is not a string", () => {
    expect(() => new Struct("B", { abi: Symbol("x") as never })).toThrow(
      new ValueError(`unknown abi of type 'symbol' (expected "lp64", "llp64" or "wasm32")`),
    );
    expect(() => new Struct("B", { int64: {} as never })).toThrow(
      new ValueError(`unknown int64 option of type 'dict' (expected "bigint" or "number")`),
    );
  });

  it("gives a clean error for detached buffers", () => {
    const msg = ["ValueError", "cannot use a detached ArrayBuffer"];
    expect(raises(() => unpack("<q", detachedView()))).toEqual(msg);
    expect(raises(() => unpackFrom("<q", detachedView()))).toEqual(msg);
    expect(raises(() => packInto("<q", detachedView(), 0, 1n))).toEqual(msg);
    expect(raises(() => iterUnpack("<q", detachedView()))).toEqual(msg);
    expect(raises(() => unpackColumns("<q", detachedView()))).toEqual(msg);
    const ab = new ArrayBuffer(8);
    const dv = new DataView(ab);
    structuredClone(ab, { transfer: [ab] });
    expect(raises(() => unpack("<q", dv))).toEqual(msg);
    expect(raises(() => unpack("<q", ab))).toEqual(msg);
  });

  it("sees a buffer detached after an earlier call", () => {
    const ab = new ArrayBuffer(8);
    const view = new Uint8Array(ab);
    expect(unpack("<q", view)).toEqual([0n]);
    structuredClone(ab, { transfer: [ab] });
    expect(raises(() => unpack("<q", view))[0]).toBe("ValueError");
  });

  it("follows a resizable buffer that shrinks", () => {
    const ab = new ArrayBuffer(8, { maxByteLength: 16 });
    const view = new Uint8Array(ab);
    expect(unpackFrom("<i", view, 4)).toEqual([0]);
    ab.resize(4);
    expect(raises(() => unpackFrom("<i", view, 4))).toEqual([
      "struct.error",
      "unpack_from requires a buffer of at least 8 bytes for unpacking 4 bytes at offset 4 (actual buffer size is 4)",
    ]);
  });
});

describe("values of every wrong type", () => {
  const WRONG: unknown[] = [
    undefined,
    null,
    "",
    "1",
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    2n ** 70n,
    true,
    Symbol("s"),
    {},
    [],
    [1],
    () => 1,
    new Uint8Array(2),
    new Date(0),
    { valueOf: () => 1 },
    { re: "x", im: 1 },
  ];
  const FORMATS = [
    "b",
    "B",
    "h",
    "<H",
    "i",
    "<I",
    "q",
    "Q",
    "n",
    "P",
    "e",
    "<f",
    "f",
    "d",
    "?",
    "c",
  ];
  const MORE = ["s", "3p", "F", "<D", "T{i:a:}", "(2)h", "T{bh}", "w", "u", "g", "O"];

  it("throws only our errors (or packs), for the compiled and the interpreted path", () => {
    for (const codegen of [true, false]) {
      for (const fmt of [...FORMATS, ...MORE]) {
        const s = new Struct(fmt, { codegen });
        for (const v of WRONG) {
          try {
            const bytes = s.pack(v);
            expect(bytes.length).toBe(s.size);
          } catch (e) {
            expect(OUR_ERRORS.has(pythonErrorName(e) ?? "")).toBe(true);
          }
        }
      }
    }
  });

  it("never calls valueOf or toString of values", () => {
    let called = false;
    const sneaky = {
      valueOf() {
        called = true;
        return 1;
      },
      toString() {
        called = true;
        return "1";
      },
    };
    for (const fmt of ["i", "d", "e", "F"]) expect(() => pack(fmt, sneaky)).toThrow();
    expect(called).toBe(false);
  });

  it("rejects bad options", () => {
    expect(raises(() => parseFormat("i", { abi: "x" as never }))[0]).toBe("ValueError");
    expect(raises(() => new Struct("i", { int64: "x" as never }))[0]).toBe("ValueError");
    expect(raises(() => new Struct("i", { codegen: 1 as never }))[0]).toBe("TypeError");
    expect(raises(() => new Struct("i", 5 as never))[0]).toBe("TypeError");
  });
});

describe("packArray and packIntoArray given something other than an array", () => {
  it("say so", () => {
    const s = new Struct("<h");
    expect(() => s.packArray(null as never)).toThrow(
      new TypeError("packArray() values must be an array, not NoneType"),
    );
    expect(() => s.packIntoArray(new Uint8Array(2), 0, "ab" as never)).toThrow(
      new TypeError("packIntoArray() values must be an array, not str"),
    );
  });
});
