/**
 * Fuzzing: exporters that return random view-like objects (wrong types, NaN and
 * fractional numbers, negative shapes, huge strides, lengths that disagree, pointers
 * anywhere). getBuffer either refuses with one of our errors or returns a view on
 * which every operation works or fails cleanly; nothing else may escape, nothing may
 * hang, and bytes outside the layout are never written.
 */
import { pythonErrorName } from "@pybuffer/struct";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bf_getbuffer, getBuffer, releaseBuffer } from "../src/exporter.js";
import { PyBUF_FULL } from "../src/flags.js";
import { fromContiguous } from "../src/from-contiguous.js";
import { getPointer } from "../src/pointer.js";
import { toContiguous } from "../src/to-contiguous.js";
import type { BufferView } from "../src/view.js";

const number = fc.oneof(
  fc.integer({ min: -4, max: 40 }),
  fc.constantFrom(Number.NaN, 0.5, -0, Number.POSITIVE_INFINITY, 2 ** 53, -(2 ** 31), 2 ** 40),
);
const array = fc.oneof(fc.constant(null), fc.array(number, { maxLength: 4 }), fc.constant("12"));

const plausible = fc
  .record({
    memlen: fc.integer({ min: 0, max: 64 }),
    buf: fc.integer({ min: 0, max: 40 }),
    itemsize: fc.integer({ min: 1, max: 4 }),
    shape: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
    strides: fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 3, maxLength: 3 }),
    indirect: fc.boolean(),
  })
  .map(({ memlen, buf, itemsize, shape, strides, indirect }) => ({
    memory: new ArrayBuffer(memlen),
    buf,
    len: shape.reduce((a, b) => a * b, 1) * itemsize,
    readonly: false,
    itemsize,
    format: null,
    ndim: shape.length,
    shape,
    strides: strides.slice(0, shape.length),
    suboffsets: indirect && shape.length > 0 ? shape.map((_, i) => (i === 0 ? 0 : -1)) : null,
    abi: "lp64",
  }));

const junkField = fc.oneof(
  fc.record({ memory: fc.constantFrom(new Uint8Array(8), null) }),
  fc.record({ buf: number }),
  fc.record({ len: number }),
  fc.record({ readonly: fc.constant(0) }),
  fc.record({ itemsize: number }),
  fc.record({ format: fc.constant(3) }),
  fc.record({ ndim: number }),
  fc.record({ shape: array }),
  fc.record({ strides: array }),
  fc.record({ suboffsets: array }),
  fc.record({ abi: fc.constantFrom(undefined, "x") }),
);

const junk = fc
  .tuple(plausible, fc.option(junkField, { freq: 2 }))
  .map(([base, field]) => ({ ...base, ...(field ?? {}) }));

function ours(error: unknown): boolean {
  return ["BufferError", "ValueError", "TypeError", "OverflowError"].includes(
    pythonErrorName(error) ?? "",
  );
}

describe("hostile views from exporters", () => {
  it("are refused cleanly or work", () => {
    let accepted = 0;
    fc.assert(
      fc.property(junk, fc.integer({ min: 0, max: 255 }), (fields, fill) => {
        if (fields.memory instanceof ArrayBuffer) new Uint8Array(fields.memory).fill(fill % 24);
        const exporter = { [bf_getbuffer]: () => ({ obj: null, internal: null, ...fields }) };
        let view: BufferView;
        try {
          view = getBuffer(exporter, PyBUF_FULL);
        } catch (error) {
          expect(ours(error), String(error)).toBe(true);
          return;
        }
        accepted++;
        const memory = view.memory as ArrayBuffer;
        const guard = new Uint8Array(memory).slice();
        for (const op of [
          () => toContiguous(view, "C"),
          () => toContiguous(view, "F"),
          () => fromContiguous(view, toContiguous(view, "C"), "C"),
          () => getPointer(view, new Array(view.ndim).fill(0)),
        ]) {
          try {
            op();
          } catch (error) {
            expect(ours(error), String(error)).toBe(true);
          }
        }
        // Writing back what was read changes nothing.
        expect(new Uint8Array(memory)).toEqual(guard);
        releaseBuffer(view);
      }),
      { numRuns: 3000 },
    );
    // Not hollow: a fair share of the random views is consistent and gets exercised.
    expect(accepted).toBeGreaterThan(30);
  });
});
