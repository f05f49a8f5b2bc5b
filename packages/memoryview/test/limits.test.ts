/**
 * Issue #19 items 2 and 8: a view of few bytes can have any number of items (a zero
 * stride); its list, bytes or hex that cannot be made is `MemoryError` up front, as
 * CPython 3.13 raises (internal/oracle/vectors/core_limits.json), never a RangeError
 * or a process killed by the out-of-memory handler.
 */
import { NDBuffer } from "@pybuffer/core";
import { loadVectors } from "@pybuffer-internal/oracle";
import { describe, expect, it } from "vitest";
import { MemoryError, memoryview, pythonErrorName } from "../src/index.js";
import { MAX_LIST_ITEMS } from "../src/to-list.js";

type Outcome = { ok: unknown } | { error: string; message: string };
const { cases } = loadVectors<{ cases: { name: string; result: Outcome }[] }>("core_limits");
const oracle = (name: string): Outcome => cases.find((c) => c.name === name)?.result as Outcome;

function outcome(fn: () => unknown): Outcome {
  try {
    return { ok: fn() };
  } catch (error) {
    return { error: pythonErrorName(error) ?? "?", message: (error as Error).message };
  }
}

const zeroStride = (n: number, format = "B") =>
  memoryview(new NDBuffer(new ArrayBuffer(8), { shape: [n], strides: [0], format }));

describe("zero-stride views of many items", () => {
  it("toList of 2**31 items: MemoryError before anything is built", () => {
    expect(outcome(() => (zeroStride(2 ** 31).toList() as unknown[]).length)).toEqual(
      oracle("tolist 2**31"),
    );
  });

  it("toList's limit counts items over every dimension and format", () => {
    const nd = new NDBuffer(new ArrayBuffer(8), {
      shape: [2 ** 13, 2 ** 13, 2],
      strides: [0, 0, 0],
      format: "d",
    });
    expect(() => memoryview(nd).toList()).toThrow(MemoryError);
    expect((zeroStride(1000, "<i").toList() as unknown[]).length).toBe(1000);
    expect(MAX_LIST_ITEMS).toBe(2 ** 26);
  });

  // Found by fuzzing (a 128-byte .npy of shape (1000000000, 0) through loadNpy): no item,
  // but a billion empty arrays, which ended the process out of memory.
  it("toList's limit counts the arrays that hold the items too", () => {
    const empty = (shape: number[]) =>
      memoryview(new NDBuffer(new ArrayBuffer(8), { shape, strides: shape.map(() => 0) }));
    expect(() => empty([10 ** 9, 0]).toList()).toThrow(MemoryError);
    expect(() => empty([2 ** 13, 2 ** 13 + 1, 0]).toList()).toThrow(MemoryError);
    const few = empty([3, 0]).toList();
    expect(few).toEqual([[], [], []]);
    expect(empty([2, 4]).toList()).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
  });

  it("toBytes and hex of more items than can be allocated: MemoryError", () => {
    // CPython's vectors were made at 2**33 under a 4 GiB memory limit. Node 22+ allocate
    // 8 GiB where the machine has it, so the test asks for 2**50 bytes, which none allocates.
    expect(outcome(() => zeroStride(2 ** 50).toBytes().length)).toEqual(oracle("tobytes 2**33"));
    expect(outcome(() => zeroStride(2 ** 50).hex().length)).toEqual(oracle("hex 2**33"));
  });

  it("a hex string longer than the engine's strings: MemoryError", () => {
    expect(() => zeroStride(2 ** 28 + 16).hex()).toThrow(MemoryError);
  });
});
