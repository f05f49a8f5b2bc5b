/**
 * scijs and stdlib arrays through the umbrella: accepted wherever an exporter is, by
 * lookup, and `tolist()` through `memoryview` equals the library's own element reads
 * over random shapes, strides and offsets.
 */
import Complex128Array from "@stdlib/array/complex128";
import Stdlib from "@stdlib/ndarray/ctor";
import fc from "fast-check";
import scijs from "ndarray";
import { describe, expect, it } from "vitest";
import * as pybuffer from "../src/index.js";

const {
  memoryview,
  getBuffer,
  checkBuffer,
  copyData,
  releaseBuffer,
  PyBUF_FULL_RO,
  unpack,
  iterUnpack,
} = pybuffer;

type Getter = { get(...i: number[]): unknown };

/** The library's elements as nested lists, read through its own `get`. */
function nested(x: Getter, shape: readonly number[], prefix: number[] = []): unknown {
  if (prefix.length === shape.length) {
    const v = x.get(...prefix);
    if (typeof v !== "object" || v === null) return v;
    const z = v as { re: number; im: number };
    return { re: z.re, im: z.im };
  }
  return Array.from({ length: shape[prefix.length] as number }, (_, i) =>
    nested(x, shape, [...prefix, i]),
  );
}

const layouts = fc
  .array(fc.record({ n: fc.integer({ min: 0, max: 4 }), s: fc.integer({ min: -5, max: 5 }) }), {
    maxLength: 3,
  })
  .chain((dims) =>
    fc.record({
      dims: fc.constant(dims),
      lead: fc.nat(3),
      stdlib: fc.boolean(),
      complex: fc.boolean(),
    }),
  );

describe("memoryview() of scijs and stdlib arrays", () => {
  it("tolist() equals the library's own reads", () => {
    fc.assert(
      fc.property(layouts, ({ dims, lead, stdlib, complex }) => {
        const shape = dims.map((d) => d.n);
        const strides = dims.map((d) => d.s);
        let offset = lead;
        let span = 1;
        for (const { n, s } of dims) {
          if (n === 0) continue;
          if (s < 0) offset -= (n - 1) * s;
          span += (n - 1) * Math.abs(s);
        }
        const length = offset + span + 2;
        let x: Getter;
        if (!stdlib) {
          x = scijs(
            Float64Array.from({ length }, (_, i) => i * 0.5 - 3),
            shape,
            strides,
            offset,
          );
        } else {
          const data = complex
            ? new Complex128Array(Float64Array.from({ length: 2 * length }, (_, i) => i - 4))
            : Int16Array.from({ length }, (_, i) => i * 301 - 1000);
          x = new Stdlib(
            complex ? "complex128" : "int16",
            data as Int16Array,
            shape,
            shape.length ? strides : [0],
            offset,
            "row-major",
          );
        }
        const m = memoryview(x);
        expect(m.toList()).toEqual(nested(x, shape));
        m.release();
      }),
      { numRuns: 300 },
    );
  });

  it("shares memory and is accepted by getBuffer, checkBuffer, copyData and unpack", () => {
    const data = new Float64Array([1, 2, 3, 4, 5, 6]);
    const x = scijs(data, [2, 3]);
    expect(checkBuffer(x)).toBe(true);
    const m = memoryview(x.transpose(1, 0));
    expect([m.format, m.shape, m.strides]).toEqual(["d", [3, 2], [8, 24]]);
    m.set([2, 1], 60);
    expect(data[5]).toBe(60);
    const view = getBuffer(x, PyBUF_FULL_RO);
    expect(view.memory).toBe(data.buffer);
    releaseBuffer(view);
    const dest = scijs(new Float64Array(6), [2, 3]);
    copyData(dest, x);
    expect(Array.from(dest.data)).toEqual([1, 2, 3, 4, 5, 60]);
    expect(unpack("<2d", scijs(data).hi(2))).toEqual([1, 2]);
    expect([...iterUnpack("<d", scijs(data).lo(4))]).toEqual([[5], [60]]);
    const generic = scijs([1, 2, 3]);
    expect(checkBuffer(generic)).toBe(true);
    expect(() => memoryview(generic)).toThrow(TypeError);
  });
});
