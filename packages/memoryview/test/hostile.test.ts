/**
 * Hostile input at every entry point: keys and values of every JavaScript type,
 * objects whose `valueOf` would release the view (never called: CPython's gh-92888
 * cannot happen), memory detached or shrunk under a live view (a clean ValueError,
 * never garbage), and arguments of the wrong kind to each method.
 */
import { bf_getbuffer, NDBuffer } from "@pybuffer/core";
import { describe, expect, it } from "vitest";
import {
  IndexError,
  memoryview,
  NotImplementedError,
  pythonErrorName,
  Slice,
  ValueError,
} from "../src/index.js";

const KEYS: unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  0.5,
  -0,
  "0",
  null,
  undefined,
  Symbol("k"),
  {},
  { valueOf: () => 0 },
  new Uint8Array(1),
  () => 0,
];

function fresh(n = 4): ReturnType<typeof memoryview> {
  return memoryview(new NDBuffer(new Uint8Array(n).buffer, { shape: [n] }));
}

describe("keys", () => {
  it("refuses every non-integer key with CPython's TypeError", () => {
    const m = fresh();
    for (const key of KEYS) {
      expect(() => m.get(key as never), String(key)).toThrow(
        new TypeError("memoryview: invalid slice key"),
      );
      expect(() => m.set(key as never, 1), String(key)).toThrow(
        new TypeError("memoryview: invalid slice key"),
      );
    }
  });

  it("handles huge, negative and boolean indices as Python ints", () => {
    const m = fresh();
    expect(() => m.get(2n ** 64n)).toThrow(
      new IndexError("cannot fit 'int' into an index-sized integer"),
    );
    expect(() => m.get(2 ** 70)).toThrow(IndexError);
    expect(() => m.get(2 ** 62)).toThrow(new IndexError("index out of bounds on dimension 1"));
    expect(m.get(true)).toBe(0);
    expect(m.get(-4n)).toBe(0);
    expect(() => m.get([0, 0])).toThrow(
      new TypeError("cannot index 1-dimension view with 2-element tuple"),
    );
    expect(() => m.get([])).toThrow(new NotImplementedError("sub-views are not implemented"));
  });

  it("never calls valueOf, so a key or value cannot release the view halfway", () => {
    const m = fresh();
    let called = false;
    const evil = {
      valueOf(): number {
        called = true;
        m.release();
        return 0;
      },
    };
    expect(() => m.get(evil as never)).toThrow(TypeError);
    expect(() => m.set(0, evil)).toThrow(new TypeError("memoryview: invalid type for format 'B'"));
    expect(() => m.slice(evil as never)).toThrow(TypeError);
    expect(() => m.cast("B", [evil as never])).toThrow(TypeError);
    expect(called).toBe(false);
    expect(m.released).toBe(false);
  });

  it("refuses bad slice bounds and steps", () => {
    const m = fresh();
    expect(() => m.slice(0.5)).toThrow(
      new TypeError("slice indices must be integers or None or have an __index__ method"),
    );
    expect(() => m.slice(null, null, 0)).toThrow(new ValueError("slice step cannot be zero"));
    expect(m.slice(-(2n ** 80n), 2n ** 80n, 2n ** 80n).length).toBe(1);
  });
});

describe("values", () => {
  it("refuses values of the wrong kind per format, leaving memory untouched", () => {
    const cases: [string, unknown, string][] = [
      ["B", "1", "TypeError"],
      ["B", null, "TypeError"],
      ["B", 1.5, "TypeError"],
      ["B", Number.NaN, "TypeError"],
      ["B", -0, "TypeError"],
      ["B", 256, "ValueError"],
      ["B", 2n ** 64n, "ValueError"],
      ["d", "1", "TypeError"],
      ["d", 10n ** 400n, "ValueError"],
      ["c", new Uint8Array(2), "ValueError"],
      ["c", "a", "TypeError"],
      ["e", 1e6, "ValueError"],
      ["Q", -1, "ValueError"],
      ["q", 1.5, "TypeError"],
    ];
    for (const [format, value, error] of cases) {
      const memory = new Uint8Array(16).fill(0xab);
      const m = memoryview(new NDBuffer(memory.buffer, { shape: [16], format: "B" })).cast(format);
      let thrown: unknown;
      try {
        m.set(0, value);
      } catch (e) {
        thrown = e;
      }
      expect(pythonErrorName(thrown), `${format} = ${String(value)}`).toBe(error);
      expect([...memory].every((b) => b === 0xab)).toBe(true);
    }
  });

  it("packs ? by Python truth (NaN and non-empty arrays are true)", () => {
    const memory = new Uint8Array(6);
    const m = memoryview(new NDBuffer(memory.buffer, { shape: [6], format: "?" }));
    [Number.NaN, [], [0], "", new Uint8Array(0), {}].forEach((v, i) => {
      m.set(i, v);
    });
    expect([...memory]).toEqual([1, 0, 1, 0, 0, 1]);
  });
});

