/**
 * Test models: random valid strided layouts (test_buffer's `rand_structure`, our own
 * version) and a naive reference copy that reads every item through getPointer.
 */
import fc from "fast-check";
import { type IndirectLayout, type StridedLayout, toSuboffsets } from "../../src/pil.js";
import { getPointer } from "../../src/pointer.js";
import type { BufferView } from "../../src/view.js";

/** A strided layout over `memlen` bytes. */
export interface RandomLayout {
  itemsize: number;
  shape: number[];
  strides: number[];
  offset: number;
  memlen: number;
}

/** Random valid layouts: ndim 0..maxdim, negative/zero strides, offsets, empty dims. */
export function layoutArbitrary(
  maxdim = 4,
  maxshape = 6,
  itemsizes = [1, 2, 3, 4, 8, 16],
): fc.Arbitrary<RandomLayout> {
  return fc
    .record({
      itemsize: fc.constantFrom(...itemsizes),
      shape: fc.array(
        fc.oneof(
          { weight: 1, arbitrary: fc.constant(0) },
          { weight: 12, arbitrary: fc.integer({ min: 1, max: maxshape }) },
        ),
        { maxLength: maxdim },
      ),
      factors: fc.array(
        fc.oneof(
          { weight: 1, arbitrary: fc.constant(0) },
          { weight: 10, arbitrary: fc.integer({ min: -4, max: 4 }) },
        ),
        { minLength: maxdim, maxLength: maxdim },
      ),
      before: fc.integer({ min: 0, max: 3 }),
      after: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ itemsize, shape, factors, before, after }) => {
      const strides = shape.map((_, i) => (factors[i] ?? 1) * itemsize);
      let imin = 0;
      let imax = 0;
      if (!shape.includes(0)) {
        shape.forEach((n, i) => {
          const span = (n - 1) * (strides[i] as number);
          if (span < 0) imin += span;
          else imax += span;
        });
      }
      const offset = -imin + before * itemsize;
      return {
        itemsize,
        shape,
        strides,
        offset,
        memlen: offset + imax + itemsize + after * itemsize,
      };
    });
}

/** Fills `memory` with a recognisable byte pattern. */
export function pattern(memlen: number, seed = 1): ArrayBuffer {
  const memory = new ArrayBuffer(memlen);
  const bytes = new Uint8Array(memory);
  for (let i = 0; i < memlen; i++) bytes[i] = (i * 31 + seed * 7 + (i >>> 8)) & 0xff;
  return memory;
}

/** `_testbuffer`'s ND_PIL conversion with a pointer size: {@link toSuboffsets}. */
export function toPil(data: ArrayBuffer, layout: StridedLayout, psize = 8): IndirectLayout {
  return toSuboffsets(data, layout, psize === 4 ? "wasm32" : "lp64");
}

/** Every index tuple of `shape`, in C or Fortran order. */
export function indices(shape: readonly number[], order: "C" | "F"): number[][] {
  if (shape.includes(0)) return [];
  const out: number[][] = [];
  const index = shape.map(() => 0);
  for (;;) {
    out.push(index.slice());
    let k = 0;
    for (; k < shape.length; k++) {
      const d = order === "F" ? k : shape.length - 1 - k;
      if ((index[d] as number) + 1 < (shape[d] as number)) {
        index[d] = (index[d] as number) + 1;
        break;
      }
      index[d] = 0;
    }
    if (k === shape.length) return out;
  }
}

/** The reference copy: every item read through getPointer, in `order`. */
export function naiveToBytes(view: BufferView, order: "C" | "F"): Uint8Array {
  const shape = view.shape ?? [];
  const out = new Uint8Array(view.len);
  let at = 0;
  for (const index of indices(shape, order)) {
    const ptr = getPointer(view, index);
    out.set(new Uint8Array(view.memory, ptr, view.itemsize), at);
    at += view.itemsize;
  }
  return out;
}
