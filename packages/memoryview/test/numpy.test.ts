/**
 * Multi-dimensional slicing and N-d slice assignment (extensions: CPython's memoryview
 * raises NotImplementedError) against NumPy's basic slicing, live: random strided
 * exporters, one random slice per leading dimension; shapes, strides, items and bytes
 * must agree, and assignment must write the same bytes as NumPy's.
 */

import { NDBuffer } from "@pybuffer/core";
import { describeWithPython } from "@pybuffer-internal/oracle";
import fc from "fast-check";
import { expect, it } from "vitest";
import { type MemoryView, memoryview, Slice } from "../src/index.js";

interface Spec {
  code: "B" | "h" | "i" | "d";
  shape: number[];
  mult: number[];
  keys: [number | null, number | null, number | null][];
}

const SIZES = { B: 1, h: 2, i: 4, d: 8 } as const;
const bound = fc.option(fc.integer({ min: -6, max: 6 }), { nil: null });
const specs = fc.record({
  code: fc.constantFrom("B", "h", "i", "d"),
  shape: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
  mult: fc.array(fc.constantFrom(-2, -1, 1, 2), { minLength: 3, maxLength: 3 }),
  keys: fc.array(fc.tuple(bound, bound, fc.constantFrom(null, 1, 2, -1, -2, 3)), {
    minLength: 1,
    maxLength: 3,
  }),
});

function build(spec: Spec): { desc: Record<string, unknown>; mem: Uint8Array; keys: Spec["keys"] } {
  const itemsize = SIZES[spec.code];
  const ndim = spec.shape.length;
  const strides = new Array<number>(ndim);
  let base = itemsize;
  for (let d = ndim - 1; d >= 0; d--) {
    // No item overlaps another: NumPy may write an overlapping target in another order.
    strides[d] = (spec.mult[d] as number) * base;
    base *= (spec.shape[d] as number) * Math.abs(spec.mult[d] as number);
  }
  let lo = 0;
  let hi = 0;
  for (let d = 0; d < ndim; d++) {
    const span = ((spec.shape[d] as number) - 1) * (strides[d] as number);
    if (span < 0) lo += span;
    else hi += span;
  }
  const mem = new Uint8Array(hi - lo + itemsize);
  for (let i = 0; i < mem.length; i++) mem[i] = (i * 7 + 3) & 0x3f; // no NaN for 'd'
  const offset = lo === 0 ? 0 : -lo;
  return {
    desc: { mem, fmt: spec.code, shape: spec.shape, strides, offset },
    mem,
    keys: spec.keys.slice(0, ndim),
  };
}

function view(spec: Spec, mem: Uint8Array, desc: Record<string, unknown>): MemoryView {
  return memoryview(
    new NDBuffer(mem.buffer, {
      shape: spec.shape,
      strides: desc.strides as number[],
      offset: desc.offset as number,
      format: spec.code,
    }),
  );
}

describeWithPython("numpy", "multi-dimensional slicing against NumPy", (python) => {
  it("slices like NumPy's basic slicing", async () => {
    const samples = fc
      .sample(specs, { numRuns: 300, seed: 3118 })
      .map((s) => ({ spec: s, ...build(s) }));
    const answers = await python().batch(
      "memoryview_numpy",
      "sliced",
      samples.map((c) => [c.desc, c.keys]),
    );
    samples.forEach((c, i) => {
      const m = view(c.spec, c.mem.slice(), c.desc);
      const sub = m.get(c.keys.map((k) => new Slice(...k))) as MemoryView;
      const expected = (answers[i] as { ok: { shape: number[]; strides: number[] } }).ok;
      // NumPy resets the stride of an empty result; CPython's slicing (and ours) keeps
      // stride * step. Strides of a view with no items address nothing.
      const empty = expected.shape.includes(0);
      const ours = {
        shape: sub.shape,
        strides: empty ? expected.strides : sub.strides,
        tolist: sub.toList(),
        tobytes: sub.toBytes(),
      };
      expect({ ok: ours }, `case ${i} ${JSON.stringify(c.keys)}`).toEqual(answers[i]);
    });
  });

  it("assigns to N-d slices as NumPy does", async () => {
    const samples = fc
      .sample(specs, { numRuns: 200, seed: 688 })
      .map((s) => ({ spec: s, ...build(s) }));
    const sources = samples.map((c) => {
      const sub = view(c.spec, c.mem.slice(), c.desc).get(
        c.keys.map((k) => new Slice(...k)),
      ) as MemoryView;
      const src = new Uint8Array(sub.nbytes);
      for (let i = 0; i < src.length; i++) src[i] = (i * 13 + 1) & 0x3f;
      return { src, shape: sub.shape };
    });
    const answers = await python().batch(
      "memoryview_numpy",
      "assigned",
      samples.map((c, i) => [c.desc, c.keys, (sources[i] as { src: Uint8Array }).src]),
    );
    samples.forEach((c, i) => {
      const { src, shape } = sources[i] as { src: Uint8Array; shape: number[] };
      const mem = c.mem.slice();
      const m = view(c.spec, mem, c.desc);
      const source = memoryview(new NDBuffer(src.slice().buffer, { shape, format: c.spec.code }));
      m.set(
        c.keys.map((k) => new Slice(...k)),
        source,
      );
      expect({ ok: mem }, `case ${i} ${JSON.stringify(c.keys)}`).toEqual(answers[i]);
    });
  });
});