describe("memory that changes under a view", () => {
  it("raises ValueError when the ArrayBuffer is detached", () => {
    const memory = new Uint8Array([1, 2, 3, 4]).buffer;
    const m = memoryview(new NDBuffer(memory, { shape: [4] }));
    const s = m.slice(1);
    structuredClone(memory, { transfer: [memory] });
    for (const op of [
      () => m.toList(),
      () => m.toBytes(),
      () => m.hex(),
      () => m.get(0),
      () => m.set(0, 1),
      () => s.toList(),
      () => [...s],
      () => m.equals(s),
      () => m.count(1),
    ]) {
      expect(op).toThrow(ValueError);
    }
    expect(m.shape).toEqual([4]);
    m.release();
    s.release();
  });

  it("raises ValueError when a resizable buffer shrinks, and works again when it grows", () => {
    const memory = new ArrayBuffer(8, { maxByteLength: 16 });
    new Uint8Array(memory).set([1, 2, 3, 4, 5, 6, 7, 8]);
    const m = memoryview(new NDBuffer(memory, { shape: [8] }));
    memory.resize(4);
    expect(() => m.toList()).toThrow(ValueError);
    expect(() => m.get(7)).toThrow(ValueError);
    expect(m.get(0)).toBe(1);
    expect(m.slice(0, 4).toList()).toEqual([1, 2, 3, 4]);
    memory.resize(8);
    expect(m.toList()).toEqual([1, 2, 3, 4, 0, 0, 0, 0]);
  });
});

describe("shared memory", () => {
  it("works over a growable SharedArrayBuffer (WebAssembly.Memory's kind)", () => {
    const sab = new SharedArrayBuffer(8, { maxByteLength: 16 });
    new Uint8Array(sab).set([1, 2, 3, 4, 5, 6, 7, 8]);
    const m = memoryview(new NDBuffer(sab, { shape: [8] }));
    expect(m.hex()).toBe("0102030405060708");
    expect([...m.slice(null, null, -2).toBytes()]).toEqual([8, 6, 4, 2]);
    expect(m.cast("I").toList()).toEqual([0x04030201, 0x08070605]);
    sab.grow(16);
    m.set(7, 9);
    expect(m.get(7)).toBe(9);
    expect(m.equals(m)).toBe(true);
  });
});

describe("method arguments", () => {
  it("checks tobytes, hex, cast, index and Slice arguments like CPython", () => {
    const m = fresh();
    expect(() => m.toBytes(1 as never)).toThrow(
      new TypeError("tobytes() argument 'order' must be str or None, not int"),
    );
    expect(() => m.hex(":", 0.5 as never)).toThrow(TypeError);
    expect(() => m.cast(Symbol("B") as never)).toThrow(TypeError);
    expect(() => m.index(0, "1" as never)).toThrow(
      new TypeError("slice indices must be integers or have an __index__ method"),
    );
    expect(new Slice(undefined, 2).stop).toBe(2);
    expect(() => m.set(new Slice(), [1, 2, 3, 4])).toThrow(
      new TypeError("a bytes-like object is required, not 'list'"),
    );
  });
});

describe("a memoryview as an exporter, asked with junk flags", () => {
  it("checks the flags as getBuffer does", () => {
    const m = memoryview(new NDBuffer(new ArrayBuffer(2), { shape: [2] }));
    expect(() => m[bf_getbuffer](2n as never)).toThrow(
      new TypeError("flags must be a number, not a bigint"),
    );
    expect(() => m[bf_getbuffer](Symbol("f") as never)).toThrow(
      new TypeError("'symbol' object cannot be interpreted as an integer"),
    );
  });
});
