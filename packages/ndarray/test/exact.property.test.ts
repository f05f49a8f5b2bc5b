/**
 * Exactness over random layouts: every element read through the export (core's
 * `getPointer` and struct's unpacking) equals the library's own `get`; writes through
 * either side are seen by the other; and the round trip back into each library shares
 * the memory, checked by writing.
 */
import { getBuffer, getPointer, PyBUF_FULL, releaseBuffer } from "@pybuffer/core";
import { packInto, unpackFrom } from "@pybuffer/struct";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromNdarray, toNdarray, toStdlib } from "../src/index.js";
import { arrays, indices, type Made, plain } from "./arrays.js";
import { STDLIB_ARRAYS, Stdlib, scijs } from "./libs.js";

function theirs(m: Made, idx: number[]): unknown {
  const v = m.x.get(...idx);
  // stdlib's bool over a plain Uint8Array reads 0/1; BooleanArray reads booleans.
  return m.kind.dtype === "bool" ? Boolean(v) : plain(v);
}

describe("exports over random layouts", () => {
  it("read what the library reads, and see each other's writes", () => {
    fc.assert(
      fc.property(arrays, fc.nat({ max: 999 }), (m, pick) => {
        const view = getBuffer(fromNdarray(m.x as never), PyBUF_FULL);
        try {
          expect(view.memory).toBe(m.buffer);
          const all = indices(m.shape);
          for (const idx of all) {
            const ours = unpackFrom(view.format as string, view.memory, getPointer(view, idx))[0];
            expect(plain(ours)).toEqual(theirs(m, idx));
          }
          if (all.length === 0) return;
          const idx = all[pick % all.length] as number[];
          const fresh = m.kind.value(1000 + pick);
          m.x.set(...idx, fresh);
          const seen = unpackFrom(view.format as string, view.memory, getPointer(view, idx))[0];
          expect(plain(seen)).toEqual(plain(m.kind.value(1000 + pick)));
          const back = m.kind.value(2000 + pick);
          packInto(view.format as string, view.memory, getPointer(view, idx), back);
          expect(theirs(m, idx)).toEqual(plain(back));
        } finally {
          releaseBuffer(view);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("come back into each library over the same memory", () => {
    fc.assert(
      fc.property(arrays, fc.nat({ max: 999 }), (m, pick) => {
        const exporter = fromNdarray(m.x as never);
        const back =
          m.kind.lib === "scijs"
            ? (toNdarray(exporter, scijs) as unknown as Made["x"])
            : (toStdlib(exporter, Stdlib, STDLIB_ARRAYS) as unknown as Made["x"]);
        expect((back.data as { buffer: ArrayBuffer }).buffer).toBe(m.buffer);
        const all = indices(m.shape);
        for (const idx of all) expect(plain(back.get(...idx))).toEqual(plain(m.x.get(...idx)));
        if (all.length === 0) return;
        const idx = all[pick % all.length] as number[];
        back.set(...idx, m.kind.value(3000 + pick));
        expect(theirs(m, idx)).toEqual(plain(m.kind.value(3000 + pick)));
      }),
      { numRuns: 400 },
    );
  });

  it("cross from stdlib to scijs and back where both have the dtype", () => {
    fc.assert(
      fc.property(arrays, (m) => {
        fc.pre(
          m.kind.lib === "stdlib" && !["bool", "complex64", "complex128"].includes(m.kind.dtype),
        );
        const s = toNdarray(fromNdarray(m.x as never), scijs);
        const again = toStdlib(fromNdarray(s), Stdlib);
        expect((again.data as Float64Array).buffer).toBe(m.buffer);
        for (const idx of indices(m.shape)) expect(again.get(...idx)).toEqual(m.x.get(...idx));
      }),
      { numRuns: 200 },
    );
  });
});
