/**
 * Properties of the copy routines against a reference model (every item read
 * through getPointer): toContiguous in C/F/A, fromContiguous round trips and
 * copyData, over random strided and PIL layouts, including overlap in one memory.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isContiguous } from "../src/contiguity.js";
import { copyData } from "../src/copy-data.js";
import { getBuffer } from "../src/exporter.js";
import { PyBUF_FULL, PyBUF_FULL_RO } from "../src/flags.js";
import { fromContiguous } from "../src/from-contiguous.js";
import { NDBuffer } from "../src/nd-buffer.js";
import { toContiguous } from "../src/to-contiguous.js";
import { layoutArbitrary, naiveToBytes, pattern, toPil } from "./support/layouts.js";

const fmt = (itemsize: number): string => `${itemsize}s`;

describe("toContiguous matches the item-by-item model", () => {
  it("on random strided layouts, every order", () => {
    fc.assert(
      fc.property(layoutArbitrary(), (l) => {
        const nd = new NDBuffer(pattern(l.memlen), {
          shape: l.shape,
          strides: l.strides,
          offset: l.offset,
          format: fmt(l.itemsize),
        });
        const view = getBuffer(nd, PyBUF_FULL_RO);
        const c = naiveToBytes(view, "C");
        const f = naiveToBytes(view, "F");
        expect(toContiguous(view, "C")).toEqual(c);
        expect(toContiguous(view, "F")).toEqual(f);
        expect(toContiguous(view, "A")).toEqual(
          isContiguous(view, "F") && !isContiguous(view, "C") ? f : c,
        );
      }),
      { numRuns: 400 },
    );
  });

  it("on large 2-D layouts that take the tiled and word paths", () => {
    fc.assert(
      fc.property(layoutArbitrary(3, 70, [1, 2, 4, 8, 12]), (l) => {
        const nd = new NDBuffer(pattern(l.memlen, 3), {
          shape: l.shape,
          strides: l.strides,
          offset: l.offset,
          format: fmt(l.itemsize),
        });
        const view = getBuffer(nd, PyBUF_FULL_RO);
        // Megabyte results: compare bytes natively (toEqual walks them one by one, ~0.4 s each).
        for (const order of ["C", "F"] as const) {
          const got = toContiguous(view, order);
          const want = naiveToBytes(view, order);
          expect(got.length).toBe(want.length);
          expect(Buffer.compare(got, want)).toBe(0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("on every transpose up to 21 × 21 and some past one tile, both stride signs", () => {
    // 4×4 blocks and their edges, then shapes that cross the 256-item tile edges.
    const small = Array.from({ length: 21 * 21 }, (_, i) => [1 + (i % 21), 1 + Math.floor(i / 21)]);
    const large = [
      [257, 300],
      [520, 33],
      [33, 520],
      [259, 258],
    ];
    for (const [rows, cols] of [...small, ...large] as [number, number][]) {
      const memory = pattern(rows * cols * 4, 7);
      for (const sign of [1, -1]) {
        // A Fortran-order 'I' matrix: the C-order copy walks the source down its columns.
        const nd = new NDBuffer(memory, {
          shape: [rows, cols],
          strides: [4 * sign, 4 * rows * sign],
          offset: sign === 1 ? 0 : rows * cols * 4 - 4,
          format: "I",
        });
        const view = getBuffer(nd, PyBUF_FULL_RO);
        expect(Buffer.compare(toContiguous(view, "C"), naiveToBytes(view, "C"))).toBe(0);
      }
    }
  });

  it("on PIL layouts (lp64 and wasm32 pointers)", () => {
    fc.assert(
      fc.property(layoutArbitrary(4, 5), fc.boolean(), (l, wasm) => {
        fc.pre(l.shape.length > 0);
        const pil = toPil(pattern(l.memlen), l, wasm ? 4 : 8);
        const nd = new NDBuffer(pil.memory, {
          shape: l.shape,
          strides: pil.strides,
          suboffsets: pil.suboffsets,
          offset: pil.buf,
          format: fmt(l.itemsize),
          abi: wasm ? "wasm32" : "lp64",
        });
        const flat = new NDBuffer(pattern(l.memlen), {
          shape: l.shape,
          strides: l.strides,
          offset: l.offset,
          format: fmt(l.itemsize),
        });
        const view = getBuffer(nd, PyBUF_FULL_RO);
        for (const order of ["C", "F", "A"] as const) {
          expect(toContiguous(view, order)).toEqual(flat.toBytes(order === "A" ? "C" : order));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the every-second-byte gather", () => {
  it("matches the model at every alignment of source, destination and memory end", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 7 }),
        (offset, n, slack, at) => {
          const memory = pattern(offset + 2 * n + slack + 1, 11);
          const view = getBuffer(
            new NDBuffer(memory, { shape: [n], strides: [2], offset }),
            PyBUF_FULL_RO,
          );
          const dest = new Uint8Array(new ArrayBuffer(n + at + 3), at, n);
          expect(toContiguous(view, "C", dest)).toEqual(naiveToBytes(view, "C"));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("fromContiguous and copyData", () => {
  it("fromContiguous inverts toContiguous in C and F order", () => {
    fc.assert(
      fc.property(layoutArbitrary(), fc.constantFrom("C" as const, "F" as const), (l, order) => {
        fc.pre(!l.strides.some((s, i) => s === 0 && (l.shape[i] as number) > 1));
        const source = new NDBuffer(pattern(l.memlen, 5), {
          shape: l.shape,
          strides: l.strides,
          offset: l.offset,
          format: fmt(l.itemsize),
        });
        const bytes = toContiguous(getBuffer(source, PyBUF_FULL_RO), order);
        const target = new NDBuffer(new ArrayBuffer(l.memlen), {
          shape: l.shape,
          strides: l.strides,
          offset: l.offset,
          format: fmt(l.itemsize),
        });
        expect(fromContiguous(getBuffer(target, PyBUF_FULL), bytes, order)).toBe(bytes.length);
        expect(target.toBytes(order)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it("copyData between layouts of one shape, also overlapping in one memory", () => {
    fc.assert(
      fc.property(
        layoutArbitrary(3, 5),
        fc.integer({ min: -2, max: 2 }),
        fc.boolean(),
        (l, shift, fortran) => {
          fc.pre(!l.strides.some((s, i) => s === 0 && (l.shape[i] as number) > 1));
          const count = l.shape.reduce((a, b) => a * b, 1) * l.itemsize;
          const memory = pattern(Math.max(l.memlen, count) + 4 * l.itemsize, 9);
          const src = new NDBuffer(memory, {
            shape: l.shape,
            strides: l.strides,
            offset: l.offset + 2 * l.itemsize,
            format: fmt(l.itemsize),
          });
          const expected = src.toBytes("C");
          const dst = new NDBuffer(memory, {
            shape: l.shape,
            offset: (2 + shift) * l.itemsize,
            format: fmt(l.itemsize),
            order: fortran ? "F" : "C",
          });
          copyData(dst, src);
          expect(dst.toBytes("C")).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
