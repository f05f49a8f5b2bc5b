import { inspect } from "node:util";
import { MemoryError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { addressOf, formatPointer } from "../src/address.js";
import {
  alloc,
  BufferObject,
  buffer,
  fromMemory,
  fromReadWriteObject,
  isBuffer,
  Py_END_OF_BUFFER,
  ValueError,
} from "../src/index.js";
import { ByteArrayLike, bytes } from "./helpers/exporters.js";

describe("the buffer type", () => {
  it("cannot be built with new or subclassed", () => {
    const Ctor = BufferObject as unknown as new (...args: unknown[]) => unknown;
    expect(() => new Ctor(Symbol("x"), {})).toThrow("use buffer()");
    class Sub extends (BufferObject as unknown as new (...args: unknown[]) => object) {}
    expect(() => new Sub()).toThrow("type 'buffer' is not an acceptable base type");
  });

  it("is recognised by isBuffer only", () => {
    expect(isBuffer(buffer(bytes("a")))).toBe(true);
    for (const x of [bytes("a"), null, {}, new ByteArrayLike(bytes("a"))]) {
      expect(isBuffer(x)).toBe(false);
    }
    expect(Py_END_OF_BUFFER).toBe(-1);
  });
});

describe("repr", () => {
  it("keeps one address per object and names the root base", () => {
    const data = bytes("abcdef");
    const b = buffer(buffer(data, 1), 2);
    const at = formatPointer(addressOf(b));
    const base = formatPointer(addressOf(data));
    expect(b.repr()).toBe(`<read-only buffer for ${base}, size -1, offset 3 at ${at}>`);
    expect(b.repr()).toBe(b.repr());
    expect(buffer(data).repr()).not.toBe(b.repr());
    expect(inspect(b)).toBe(`${b.repr().slice(0, -1)}, len 3: b'def'>`);
  });

  it("prints raw memory and PyBuffer_New's inline memory", () => {
    const memory = new ArrayBuffer(8);
    const m = fromMemory(memory, 2, 4);
    const ptr = formatPointer(addressOf(memory, true) + 2n);
    expect(m.repr()).toBe(
      `<read-only buffer ptr ${ptr}, size 4 at ${formatPointer(addressOf(m))}>`,
    );
    const a = alloc(3);
    const self = addressOf(a);
    expect(a.repr()).toBe(
      `<read-write buffer ptr ${formatPointer(self + 64n)}, size 3 at ${formatPointer(self)}>`,
    );
  });
});

describe("JavaScript conveniences", () => {
  it("toString gives the bytes as a Latin-1 binary string", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = String(buffer(all));
    expect(text.length).toBe(256);
    expect(text.charCodeAt(255)).toBe(255);
    expect(`${buffer(bytes("hi"))}`).toBe("hi");
    expect(String(buffer(new Uint8Array(70_000)))).toHaveLength(70_000);
  });

  it("iterates 1-byte Uint8Arrays and re-reads the length each time", () => {
    const base = new ByteArrayLike(bytes("abcd"));
    const seen: string[] = [];
    for (const item of buffer(base)) {
      seen.push(String.fromCharCode(item[0] as number));
      if (seen.length === 2) base.resize(3);
    }
    expect(seen).toEqual(["a", "b", "c"]);
  });

  it("concat returns the operand itself when the buffer is empty", () => {
    const operand = bytes("xy");
    expect(buffer(bytes("")).concat(operand)).toBe(operand);
    expect(buffer(bytes("a")).concat(operand)).toEqual(bytes("axy"));
  });

  it("repeats large results by doubling, and refuses results past 4 GiB", () => {
    expect(buffer(bytes("ab")).repeat(100_000)).toHaveLength(200_000);
    expect(() => buffer(bytes("ab")).repeat(2 ** 31 + 1)).toThrow(MemoryError);
    expect(buffer(bytes("")).repeat(2n ** 62n)).toEqual(new Uint8Array(0));
  });
});

describe("writes that alias or race", () => {
  it("extended slice assignment reads the live operand, as CPython's loop does", () => {
    const data = bytes("abcdef");
    const rw = fromReadWriteObject(data, 0, Py_END_OF_BUFFER);
    rw.setSlice(null, null, rw, -1);
    expect(String.fromCharCode(...data)).toBe("abccba"); // Python 2.7.18 gives the same
    const other = bytes("abcdef");
    fromReadWriteObject(other, 0, Py_END_OF_BUFFER).setSlice(null, null, buffer(other, 1, 3), 2);
    expect(String.fromCharCode(...other)).toBe("bbcddf");
  });

  it("an operand whose proc shrinks our base gets a clean error, not a stray write", () => {
    const memory = new ArrayBuffer(6, { maxByteLength: 6 });
    const b = fromReadWriteObject(new Uint8Array(memory), 0, Py_END_OF_BUFFER);
    const sneaky = {
      [Symbol.for("pybuffer.bf_getsegcount")]: () => 1,
      [Symbol.for("pybuffer.bf_getreadbuffer")]: () => {
        memory.resize(1);
        return { memory: new ArrayBuffer(1), buf: 0, len: 1 };
      },
    };
    expect(() => b.set(5, sneaky)).toThrow(ValueError);
    expect(memory.byteLength).toBe(1);
    const fixed = new ArrayBuffer(4, { maxByteLength: 4 });
    const m = fromMemory(fixed, 4);
    const shrinking = {
      [Symbol.for("pybuffer.bf_getsegcount")]: () => 1,
      [Symbol.for("pybuffer.bf_getreadbuffer")]: () => {
        fixed.resize(0);
        return { memory: new ArrayBuffer(1), buf: 0, len: 1 };
      },
    };
    expect(() => m.concat(shrinking)).toThrow(ValueError);
  });
});
