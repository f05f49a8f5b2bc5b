/**
 * Issue #19 items 2 and 8: results and layouts too large for the platform give the
 * family's errors as CPython 3.13 does (internal/oracle/vectors/core_limits.json, made
 * under a 4 GiB address-space limit), never a RangeError or an aborted process.
 */
import { MemoryError, OverflowError, ValueError } from "@pybuffer/struct";
import { describe, expect, expectTypeOf, it } from "vitest";
import { allocating, allocBytes } from "../src/alloc.js";
import { MAX_BLOCKS } from "../src/copy/blocks.js";
import { getBuffer } from "../src/exporter.js";
import { PyBUF_FULL_RO } from "../src/flags.js";
import { NDBuffer } from "../src/nd-buffer.js";
import { fillContiguousStrides } from "../src/strides.js";
import { toContiguous } from "../src/to-contiguous.js";
import { outcomeOf } from "./support/helpers.js";
import { loadVectors } from "./support/oracle.js";

type Outcome = { ok: unknown } | { error: string; message: string };
const { cases } = loadVectors<{ cases: { name: string; result: Outcome }[] }>("core_limits");
const oracle = (name: string): Outcome => cases.find((c) => c.name === name)?.result as Outcome;

const zeroStride = (n: number): NDBuffer =>
  new NDBuffer(new ArrayBuffer(1), { shape: [n], strides: [0] });

describe("results too large to allocate", () => {
  it("toContiguous and toBytes of a zero-stride view too large to allocate: MemoryError", () => {
    // CPython's vectors were made at 2**33 under a 4 GiB memory limit. Node 22+ allocate
    // 8 GiB where the machine has it, so the test asks for 2**50 bytes, which none allocates.
    const nd = zeroStride(2 ** 50);
    const view = getBuffer(nd, PyBUF_FULL_RO);
    expect(outcomeOf(() => toContiguous(view, "C").length)).toEqual(oracle("to_contiguous 2**33"));
    expect(outcomeOf(() => nd.toBytes().length)).toEqual(oracle("tobytes 2**33"));
  });

  it("a PIL copy with more blocks than can be resolved: MemoryError before any work", () => {
    const memory = new ArrayBuffer(16);
    const nd = new NDBuffer(memory, {
      shape: [MAX_BLOCKS + 1, 1],
      strides: [0, 1],
      suboffsets: [0, -1],
      offset: 0,
    });
    expect(() => nd.toBytes()).toThrow(MemoryError);
  });
});

describe("contiguous strides past 2**53", () => {
  it("only the strides must fit, as CPython's (the size may overflow)", () => {
    expect(outcomeOf(() => fillContiguousStrides([2 ** 40, 2 ** 40], 8, "C"))).toEqual(
      oracle("strides C [2**40, 2**40] Q"),
    );
    expect(outcomeOf(() => fillContiguousStrides([2 ** 40, 2 ** 40], 8, "F"))).toEqual(
      oracle("strides F [2**40, 2**40] Q"),
    );
  });

  it("a stride that cannot be exact is OverflowError", () => {
    expect(() => fillContiguousStrides([2 ** 53 - 1, 2 ** 53 - 1, 0], 1, "F")).toThrow(
      OverflowError,
    );
    expect(() => fillContiguousStrides([2, 2 ** 52, 2], 1, "C")).toThrow(OverflowError);
  });

  it("NDBuffer refuses an empty array whose strides cannot be made, as NumPy", () => {
    expect(
      () => new NDBuffer(new ArrayBuffer(0), { shape: [2 ** 53 - 1, 2 ** 53 - 1, 0], order: "F" }),
    ).toThrow(
      new ValueError(
        "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
      ),
    );
    expect(new NDBuffer(new ArrayBuffer(0), { shape: [2 ** 53 - 1, 0] }).strides).toEqual([0, 1]);
  });
});

describe("allocBytes and allocating", () => {
  it("turn the platform's refusal into MemoryError and keep their types", () => {
    expectTypeOf(allocBytes(2)).toEqualTypeOf<Uint8Array<ArrayBuffer>>();
    expectTypeOf(allocating(() => new ArrayBuffer(1))).toEqualTypeOf<ArrayBuffer>();
    // @ts-expect-error: the count is a number
    expect(() => allocBytes("x")).not.toThrow();
    expect(allocBytes(2)).toEqual(new Uint8Array(2));
    expect(() => allocBytes(2 ** 60)).toThrow(new MemoryError(""));
    expect(() => allocating(() => new ArrayBuffer(-1))).toThrow(MemoryError);
    expect(() =>
      allocating(() => {
        throw new TypeError("not mine");
      }),
    ).toThrow(TypeError);
  });
});
