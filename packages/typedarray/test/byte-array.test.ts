import { exportCount, getBuffer, PyBUF_FULL, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { BufferError, MemoryError, pythonErrorName } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { ByteArray } from "../src/byte-array.js";

describe("ByteArray", () => {
  it("is built from a size (zeros) or from bytes (copied)", () => {
    expect(new ByteArray(3).toBytes()).toEqual(new Uint8Array(3));
    const source = new Uint8Array([1, 2, 3]);
    const ba = new ByteArray(source);
    source[0] = 9;
    expect(ba.toBytes()).toEqual(new Uint8Array([1, 2, 3]));
    expect(new ByteArray([4, 5]).length).toBe(2);
    expect(new ByteArray().length).toBe(0);
    expect(new ByteArray(new Uint16Array([0x0201])).toBytes()).toEqual(new Uint8Array([1, 2]));
  });

  it("exports a writable B view of its current contents", () => {
    const ba = new ByteArray([1, 2, 3]);
    const view = getBuffer(ba, PyBUF_FULL);
    expect([view.obj, view.format, view.shape, view.readonly, view.len]).toEqual([
      ba,
      "B",
      [3],
      false,
      3,
    ]);
    new Uint8Array(view.memory, view.buf, view.len)[1] = 7;
    releaseBuffer(view);
    expect(ba.toBytes()).toEqual(new Uint8Array([1, 7, 3]));
  });

  it("refuses to resize while exported, with CPython's message", () => {
    const ba = new ByteArray([1, 2, 3]);
    const view = getBuffer(ba, PyBUF_FULL_RO);
    expect(ba.exports).toBe(1);
    expect(exportCount(ba)).toBe(1);
    expect(() => ba.resize(10)).toThrow(BufferError);
    expect(() => ba.resize(10)).toThrow("Existing exports of data: object cannot be re-sized");
    expect(() => ba.extend([4])).toThrow("Existing exports of data: object cannot be re-sized");
    expect(() => ba.resize(2)).toThrow(BufferError);
    ba.resize(3); // same size: allowed, as in CPython
    expect(ba.toBytes()).toEqual(new Uint8Array([1, 2, 3]));
    releaseBuffer(view);
    expect(ba.exports).toBe(0);
    ba.resize(5);
    expect(ba.toBytes()).toEqual(new Uint8Array([1, 2, 3, 0, 0]));
  });

  it("grows and shrinks, keeping its bytes, and exports the new size", () => {
    const ba = new ByteArray([1, 2]);
    for (let i = 0; i < 100; i++) ba.extend([i & 0xff]);
    expect(ba.length).toBe(102);
    expect(ba.toBytes().subarray(0, 4)).toEqual(new Uint8Array([1, 2, 0, 1]));
    ba.resize(1);
    expect(ba.toBytes()).toEqual(new Uint8Array([1]));
    ba.resize(3);
    expect(ba.toBytes()).toEqual(new Uint8Array([1, 0, 0]));
    const view = getBuffer(ba, PyBUF_FULL_RO);
    expect(view.shape).toEqual([3]);
    releaseBuffer(view);
    ba.extend(new Uint8Array(1000));
    expect(ba.length).toBe(1003);
  });

  it("counts exports through several views", () => {
    const ba = new ByteArray(4);
    const a = getBuffer(ba, PyBUF_FULL_RO);
    const b = getBuffer(ba, PyBUF_FULL_RO);
    releaseBuffer(a);
    expect(() => ba.resize(0)).toThrow(BufferError);
    releaseBuffer(b);
    releaseBuffer(b);
    ba.resize(0);
    expect(ba.length).toBe(0);
  });

  it("refuses bad arguments with CPython's messages", () => {
    const cases: [() => unknown, string, string][] = [
      [() => new ByteArray(-1), "ValueError", "negative count"],
      [() => new ByteArray(1.5), "TypeError", "cannot convert 'float' object to bytearray"],
      [
        () => new ByteArray(2 ** 70),
        "OverflowError",
        "cannot fit 'int' into an index-sized integer",
      ],
      [() => new ByteArray("abc" as never), "TypeError", "string argument without an encoding"],
      [
        () => new ByteArray(null as never),
        "TypeError",
        "cannot convert 'NoneType' object to bytearray",
      ],
      [
        () => new ByteArray({} as never),
        "TypeError",
        "cannot convert 'object' object to bytearray",
      ],
      [() => new ByteArray([1, 300]), "ValueError", "byte must be in range(0, 256)"],
      [() => new ByteArray([-1]), "ValueError", "byte must be in range(0, 256)"],
      [
        () => new ByteArray([1.5]),
        "TypeError",
        "'float' object cannot be interpreted as an integer",
      ],
      [
        () => new ByteArray(["a"] as never),
        "TypeError",
        "'str' object cannot be interpreted as an integer",
      ],
      [
        () => new ByteArray(1).resize(-1),
        "ValueError",
        "Can only resize to positive sizes, got -1",
      ],
      [
        () => new ByteArray(1).resize(1.5),
        "TypeError",
        "'float' object cannot be interpreted as an integer",
      ],
      [
        () => new ByteArray(1).resize("2" as never),
        "TypeError",
        "'str' object cannot be interpreted as an integer",
      ],
      [
        () => new ByteArray(1).resize(2 ** 70),
        "OverflowError",
        "Python int too large to convert to C ssize_t",
      ],
      [() => new ByteArray(1).extend(5 as never), "TypeError", "can't extend bytearray with int"],
      [
        () => new ByteArray(1).extend("ab" as never),
        "TypeError",
        "expected iterable of integers; got: 'str'",
      ],
      [() => new ByteArray(1).extend([256]), "ValueError", "byte must be in range(0, 256)"],
    ];
    for (const [run, name, message] of cases) {
      let error: unknown;
      try {
        run();
      } catch (e) {
        error = e;
      }
      expect([pythonErrorName(error), (error as Error)?.message]).toEqual([name, message]);
    }
  });

  it("accepts booleans as counts and any bytes-like value", () => {
    expect(new ByteArray(true).length).toBe(1);
    expect(new ByteArray([true, false] as never).toBytes()).toEqual(new Uint8Array([1, 0]));
    expect(new ByteArray(new Uint8Array([5, 6]).buffer).toBytes()).toEqual(new Uint8Array([5, 6]));
    const shared = new SharedArrayBuffer(2);
    new Uint8Array(shared)[1] = 9;
    expect(new ByteArray(shared).toBytes()).toEqual(new Uint8Array([0, 9]));
  });
});

describe("sizes the platform cannot allocate (issue #19 item 8)", () => {
  it("resize and construction past the engine's limits are MemoryError, as CPython", () => {
    // 2**50 bytes: Node 22+ would allocate 2**33 where the machine has the memory.
    const ba = new ByteArray(3);
    expect(() => ba.resize(2 ** 50)).toThrow(new MemoryError(""));
    expect(ba.length).toBe(3);
    expect(() => new ByteArray(2 ** 50)).toThrow(new MemoryError(""));
  });
});
