import { NDBuffer } from "@pybuffer/core";
import { SystemError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import {
  alloc,
  asCharBuffer,
  asReadBuffer,
  asWriteBuffer,
  BufferError,
  bf_getcharbuffer,
  bf_getreadbuffer,
  bf_getsegcount,
  bf_getwritebuffer,
  buffer,
  checkReadBuffer,
  fromObject,
  fromReadWriteObject,
  Py_END_OF_BUFFER,
  type SegmentExporter,
} from "../src/index.js";
import { ByteArrayLike, bytes, ScatterList, StrLike } from "./helpers/exporters.js";

describe("the old buffer API", () => {
  it("hands out a view of the one segment, not a copy", () => {
    const data = bytes("abcdef");
    const read = asReadBuffer(buffer(data, 2, 2));
    expect(read).toEqual(bytes("cd"));
    expect(read.buffer).toBe(data.buffer);
    asWriteBuffer(fromReadWriteObject(data, 0, 1))[0] = 0x41;
    expect(data[0]).toBe(0x41);
    expect(asCharBuffer(new ByteArrayLike(bytes("xy")))).toEqual(bytes("xy"));
  });

  it("reaches new-protocol exporters through the bridge", () => {
    const nd = new NDBuffer(new Uint8Array([1, 2, 3]).buffer, { shape: [3] });
    expect([...asReadBuffer(nd)]).toEqual([1, 2, 3]);
    expect(checkReadBuffer(nd)).toBe(true);
    const ro = new NDBuffer(new ArrayBuffer(2), { shape: [2], readonly: true });
    expect(() => asWriteBuffer(ro)).toThrow(BufferError);
  });

  it("refuses objects without the proc, or with several segments", () => {
    for (const obj of [null, undefined, 1, "abc", [1], {}, new ArrayBuffer(2)]) {
      expect(() => asReadBuffer(obj)).toThrow("expected a readable buffer object");
      expect(() => asWriteBuffer(obj)).toThrow("expected a writeable buffer object");
      expect(() => asCharBuffer(obj)).toThrow("expected a string or other character buffer object");
      expect(checkReadBuffer(obj)).toBe(false);
    }
    const scatter = new ScatterList(bytes("a"), bytes("b"));
    expect(() => asReadBuffer(scatter)).toThrow("expected a single-segment buffer object");
    expect(() => asCharBuffer(scatter)).toThrow(
      "expected a string or other character buffer object",
    );
    expect(checkReadBuffer(scatter)).toBe(false);
    expect(checkReadBuffer(new ScatterList(bytes("a")))).toBe(true);
  });

  it("passes on the object's own refusal", () => {
    expect(() => asWriteBuffer(new StrLike(bytes("a")))).toThrow(
      "Cannot use string as modifiable buffer",
    );
    expect(() => asWriteBuffer(buffer(bytes("a")))).toThrow("buffer is read-only");
    expect(asWriteBuffer(alloc(2))).toEqual(new Uint8Array(2));
  });
});

describe("the segment protocol", () => {
  it("is read through Symbol.for keys, so exporters need not import this package", () => {
    expect(bf_getsegcount).toBe(Symbol.for("pybuffer.bf_getsegcount"));
    const chunk = bytes("xyz");
    const exporter = {
      [Symbol.for("pybuffer.bf_getsegcount")]: () => 1,
      [Symbol.for("pybuffer.bf_getreadbuffer")]: () => ({ memory: chunk.buffer, buf: 1, len: 2 }),
    };
    expect(buffer(exporter).toString()).toBe("yz");
    expect(() => fromReadWriteObject(exporter, 0, Py_END_OF_BUFFER)).toThrow(
      "buffer object expected",
    );
  });

  it("checks what procs return", () => {
    const bad = (value: unknown): SegmentExporter => ({
      [bf_getsegcount]: () => 1,
      [bf_getreadbuffer]: () => value as never,
    });
    for (const value of [null, 3, { memory: new ArrayBuffer(2), buf: -1, len: 1 }, {}]) {
      expect(() => buffer(bad(value)).length).toThrow(TypeError);
    }
    expect(() => buffer(bad({ memory: new ArrayBuffer(2), buf: 1, len: 2 })).length).toThrow(
      /outside its memory/,
    );
    const badCount = { [bf_getsegcount]: () => "one", [bf_getreadbuffer]: () => null };
    expect(() => buffer(badCount).length).toThrow("single-segment buffer object expected");
    expect(checkReadBuffer(badCount)).toBe(false);
  });

  it("gives the buffer object's procs segment 0 only", () => {
    const b = fromObject(bytes("abc"), 1, Py_END_OF_BUFFER);
    expect(b[bf_getsegcount]()).toBe(1);
    expect(b[bf_getreadbuffer](0).len).toBe(2);
    expect(b[bf_getcharbuffer](0).buf).toBe(1);
    expect(() => b[bf_getreadbuffer](1)).toThrow(SystemError);
    expect(() => b[bf_getcharbuffer](-1)).toThrow("accessing non-existent buffer segment");
    expect(() => b[bf_getwritebuffer](0)).toThrow("buffer is read-only");
    expect(alloc(2)[bf_getwritebuffer](0).len).toBe(2);
    expect(() => alloc(2)[bf_getwritebuffer](1)).toThrow(SystemError);
  });

  it("reports a missing character proc by name", () => {
    const readOnly: SegmentExporter = {
      [bf_getsegcount]: () => 1,
      [bf_getreadbuffer]: () => ({ memory: new ArrayBuffer(1), buf: 0, len: 1 }),
    };
    const b = buffer(readOnly);
    expect(() => b[bf_getcharbuffer](0)).toThrow("char buffer type not available");
    const writeOnly = {
      [bf_getsegcount]: () => 1,
      [bf_getwritebuffer]: () => ({ memory: new ArrayBuffer(1), buf: 0, len: 1 }),
    };
    const rw = fromReadWriteObject(writeOnly, 0, Py_END_OF_BUFFER);
    expect(rw.length).toBe(1);
    expect(() => rw[bf_getreadbuffer](0)).toThrow("read buffer type not available");
  });
});
