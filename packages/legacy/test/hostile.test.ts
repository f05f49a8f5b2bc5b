/**
 * Every public entry point against a catalogue of hostile values: each call returns a
 * value of the promised type or throws one of the family's errors (or TypeError), never
 * anything else, and never hangs.
 */
import { MemoryError, pythonErrorName } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import {
  alloc,
  asCharBuffer,
  asReadBuffer,
  asWriteBuffer,
  type BufferObject,
  buffer,
  checkReadBuffer,
  fromMemory,
  fromObject,
  fromReadWriteMemory,
  fromReadWriteObject,
  isBuffer,
  Py_END_OF_BUFFER,
  stringHash,
} from "../src/index.js";
import { bytes } from "./helpers/exporters.js";

const HOSTILE: readonly unknown[] = [
  undefined,
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  1.5,
  -1,
  2 ** 53,
  2 ** 64,
  -(2 ** 64),
  2n ** 64n,
  -(2n ** 64n),
  2n ** 63n - 1n,
  "",
  "3",
  Symbol("s"),
  {},
  [],
  [1, 2],
  () => 1,
  { valueOf: () => 1 },
  { [Symbol.toPrimitive]: () => 2 },
  new ArrayBuffer(2),
  new Int32Array(1),
  new DataView(new ArrayBuffer(2)),
  Object.create(null),
  true,
  { [Symbol.for("pybuffer.bf_getsegcount")]: () => -1 },
  { [Symbol.for("pybuffer.bf_getbuffer")]: () => null },
  { [Symbol.for("pybuffer.bf_getbuffer")]: () => ({ len: -1 }) },
];

function allowed(error: unknown): boolean {
  return pythonErrorName(error) !== undefined || error instanceof TypeError;
}

function survive(label: string, run: () => unknown, check: (value: unknown) => boolean): void {
  let value: unknown;
  try {
    value = run();
  } catch (error) {
    if (!allowed(error)) throw new Error(`${label}: unexpected ${String(error)}`);
    return;
  }
  if (!check(value)) throw new Error(`${label}: returned ${String(value)}`);
}

const isBytes = (v: unknown) => v instanceof Uint8Array;
const isBuf = (v: unknown) => isBuffer(v);

function fresh(): { ro: BufferObject; rw: BufferObject; mem: ArrayBuffer } {
  return {
    ro: buffer(bytes("abcdef"), 1),
    rw: fromReadWriteObject(bytes("abcdef"), 0, Py_END_OF_BUFFER),
    mem: new ArrayBuffer(8),
  };
}

describe("hostile input", () => {
  it("constructors refuse cleanly", () => {
    const call = buffer as (...args: unknown[]) => BufferObject;
    for (const x of HOSTILE) {
      const { mem } = fresh();
      const data = bytes("abc");
      survive("buffer(x)", () => call(x), isBuf);
      survive("buffer(b, x)", () => call(data, x), isBuf);
      survive("buffer(b, 0, x)", () => call(data, 0, x), isBuf);
      survive("buffer(b, 0, 1, x)", () => call(data, 0, 1, x), isBuf);
      survive("fromObject(x)", () => fromObject(x as object, 0, -1), isBuf);
      survive("fromObject(b, x)", () => fromObject(data, x as number, -1), isBuf);
      survive(
        "fromReadWriteObject(b, 0, x)",
        () => fromReadWriteObject(data, 0, x as number),
        isBuf,
      );
      survive("fromMemory(x)", () => fromMemory(x as ArrayBuffer, 1), isBuf);
      survive("fromMemory(m, x)", () => fromMemory(mem, x as number), isBuf);
      survive(
        "fromReadWriteMemory(m, x, 1)",
        () => fromReadWriteMemory(mem, x as number, 1),
        isBuf,
      );
      survive("alloc(x)", () => alloc(x as number), isBuf);
    }
  });

  it("operations refuse cleanly and leave the buffer usable", () => {
    for (const x of HOSTILE) {
      const { ro, rw } = fresh();
      const v = x as number;
      survive("get", () => ro.get(v), isBytes);
      survive("slice(x)", () => ro.slice(v), isBytes);
      survive("slice(0, x)", () => ro.slice(0, v), isBytes);
      survive("slice(0, 5, x)", () => ro.slice(0, 5, v), isBytes);
      survive(
        "set(x, v)",
        () => rw.set(v, bytes("z")),
        (r) => r === undefined,
      );
      survive(
        "set(0, x)",
        () => rw.set(0, x),
        (r) => r === undefined,
      );
      survive(
        "setSlice(x)",
        () => rw.setSlice(v, 1, bytes("z")),
        (r) => r === undefined,
      );
      survive(
        "setSlice(value x)",
        () => rw.setSlice(0, 1, x),
        (r) => r === undefined,
      );
      survive(
        "setSlice(step x)",
        () => rw.setSlice(0, 6, bytes("abc"), v),
        (r) => r === undefined,
      );
      survive(
        "concat",
        () => ro.concat(x),
        (r) => r === x || isBytes(r),
      );
      survive("repeat", () => ro.repeat(v), isBytes);
      survive(
        "compare",
        () => ro.compare(x),
        (r) => r === -1 || r === 0 || r === 1,
      );
      survive(
        "equals",
        () => ro.equals(x),
        (r) => typeof r === "boolean",
      );
      survive(
        "includes",
        () => ro.includes(x),
        (r) => typeof r === "boolean",
      );
      survive("asReadBuffer", () => asReadBuffer(x), isBytes);
      survive("asWriteBuffer", () => asWriteBuffer(x), isBytes);
      survive("asCharBuffer", () => asCharBuffer(x), isBytes);
      expect(typeof checkReadBuffer(x)).toBe("boolean");
      expect(ro.toString()).toBe("bcdef");
      expect(rw.length).toBe(6);
    }
  });

  it("huge and negative sizes never allocate or loop", () => {
    expect(() => alloc(2 ** 40)).toThrow(MemoryError);
    expect(() => alloc(-1)).toThrow("size must be zero or positive");
    expect(buffer(bytes("a"), 2 ** 62).length).toBe(0);
    expect(buffer(bytes("abc"), 0, 2n ** 63n - 1n).length).toBe(3);
    expect(() => buffer(bytes("a")).repeat(2n ** 62n)).toThrow("result too large");
    expect(fromMemory(new ArrayBuffer(0), 0).toBytes()).toEqual(new Uint8Array(0));
  });
});

describe("stringHash given junk", () => {
  it("wants a Uint8Array", () => {
    expect(() => stringHash(null as never)).toThrow(
      new TypeError("stringHash() argument must be a Uint8Array, not 'NoneType'"),
    );
  });
});
