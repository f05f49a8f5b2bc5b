/**
 * Replays internal/oracle/vectors/core_layouts.json: random `_testbuffer.ndarray`
 * layouts rebuilt as NDBuffers, with CPython's answers for every request flag,
 * isContiguous, getPointer and toContiguous in C, F and A order.
 */

import { describe, expect, it } from "vitest";
import { isContiguous } from "../src/contiguity.js";
import { getBuffer, releaseBuffer } from "../src/exporter.js";
import { NDBuffer } from "../src/nd-buffer.js";
import { getPointer } from "../src/pointer.js";
import { toContiguous } from "../src/to-contiguous.js";
import { outcomeOf, viewFieldsWithContiguity } from "./support/helpers.js";
import { loadVectors } from "./support/oracle.js";

interface Fields {
  ndim: number;
  shape: number[];
  strides: number[];
  suboffsets: number[];
  format: string;
  itemsize: number;
  readonly: boolean;
  len: number;
  contiguous: boolean[];
}

type Expected<T> = { ok: T } | { error: string; message: string };

interface LayoutCase {
  format: string;
  itemsize: number;
  shape: number[];
  strides: number[] | null;
  suboffsets: number[] | null;
  offset: number;
  order: "C" | "F";
  readonly: boolean;
  memory: Uint8Array;
  contiguous: boolean[];
  to_contiguous: Record<"C" | "F" | "A", Expected<Uint8Array>>;
  requests: [number, Expected<Fields>][];
  pointers: [number[], Expected<Uint8Array>][];
}

const { cases } = loadVectors<{ cases: LayoutCase[] }>("core_layouts");

function build(c: LayoutCase): NDBuffer {
  const memory = new ArrayBuffer(c.memory.length);
  new Uint8Array(memory).set(c.memory);
  return new NDBuffer(memory, {
    shape: c.shape,
    strides: c.strides,
    suboffsets: c.suboffsets,
    offset: c.offset,
    format: c.format,
    readonly: c.readonly,
    order: c.order,
  });
}

function label(c: LayoutCase, i: number): string {
  const pil = c.suboffsets === null ? "" : " PIL";
  return `#${i} ${c.format} shape=[${c.shape}] strides=[${c.strides ?? c.order}] offset=${c.offset}${pil}`;
}

describe("CPython _testbuffer layouts", () => {
  it("has a few hundred cases including PIL, 0-d, empty and Fortran layouts", () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.some((c) => c.suboffsets !== null)).toBe(true);
    expect(cases.some((c) => c.shape.length === 0)).toBe(true);
    expect(cases.some((c) => c.shape.includes(0))).toBe(true);
    expect(cases.some((c) => c.order === "F" && c.strides === null)).toBe(true);
  });

  cases.forEach((c, i) => {
    describe(label(c, i), () => {
      it("answers every request flag as _testbuffer does", () => {
        const nd = build(c);
        for (const [flags, expected] of c.requests) {
          const got = outcomeOf(() => {
            const view = getBuffer(nd, flags);
            const fields = viewFieldsWithContiguity(view);
            releaseBuffer(view);
            return fields;
          });
          expect({ flags, ...got }).toEqual({ flags, ...expected });
        }
        expect(nd.exports).toBe(0);
      });

      it("is contiguous exactly when CPython says so", () => {
        const view = getBuffer(build(c), 0x11c);
        expect((["C", "F", "A"] as const).map((o) => isContiguous(view, o))).toEqual(c.contiguous);
      });

      it("copies to C, F and A order as PyBuffer_ToContiguous", () => {
        const view = getBuffer(build(c), 0x11c);
        for (const order of ["C", "F", "A"] as const) {
          expect({ order, ...outcomeOf(() => toContiguous(view, order)) }).toEqual({
            order,
            ...c.to_contiguous[order],
          });
        }
      });

      it("finds items as PyBuffer_GetPointer", () => {
        const view = getBuffer(build(c), 0x11c);
        for (const [index, expected] of c.pointers) {
          const got = outcomeOf(() => {
            const at = getPointer(view, index);
            return new Uint8Array(view.memory, at, view.itemsize).slice();
          });
          expect({ index, ...got }).toEqual({ index, ...expected });
        }
      });
    });
  });
});
