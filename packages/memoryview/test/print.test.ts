/**
 * How a memoryview prints (`String(m)`, `console.log(m)`): CPython's `<memory>` with the
 * layout and the first items, `<released memory>` after release; only the view's own
 * items are read.
 */
import { inspect } from "node:util";
import { NDBuffer } from "@pybuffer/core";
import { describe, expect, it } from "vitest";
import { memoryview } from "../src/index.js";

const bytes = (...values: number[]) =>
  new NDBuffer(new Uint8Array(values).buffer, { shape: [values.length] });

describe("printing a memoryview", () => {
  it("shows the format, shape, strides, read-only flag and items", () => {
    const m = memoryview(bytes(1, 2, 3));
    const text = "<memory format='B' shape=(3,) strides=(1,) readonly=False [1, 2, 3]>";
    expect(String(m)).toBe(text);
    expect(inspect(m)).toBe(text);
    expect(`${m}`).toBe(text);
  });

  it("a slice shows its own items only, in its order", () => {
    const m = memoryview(bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)).slice(7, 1, -2);
    expect(String(m)).toBe("<memory format='B' shape=(3,) strides=(-2,) readonly=False [7, 5, 3]>");
  });

  it("casts: n-d, floats and characters", () => {
    const m = memoryview(bytes(...new Uint8Array(new Float64Array([0.5, 1, 2, 3]).buffer)));
    expect(String(m.cast("d", [2, 2]))).toBe(
      "<memory format='d' shape=(2, 2) strides=(16, 8) readonly=False [[0.5, 1.0], [2.0, 3.0]]>",
    );
    expect(String(memoryview(bytes(104, 0)).cast("c"))).toBe(
      "<memory format='c' shape=(2,) strides=(1,) readonly=False [b'h', b'\\x00']>",
    );
  });

  it("a long view is elided", () => {
    const m = memoryview(bytes(...new Array(300).fill(7)));
    expect(String(m)).toBe(
      "<memory format='B' shape=(300,) strides=(1,) readonly=False [7, 7, 7, 7, 7, 7, 7, 7, ...]>",
    );
  });

  it("read-only views and released ones", () => {
    const m = memoryview(bytes(1)).toReadOnly();
    expect(String(m)).toContain("readonly=True [1]");
    m.release();
    expect(String(m)).toBe("<released memory>");
    expect(inspect(m)).toBe("<released memory>");
  });

  it("a view whose memory was detached says so instead of reading", () => {
    const memory = new Uint8Array([1, 2]).buffer;
    const m = memoryview(new NDBuffer(memory, { shape: [2] }));
    structuredClone(memory, { transfer: [memory] });
    expect(String(m)).toMatch(
      /^<memory format='B' shape=\(2,\) strides=\(1,\) readonly=False \(items unreadable: ValueError: .*\)>$/,
    );
  });
});
