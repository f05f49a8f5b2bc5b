import { type BufferView, getBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromTypedArray } from "../src/from-typed-array.js";
import { toArrayBuffer } from "../src/to-data-view.js";
import { KINDS } from "./kinds-table.js";

const CTORS = KINDS.map(([ctor]) => ctor);

/** Byte addresses of every item of a strided view, in C order of indices. */
function itemAddresses(view: BufferView): number[] {
  const shape = view.shape ?? [];
  const strides = view.strides ?? [];
  const out: number[] = [];
  const walk = (dim: number, addr: number): void => {
    if (dim === shape.length) {
      out.push(addr);
      return;
    }
    for (let i = 0; i < (shape[dim] as number); i++)
      walk(dim + 1, addr + i * (strides[dim] as number));
  };
  walk(0, view.buf);
  return out;
}

const layouts = fc.record({
  ctor: fc.constantFrom(...CTORS),
  dims: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 3 }),
  before: fc.integer({ min: 0, max: 5 }),
  after: fc.integer({ min: 0, max: 5 }),
  permutation: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
  reversed: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
});

describe("an export covers exactly the TypedArray's bytes", () => {
  it("for any kind, position, shape, axis order and axis direction", () => {
    fc.assert(
      fc.property(layouts, ({ ctor, dims, before, after, permutation, reversed }) => {
        const size = ctor.BYTES_PER_ELEMENT;
        const count = dims.reduce((a, b) => a * b, 1);
        const memory = new ArrayBuffer((before + count + after) * size);
        const bytes = new Uint8Array(memory);
        bytes.fill(0xee);
        const ta = new ctor(memory, before * size, count);
        const mine = new Uint8Array(memory, before * size, count * size);
        for (let i = 0; i < mine.length; i++) mine[i] = i % 251;
        // C strides, then permute axes and reverse some: the same items, another order.
        const cStrides = dims.map((_, d) => dims.slice(d + 1).reduce((a, b) => a * b, size));
        const order = dims
          .map((_, d) => d)
          .sort((a, b) => (permutation[a] ?? 0) - (permutation[b] ?? 0));
        const shape = order.map((d) => dims[d] as number);
        let offset = 0;
        const strides = order.map((d, k) => {
          const stride = cStrides[d] as number;
          if (!reversed[k] || (shape[k] as number) === 0) return stride;
          offset += ((shape[k] as number) - 1) * stride;
          return -stride;
        });
        const exporter = fromTypedArray(ta, { shape, strides, offset: count === 0 ? 0 : offset });
        const view = getBuffer(exporter, PyBUF_FULL_RO);
        const addresses = itemAddresses(view).sort((a, b) => a - b);
        releaseBuffer(view);
        const expected = Array.from({ length: count }, (_, i) => before * size + i * size);
        expect(addresses).toEqual(expected);
        const copied = new Uint8Array(toArrayBuffer(exporter));
        expect(copied.length).toBe(count * size);
        expect(Array.from(copied).sort((a, b) => a - b)).toEqual(
          Array.from(mine).sort((a, b) => a - b),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("refuses any shape or stride that would reach past the array", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: -8, max: 8 }),
        fc.integer({ min: 0, max: 16 }),
        (length, n, stride, offset) => {
          const memory = new ArrayBuffer(64);
          const ta = new Uint8Array(memory, 16, length);
          let ok: boolean;
          try {
            fromTypedArray(ta, { shape: [n], strides: [stride], offset });
            ok = true;
          } catch {
            ok = false;
          }
          const first = offset;
          const last = offset + (n - 1) * stride;
          const inside = Math.min(first, last) >= 0 && Math.max(first, last) < length;
          expect(ok).toBe(inside);
        },
      ),
      { numRuns: 500 },
    );
  });
});
