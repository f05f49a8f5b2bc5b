/**
 * In Chromium, which has `Float16Array`: scijs's `float16` arrays export as `e`, and `e`
 * views come back as `float16` arrays (Node 20 has no `Float16Array`, so only here).
 */
import { getBuffer, getPointer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { unpackFrom } from "@pybuffer/struct";
import scijs from "ndarray";
import { describe, expect, it } from "vitest";
import { fromNdarray, toNdarray } from "../src/index.js";

type F16 = new (values: number[]) => Float64Array;

describe("in Chromium", () => {
  it("runs in a browser, without Node globals", () => {
    expect(typeof window).toBe("object");
    expect((globalThis as { process?: unknown }).process).toBeUndefined();
  });

  it("exports float16 arrays as 'e' and makes them back over the same memory", () => {
    const Float16 = (globalThis as { Float16Array?: F16 }).Float16Array as F16;
    expect(Float16).toBeDefined(); // Chromium 135+
    const data = new Float16([0.5, -1.5, 2.25, 65504, 3, 4]);
    const x = scijs(data, [2, 3]).step(1, -1);
    const view = getBuffer(fromNdarray(x), PyBUF_FULL_RO);
    expect([view.format, view.itemsize, view.strides]).toEqual(["e", 2, [6, -2]]);
    expect(unpackFrom("<e", view.memory, getPointer(view, [0, 0]))[0]).toBe(2.25);
    expect(unpackFrom("<e", view.memory, getPointer(view, [1, 2]))[0]).toBe(65504);
    releaseBuffer(view);
    const y = toNdarray(fromNdarray(x), scijs);
    expect([y.dtype, y.get(1, 0), y.data.buffer === data.buffer]).toEqual(["float16", 4, true]);
  });
});
