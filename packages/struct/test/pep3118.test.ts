import { describe, expect, it } from "vitest";
import { calcSize, pack, parseFormat, Struct, unpack } from "../src/index.js";
import { raises, toHex } from "./helpers.js";

/** Field names and offsets of a one-record format, NumPy's way (`f<i>` for unnamed). */
function recordOffsets(fmt: string): [number, [string, number][]] {
  const layout = parseFormat(fmt);
  const record = layout.fields[0]!.fields!;
  const fields = record.fields.filter((f) => f.code !== "x");
  return [layout.size, fields.map((f, i) => [f.name ?? `f${i}`, f.offset])];
}

describe("PEP 3118 layouts", () => {
  it("places record fields as NumPy's _dtype_from_pep3118 does", () => {
    // Expected values from python3 (NumPy 2.4.6): dtype.itemsize and dtype.fields offsets.
    const table: [string, number, [string, number][]][] = [
      [
        "T{h:f0:=f:f1:}",
        6,
        [
          ["f0", 0],
          ["f1", 2],
        ],
      ],
      [
        "T{b:f0:=q:f1:}",
        9,
        [
          ["f0", 0],
          ["f1", 1],
        ],
      ],
      [
        "T{b:a:xxxi:b:}",
        8,
        [
          ["a", 0],
          ["b", 4],
        ],
      ],
      [
        "T{(2,3)B:a:=f:b:}",
        10,
        [
          ["a", 0],
          ["b", 6],
        ],
      ],
      ["T{T{h:y:=d:z:}:x:}", 10, [["x", 0]]],
      [
        "T{i:a:b:b:}",
        8,
        [
          ["a", 0],
          ["b", 4],
        ],
      ],
      [
        "T{b:a:T{b:c:q:d:}:e:h:f:}",
        32,
        [
          ["a", 0],
          ["e", 8],
          ["f", 24],
        ],
      ],
      [
        "T{2h:a:b:b:}",
        6,
        [
          ["a", 0],
          ["b", 4],
        ],
      ],
      [
        "T{Zd:a:b:b:}",
        24,
        [
          ["a", 0],
          ["b", 16],
        ],
      ],
      [
        "T{Zf:a:b:b:}",
        12,
        [
          ["a", 0],
          ["b", 8],
        ],
      ],
      [
        "T{b:a:^i:b:}",
        5,
        [
          ["a", 0],
          ["b", 1],
        ],
      ],
      [
        "T{3w:a:b:b:}",
        16,
        [
          ["a", 0],
          ["b", 12],
        ],
      ],
      [
        "T{b:a:2T{b:x:i:y:}:r:}",
        20,
        [
          ["a", 0],
          ["r", 4],
        ],
      ],
      [
        "T{<i:a:<c:b:3x}",
        8,
        [
          ["a", 0],
          ["b", 4],
        ],
      ],
      [
        "T{(2)<i:a:T{<i:a:<c:b:3x}:b:}",
        16,
        [
          ["a", 0],
          ["b", 8],
        ],
      ],
      [
        "T{e:a:b:b:f:c:}",
        8,
        [
          ["a", 0],
          ["b", 2],
          ["c", 4],
        ],
      ],
      [
        "T{b:a:g:b:}",
        32,
        [
          ["a", 0],
          ["b", 16],
        ],
      ],
    ];
    for (const [fmt, size, fields] of table) expect(recordOffsets(fmt)).toEqual([size, fields]);
  });

  it("describes shapes, names, nesting and pointers", () => {
    const [f] = parseFormat("(2,3)<h:grid:").fields;
    expect(f).toMatchObject({ code: "h", shape: [2, 3], name: "grid", size: 2, offset: 0 });
    expect(calcSize("(2,3)<h:grid:")).toBe(12);
    const rec = parseFormat("T{i:a:}").fields[0]!;
    expect(rec.code).toBe("T");
    expect(rec.fields).toMatchObject({ size: 4, alignment: 4, format: "i:a:" });
    const ptr = parseFormat("&i").fields[0]!;
    expect(ptr).toMatchObject({ code: "&", size: 8 });
    expect(ptr.target).toMatchObject({ code: "i", size: 4 });
    expect(calcSize("O")).toBe(8);
    expect(calcSize("g")).toBe(16);
    expect(calcSize("12t")).toBe(2);
    expect(calcSize("3u")).toBe(6);
    expect(calcSize("3w")).toBe(12);
  });

  it("rejects broken PEP 3118 syntax with struct.error", () => {
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => calcSize("T{i"))).toEqual([
      "struct.error",
      "unterminated T{ record in struct format",
    ]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => calcSize("T{i:a:i:a:}"))).toEqual([
      "struct.error",
      "duplicate field name 'a' in struct format: field 1 of the same record has the name " +
        "of field 0 (offset 0); a record unpacks to an object keyed by its names, so rename " +
        "one (or leave it unnamed)",
    ]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => calcSize("(2,)i"))).toEqual([
      "struct.error",
      "bad sub-array shape '(2,)' in struct format",
    ]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => calcSize("i:a"))).toEqual(["struct.error", "bad char in struct format"]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => calcSize("}"))).toEqual(["struct.error", "bad char in struct format"]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => calcSize("<g"))).toEqual(["struct.error", "bad char in struct format"]);
  });
});

