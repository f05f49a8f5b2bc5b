/**
 * fromTypedArray reuses the layout of the previous call with the same inputs: the reuse
 * must never change a result, nor let a changed options array or a shared layout widen
 * what a view reaches.
 */
import { getBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { ValueError } from "@pybuffer/struct";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromTypedArray } from "../src/index.js";
import { resolveLayout } from "../src/layout.js";

function exported(ta: ArrayBufferView, options?: Parameters<typeof fromTypedArray>[1]) {
  const view = getBuffer(fromTypedArray(ta, options), PyBUF_FULL_RO);
  const fields = { buf: view.buf, len: view.len, shape: view.shape, strides: view.strides };
  releaseBuffer(view);
  return fields;
}

describe("the layout of repeated wraps", () => {
  it("gives the same views as a fresh resolution", () => {
    const bytes = new Uint8Array(64);
    const first = exported(bytes, { shape: [10], offset: 10 });
    const again = exported(bytes, { shape: [10], offset: 10 });
    expect(again).toEqual(first);
    expect(first).toEqual({ buf: 10, len: 10, shape: [10], strides: [1] });
  });

  it("sees an options array changed between calls", () => {
    const bytes = new Uint8Array(64);
    const shape = [4, 4];
    expect(exported(bytes, { shape, offset: 0, strides: [16, 1] }).shape).toEqual([4, 4]);
    shape[0] = 2;
    expect(exported(bytes, { shape, offset: 0, strides: [16, 1] }).shape).toEqual([2, 4]);
    shape[0] = 5; // now reaches byte 64 + 15: refused, not served from the last layout
    expect(() => fromTypedArray(bytes, { shape, offset: 0, strides: [16, 1] })).toThrow(ValueError);
  });

  it("checks each region: the same options over a shorter array are refused", () => {
    const pool = new Uint8Array(64);
    expect(exported(pool.subarray(0, 32), { shape: [10], offset: 20 }).len).toBe(10);
    expect(() => fromTypedArray(pool.subarray(0, 24), { shape: [10], offset: 20 })).toThrow(
      "fromTypedArray: the layout reaches bytes 20 to 30, outside the source's 24 bytes",
    );
  });

  it("hands out frozen copies of the layout it keeps", () => {
    const bytes = new Uint8Array(16);
    const exporter = fromTypedArray(bytes, { shape: [4], offset: 4 });
    const layout = exporter.layout;
    expect(Object.isFrozen(layout) && Object.isFrozen(layout.shape)).toBe(true);
    expect(() => {
      (layout.shape as number[])[0] = 1000;
    }).toThrow(TypeError);
    expect(exported(bytes, { shape: [4], offset: 4 }).shape).toEqual([4]);
    expect(exporter.layout).not.toBe(layout);
  });

  it("resolves an options object with getters from the values it read once", () => {
    const bytes = new Uint8Array(8);
    let reads = 0;
    const options = {
      get shape() {
        reads++;
        return reads === 1 ? [8] : [1000];
      },
    };
    expect(exported(bytes, options).shape).toEqual([8]);
    expect(reads).toBe(1);
  });
});

describe("the cache against a fresh resolution (property)", () => {
  it("gives what resolveLayout gives, for any sequence of wraps", () => {
    const dims = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 });
    const wrap = fc.record({
      bytes: fc.integer({ min: 0, max: 48 }),
      options: fc.record(
        {
          shape: dims,
          strides: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 1, maxLength: 3 }),
          offset: fc.integer({ min: 0, max: 50 }),
        },
        { requiredKeys: [] },
      ),
    });
    fc.assert(
      fc.property(fc.array(wrap, { minLength: 1, maxLength: 8 }), (wraps) => {
        // Each wrap twice, so that the second one is served by the cache.
        for (const { bytes, options } of wraps.flatMap((w) => [w, w])) {
          const source = new Uint8Array(64).subarray(3, 3 + bytes);
          let expected: unknown;
          try {
            const fresh = resolveLayout(bytes, "B", 1, options, "fromTypedArray");
            expected = { buf: 3 + fresh.offset, shape: fresh.shape, strides: fresh.strides };
          } catch (error) {
            expected = (error as Error).message;
          }
          let actual: unknown;
          try {
            const view = getBuffer(fromTypedArray(source, options), PyBUF_FULL_RO);
            actual = { buf: view.buf, shape: view.shape, strides: view.strides };
            releaseBuffer(view);
          } catch (error) {
            actual = (error as Error).message;
          }
          expect(actual).toEqual(expected);
        }
      }),
      { numRuns: 400 },
    );
  });
});
