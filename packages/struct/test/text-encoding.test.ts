/**
 * `s` and `p` with text: CPython's message for a string given where bytes go, with a
 * note (PEP 678) saying how to convert; and the opt-in `encoding` option of `Struct`,
 * an extension, with Python's codec messages (each expected message is what CPython
 * 3.13 prints for the expression beside it).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type PyError,
  pack,
  Struct,
  StructError,
  UnicodeDecodeError,
  UnicodeEncodeError,
  ValueError,
} from "../src/index.js";

function caught(fn: () => unknown): PyError {
  try {
    fn();
  } catch (error) {
    return error as PyError;
  }
  throw new Error("no error");
}

describe("a string where Python wants bytes", () => {
  it("keeps CPython's message and adds a note on how to convert", () => {
    // @ts-expect-error: the wrong value is the point
    const error = caught(() => pack("4s", "RIFF"));
    expect(error).toBeInstanceOf(StructError);
    expect(error.message).toBe("argument for 's' must be a bytes object");
    expect(error.notes).toEqual([
      "to pack text, encode it first (new TextEncoder().encode(text) gives UTF-8), or make " +
        'the Struct with { encoding: "utf-8" } to pack and unpack s and p fields as strings',
    ]);
    // @ts-expect-error: the wrong value is the point
    expect(caught(() => pack("3p", "ab")).notes).toHaveLength(1);
  });

  it("adds no note where the argument is not text", () => {
    // @ts-expect-error: the wrong value is the point
    const error = caught(() => pack("4s", 5));
    expect(error.message).toBe("argument for 's' must be a bytes object");
    expect(error.notes).toBeUndefined();
  });

  it("addNote is Python's add_note", () => {
    const error = new ValueError("x");
    error.addNote("one");
    error.addNote("two");
    expect(error.notes).toEqual(["one", "two"]);
    expect(() => error.addNote(1 as never)).toThrow(TypeError);
  });
});

describe("the encoding option", () => {
  it("packs strings and unpacks strings, in records and with bytes beside them", () => {
    const s = new Struct("<4sI:n: T{3s:a: p:b:}:r: 2p", { encoding: "utf-8" });
    const bytes = s.pack("RIFF", 7, { a: "hé", b: "" }, new Uint8Array([65]));
    // struct.pack('<4sI3sp2p', b'RIFF', 7, 'hé'.encode(), b'', b'A')
    expect(Array.from(bytes)).toEqual([82, 73, 70, 70, 7, 0, 0, 0, 104, 195, 169, 0, 1, 65]);
    expect(s.unpack(bytes)).toEqual(["RIFF", 7, { a: "hé", b: "" }, "A"]);
    expect(s.unpackMany(bytes)).toEqual([["RIFF", 7, { a: "hé", b: "" }, "A"]]);
    expect([...s.iterUnpack(bytes)]).toEqual([["RIFF", 7, { a: "hé", b: "" }, "A"]]);
    expect(s.unpackColumns(bytes)[0]).toEqual(["RIFF"]);
    expect(s.unpackFrom(bytes, 0)[0]).toBe("RIFF");
  });

  it("works the same through the interpreter, in packMany and packInto", () => {
    const s = new Struct("<2sh", { encoding: "latin1", codegen: false });
    expect(
      Array.from(
        s.packMany([
          ["é", 1],
          ["ab", 2],
        ]),
      ),
    ).toEqual([233, 0, 1, 0, 97, 98, 2, 0]);
    const out = new Uint8Array(4);
    s.packInto(out, 0, "xy", -1);
    expect(s.unpack(out)).toEqual(["xy", -1]);
  });

  it("truncates and pads the encoded bytes as s does, and strips the NUL padding", () => {
    const s = new Struct("3s", { encoding: "utf-8" });
    expect(Array.from(s.pack("abcd"))).toEqual([97, 98, 99]);
    expect(s.unpack(new Uint8Array([97, 0, 0]))).toEqual(["a"]);
  });

  it("has Python's codec errors", () => {
    // '\u20ac'.encode('latin-1')
    expect(caught(() => new Struct("2s", { encoding: "latin-1" }).pack("h€"))).toMatchObject({
      constructor: UnicodeEncodeError,
      message:
        "'latin-1' codec can't encode character '\\u20ac' in position 1: ordinal not in range(256)",
    });
    // 'é'.encode('ascii')
    expect(caught(() => new Struct("2s", { encoding: "ascii" }).pack("é")).message).toBe(
      "'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)",
    );
    const utf8 = new Struct("2s", { encoding: "utf-8" });
    const cases: [number[], string][] = [
      [[0xff, 0x41], "byte 0xff in position 0: invalid start byte"], // b'\xffA'.decode()
      [[0x61, 0xc3], "byte 0xc3 in position 1: unexpected end of data"], // b'a\xc3'.decode()
      [[0xe0, 0x80], "byte 0xe0 in position 0: invalid continuation byte"], // b'\xe0\x80'.decode()
      [[0xed, 0xa0], "byte 0xed in position 0: invalid continuation byte"], // b'\xed\xa0'.decode()
    ];
    for (const [bytes, tail] of cases) {
      const error = caught(() => utf8.unpack(new Uint8Array(bytes)));
      expect(error).toBeInstanceOf(UnicodeDecodeError);
      expect(error).toBeInstanceOf(ValueError);
      expect(error.message).toBe(`'utf-8' codec can't decode ${tail}`);
    }
    // b'\xe9'.decode('ascii')
    expect(
      caught(() => new Struct("s", { encoding: "ascii" }).unpack(new Uint8Array([0xe9]))).message,
    ).toBe("'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)");
  });

  it("refuses an unknown encoding", () => {
    expect(() => new Struct("2s", { encoding: "cp1252" as never })).toThrow(
      'unknown encoding: cp1252 (the encoding option takes "utf-8", "latin-1" or "ascii")',
    );
    expect(() => new Struct("2s", { encoding: 8 as never })).toThrow(TypeError);
  });

  it("leaves a Struct without s or p fields as it is", () => {
    const s = new Struct("<hd", { encoding: "utf-8" });
    expect(s.unpack(s.pack(1, 2))).toEqual([1, 2]);
  });

  it("round-trips any text through utf-8, and any bytes through latin-1", () => {
    const utf8 = new Struct("64s", { encoding: "utf-8" });
    const latin = new Struct("16s", { encoding: "latin-1" });
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 10 }), (text) => {
        const clean = text.replace(/\0+$/, "");
        fc.pre(new TextEncoder().encode(clean).length <= 64);
        expect(utf8.unpack(utf8.pack(clean))).toEqual([clean]);
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 16 }), (bytes) => {
        const [text] = latin.unpack(new Struct("16s").pack(bytes)) as [string];
        expect(Array.from(latin.pack(text)).slice(0, bytes.length)).toEqual(
          Array.from(bytes).map((b, i) => (i < text.length ? b : 0)),
        );
      }),
    );
  });
});

describe("types", () => {
  it("take the encodings by name and nothing else", () => {
    const ok = new Struct("4s", { encoding: "latin1" });
    // @ts-expect-error: not one of the encodings the option takes
    expect(() => new Struct("4s", { encoding: "cp1252" })).toThrow(ValueError);
    // @ts-expect-error: a note is a string
    expect(() => new ValueError("x").addNote(1)).toThrow(TypeError);
    const notes: string[] | undefined = new StructError("x").notes;
    expect([ok.size, notes]).toEqual([4, undefined]);
  });
});