describe("PEP 3118 values", () => {
  it("packs and unpacks records as null-prototype objects", () => {
    const fmt = "T{b:a:xxxi:b:}";
    const bytes = pack(fmt, { a: 1, b: 2 });
    expect(toHex(bytes)).toBe("0100000002000000");
    const [rec] = unpack(fmt, bytes) as [Record<string, unknown>];
    expect(Object.getPrototypeOf(rec)).toBe(null);
    expect({ ...rec }).toEqual({ a: 1, b: 2 });
  });

  it("gives unnamed records as arrays and names NumPy's f<i> in mixed ones", () => {
    expect(unpack("T{bh}", pack("T{bh}", [1, 2]))).toEqual([[1, 2]]);
    // NumPy: _dtype_from_pep3118("T{b:a:h}") names the second field f0, the first free f<n>.
    const [mixed] = unpack("T{b:a:h}", pack("T{b:a:h}", { a: 1, f0: 2 })) as [object];
    expect({ ...mixed }).toEqual({ a: 1, f0: 2 });
  });

  it("nests records and sub-arrays", () => {
    const fmt = "<T{(2)h:p:T{b:x:b:y:}:q:}2i";
    const value = { p: [1, 2], q: { x: 3, y: 4 } } as const;
    const bytes = pack(fmt, value, 5, 6);
    expect(toHex(bytes)).toBe("0100020003040500000006000000");
    const [rec, a, b] = unpack(fmt, bytes) as [Record<string, unknown>, number, number];
    expect([rec.p, { ...(rec.q as object) }, a, b]).toEqual([[1, 2], { x: 3, y: 4 }, 5, 6]);
    expect(
      unpack(
        "(2,2)h",
        pack("(2,2)h", [
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
    ]);
    expect(unpack("T{2h}", pack("T{2h}", [[7, 8]]))).toEqual([[[7, 8]]]);
  });

  it("packs complex numbers as {re, im}", () => {
    expect(toHex(pack("<F", { re: 1, im: 2 }))).toBe("0000803f00000040");
    expect(unpack("<F", pack("<F", { re: 1, im: 2 }))).toEqual([{ re: 1, im: 2 }]);
    expect(unpack("<Zd", pack("<Zd", 5))).toEqual([{ re: 5, im: 0 }]);
    expect(toHex(pack("<F", { re: 1e39, im: 0 }))).toBe("0000807f00000000");
    expect(raises(() => pack(">F", { re: 1e39, im: 0 }))).toEqual([
      "OverflowError",
      "float too large to pack with f format",
    ]);
    for (const v of ["x", null, Uint8Array.of(1), [1], 2n ** 2000n]) {
      // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
      expect(raises(() => pack("D", v))).toEqual([
        "struct.error",
        "required argument is not a complex",
      ]);
    }
  });

  it("packs u and w characters as strings", () => {
    expect(toHex(pack("<3w", "a😀"))).toBe("6100000000f6010000000000");
    expect(unpack("<3w", pack("<3w", "a😀"))).toEqual(["a😀"]);
    expect(unpack("<2u", pack("<2u", "hé!"))).toEqual(["hé"]);
    expect(unpack("<u", pack("<u", ""))).toEqual([""]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => pack("w", 1))).toEqual([
      "struct.error",
      "argument for 'w' must be a str object",
    ]);
  });

  it("refuses codes it cannot convert faithfully", () => {
    for (const fmt of ["g", "O", "&i", "3t", "Zg"]) {
      expect(raises(() => unpack(fmt, new Uint8Array(calcSize(fmt))))[0]).toBe(
        "NotImplementedError",
      );
      expect(raises(() => new Struct(fmt).pack(0))[0]).toBe("NotImplementedError");
    }
  });

  it("checks record and sub-array values", () => {
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => pack("T{i:a:}", 5))).toEqual([
      "struct.error",
      "argument for a record must be an object, not int",
    ]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => pack("T{i:a:}", {}))).toEqual([
      "struct.error",
      "record field 'a' is missing",
    ]);
    // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
    expect(raises(() => pack("(2)i", [1]))).toEqual([
      "struct.error",
      "argument for a sub-array must be an array of 2 items (got 1)",
    ]);
  });
});
