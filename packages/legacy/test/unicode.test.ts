/**
 * A JavaScript string is Python 2's unicode: buffer == u'...' and cmp(buffer, u'...')
 * decode the buffer as ASCII first, as 2.7 does (the vectors hold 2.7's answers; these
 * spell out the rules).
 */
import { describe, expect, it } from "vitest";
import { buffer, fromReadWriteObject, ValueError } from "../src/index.js";
import { ArrayLike, bytes, ScatterList } from "./helpers/exporters.js";

describe("buffer against a string", () => {
  it("compares code points of the ASCII-decoded bytes", () => {
    const b = buffer(bytes("abc"));
    expect(b.equals("abc")).toBe(true);
    expect(b.compare("abc")).toBe(0);
    expect(b.compare("abd")).toBe(-1);
    expect(b.compare("ab")).toBe(1);
    expect(b.compare("abc\u{1f600}")).toBe(-1);
    expect(buffer(bytes("\x7f")).compare("\u{1f600}")).toBe(-1);
    expect(fromReadWriteObject(bytes("xy"), 0, -1).equals("xy")).toBe(true);
  });

  it("raises 2.7's decode error in cmp, and says unequal in ==", () => {
    const b = buffer(bytes("a\xffb"));
    expect(() => b.compare("z")).toThrow(
      new ValueError(
        "'ascii' codec can't decode byte 0xff in position 1: ordinal not in range(128)",
      ),
    );
    expect(b.equals("a\xffb")).toBe(false);
    expect(buffer(bytes("a\xffb"), 0, 1).compare("a")).toBe(0);
  });

  it("falls back to type-name order when the buffer has no character data", () => {
    const overArray = buffer(new ArrayLike(bytes("a")));
    expect(overArray.compare("a")).toBe(-1);
    expect(overArray.equals("a")).toBe(false);
    const overScatter = buffer(new ScatterList(bytes("a"), bytes("b")));
    expect(overScatter.compare("")).toBe(-1);
    expect(overScatter.equals("ab")).toBe(false);
  });

  it("matches a 1-character ASCII string in includes", () => {
    const b = buffer(bytes("ab\xe9"));
    expect(b.includes("a")).toBe(true);
    expect(b.includes("ab")).toBe(false);
    expect(b.includes("\xe9")).toBe(false);
    expect(b.includes("")).toBe(false);
  });
});

describe("messages naming a buffer's type", () => {
  it("call it 'buffer', as 2.7 does", () => {
    const b = buffer(bytes("ab"));
    expect(() => b.repeat(b as never)).toThrow(
      new TypeError("can't multiply sequence by non-int of type 'buffer'"),
    );
  });
});
