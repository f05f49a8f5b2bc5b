import {
  type BufferView,
  exportCount,
  getBuffer,
  PyBUF_ANY_CONTIGUOUS,
  PyBUF_C_CONTIGUOUS,
  PyBUF_CONTIG_RO,
  PyBUF_F_CONTIGUOUS,
  PyBUF_FORMAT,
  PyBUF_FULL,
  PyBUF_FULL_RO,
  PyBUF_ND,
  PyBUF_RECORDS_RO,
  PyBUF_SIMPLE,
  PyBUF_STRIDES,
  PyBUF_WRITABLE,
  releaseBuffer,
} from "@pybuffer/core";
import { BufferError, ValueError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { fromDataView, fromTypedArray } from "../src/from-typed-array.js";
import { KINDS } from "./kinds-table.js";

const SHAPES: (number[] | undefined)[] = [undefined, [12], [3, 4], [2, 3, 2], [1, 12, 1]];

/** Gets a view, copies what the test needs, releases it. */
function take(exporter: object, flags: number): BufferView {
  const view = getBuffer(exporter, flags);
  const copy = { ...view };
  releaseBuffer(view);
  return copy;
}

function cStrides(shape: number[], itemsize: number): number[] {
  const out: number[] = [];
  let step = itemsize;
  for (let i = shape.length - 1; i >= 0; i--) {
    out.unshift(step);
    step *= shape[i] as number;
  }
  return out;
}

describe("fromTypedArray: every kind x shape x read-only", () => {
  for (const [ctor, format] of KINDS) {
    for (const shape of SHAPES) {
      for (const readonly of [false, true]) {
        it(`${ctor.name} shape ${JSON.stringify(shape)} readonly ${readonly}`, () => {
          const size = ctor.BYTES_PER_ELEMENT;
          const memory = new ArrayBuffer(size * 16);
          const ta = new ctor(memory, size * 2, 12);
          const exporter = fromTypedArray(ta, { shape, readonly });
          const view = take(exporter, PyBUF_FULL_RO);
          const expected = shape ?? [12];
          expect(view.memory).toBe(memory);
          expect(view.buf).toBe(size * 2);
          expect(view.len).toBe(12 * size);
          expect(view.itemsize).toBe(size);
          expect(view.format).toBe(format);
          expect(view.ndim).toBe(expected.length);
          expect(view.shape).toEqual(expected);
          expect(view.strides).toEqual(cStrides(expected, size));
          expect(view.suboffsets).toBeNull();
          expect(view.readonly).toBe(readonly);
          expect(view.obj).toBe(exporter);
          if (readonly) {
            expect(() => getBuffer(exporter, PyBUF_FULL)).toThrow(BufferError);
            expect(() => getBuffer(exporter, PyBUF_FULL)).toThrow("Object is not writable.");
          } else {
            expect(take(exporter, PyBUF_FULL).readonly).toBe(false);
          }
          expect(exportCount(exporter)).toBe(0);
          expect(exporter.exports).toBe(0);
        });
      }
    }
  }
});

describe("fromTypedArray: request flags", () => {
  const grid = () => fromTypedArray(new Int16Array(6), { shape: [2, 3] });

  it("answers each request type with the fields CPython fills", () => {
    const simple = take(grid(), PyBUF_SIMPLE);
    expect([simple.ndim, simple.shape, simple.strides, simple.format]).toEqual([
      1,
      null,
      null,
      null,
    ]);
    expect([simple.itemsize, simple.len]).toEqual([2, 12]);
    const nd = take(grid(), PyBUF_ND);
    expect([nd.shape, nd.strides, nd.format]).toEqual([[2, 3], null, null]);
    const strided = take(grid(), PyBUF_STRIDES);
    expect([strided.shape, strided.strides, strided.format]).toEqual([[2, 3], [6, 2], null]);
    expect(take(grid(), PyBUF_RECORDS_RO).format).toBe("h");
    expect(take(grid(), PyBUF_CONTIG_RO | PyBUF_FORMAT).format).toBe("h");
    expect(take(grid(), PyBUF_SIMPLE | PyBUF_FORMAT).format).toBe("h");
    expect(take(grid(), PyBUF_C_CONTIGUOUS).strides).toEqual([6, 2]);
    expect(take(grid(), PyBUF_ANY_CONTIGUOUS).strides).toEqual([6, 2]);
    expect(() => take(grid(), PyBUF_F_CONTIGUOUS)).toThrow(
      "fromTypedArray: underlying buffer is not Fortran contiguous",
    );
  });

  it("refuses contiguous requests for a strided layout, as CPython does", () => {
    const everyOther = fromTypedArray(new Uint8Array(8), { shape: [4], strides: [2] });
    expect(take(everyOther, PyBUF_STRIDES).strides).toEqual([2]);
    for (const flags of [PyBUF_SIMPLE, PyBUF_ND, PyBUF_C_CONTIGUOUS, PyBUF_WRITABLE]) {
      expect(() => getBuffer(everyOther, flags)).toThrow(BufferError);
    }
    expect(exportCount(everyOther)).toBe(0);
    expect(everyOther.exports).toBe(0);
  });

  it("exports a Fortran-ordered layout with explicit strides", () => {
    const f = fromTypedArray(new Float32Array(6), { shape: [2, 3], strides: [4, 8] });
    expect(take(f, PyBUF_F_CONTIGUOUS).strides).toEqual([4, 8]);
    expect(() => take(f, PyBUF_C_CONTIGUOUS)).toThrow("not C-contiguous");
  });

  it("exports negative strides from an offset", () => {
    const ta = new Int32Array([1, 2, 3, 4]);
    const reversed = fromTypedArray(ta, { shape: [4], strides: [-4], offset: 12 });
    const view = take(reversed, PyBUF_FULL_RO);
    expect([view.buf, view.strides]).toEqual([12, [-4]]);
  });

  it("exports a 0-dimensional scalar", () => {
    const view = take(fromTypedArray(new Float64Array([2.5]), { shape: [] }), PyBUF_FULL_RO);
    expect([view.ndim, view.shape, view.strides, view.len]).toEqual([0, null, null, 8]);
  });

  it("counts exports while views are out", () => {
    const exporter = fromTypedArray(new Uint8Array(4));
    const a = getBuffer(exporter, PyBUF_SIMPLE);
    const b = getBuffer(exporter, PyBUF_FULL);
    expect([exporter.exports, exportCount(exporter)]).toEqual([2, 2]);
    releaseBuffer(a);
    releaseBuffer(a);
    expect(exporter.exports).toBe(1);
    releaseBuffer(b);
    expect(exporter.exports).toBe(0);
  });
});

describe("fromTypedArray: format override and DataView", () => {
  it("reinterprets bytes with another format", () => {
    const bytes = new Uint8Array(16);
    const view = take(fromTypedArray(bytes, { format: "<I", shape: [2, 2] }), PyBUF_FULL_RO);
    expect([view.format, view.itemsize, view.shape, view.strides]).toEqual([
      "<I",
      4,
      [2, 2],
      [8, 4],
    ]);
  });

  it("exports unaligned big-endian items through a DataView", () => {
    const dv = new DataView(new ArrayBuffer(11), 3, 8);
    const view = take(fromDataView(dv, { format: ">I" }), PyBUF_FULL_RO);
    expect([view.buf, view.format, view.itemsize, view.shape]).toEqual([3, ">I", 4, [2]]);
  });

  it("exports records with strides that are not multiples of anything", () => {
    const dv = new DataView(new ArrayBuffer(15));
    const view = take(fromDataView(dv, { format: "<H", shape: [3], strides: [5] }), PyBUF_FULL_RO);
    expect([view.shape, view.strides, view.len]).toEqual([[3], [5], 6]);
  });

  it("exports e items by DataView whether or not Float16Array exists", () => {
    const view = take(
      fromDataView(new DataView(new ArrayBuffer(6)), { format: "e" }),
      PyBUF_FULL_RO,
    );
    expect([view.format, view.itemsize, view.shape]).toEqual(["e", 2, [3]]);
  });
});

describe("fromTypedArray: layouts that do not fit are refused", () => {
  const ints = () => new Int32Array(new ArrayBuffer(64), 16, 6);
  it.each([
    [{ shape: [4] }, "product(shape) * itemsize != buffer size (16 != 24)"],
    [{ shape: [2, 4] }, "product(shape) * itemsize != buffer size (32 != 24)"],
    [{ shape: [7], strides: [4] }, "outside the source's 24 bytes"],
    [{ shape: [3], strides: [-4] }, "reaches bytes -8 to 4"],
    [{ shape: [2], strides: [4, 4] }, "strides must have one entry per dimension (1)"],
    [{ shape: [-1] }, "shape entries must be integers >= 0, got -1"],
    [{ shape: [1.5] }, "shape entries must be integers >= 0, got 1.5"],
    [{ shape: [Number.NaN] }, "shape entries must be integers >= 0, got NaN"],
    [{ shape: new Array(65).fill(1) }, "number of dimensions must not exceed 64"],
    [{ shape: [3], strides: [0.5] }, "strides must be integers"],
    [{ offset: -4 }, "offset must be an integer >= 0"],
    [{ offset: 28 }, "reaches bytes 28 to 28, outside the source's 24 bytes"],
    [{ offset: 2 }, "22 bytes are not a whole number of 4-byte items"],
    [{ format: "<5s" }, "24 bytes are not a whole number of 5-byte items"],
    [{ format: "0i" }, "format '0i' has items of 0 bytes"],
  ])("%j", (options, message) => {
    expect(() => fromTypedArray(ints(), options)).toThrow(ValueError);
    expect(() => fromTypedArray(ints(), options)).toThrow(message);
  });

  it("accepts a format whose one item covers the region", () => {
    const view = take(fromTypedArray(ints(), { format: "3d", shape: [] }), PyBUF_FULL_RO);
    expect([view.itemsize, view.ndim, view.len]).toEqual([24, 0, 24]);
  });

  it("never reaches the bytes next to the TypedArray in its buffer", () => {
    const memory = new ArrayBuffer(32);
    const middle = new Uint8Array(memory, 8, 8);
    expect(() => fromTypedArray(middle, { shape: [9], strides: [1] })).toThrow(ValueError);
    expect(() => fromTypedArray(middle, { shape: [2], strides: [8] })).toThrow(ValueError);
    expect(() => fromTypedArray(middle, { shape: [1], offset: 8 })).toThrow(ValueError);
  });

  it("rejects what is not a TypedArray", () => {
    for (const bad of [new DataView(new ArrayBuffer(1)), new ArrayBuffer(1), [1, 2], null, "ab"]) {
      expect(() => fromTypedArray(bad as never)).toThrow(TypeError);
    }
    expect(() => fromTypedArray(new DataView(new ArrayBuffer(1)))).toThrow(
      "fromTypedArray: expected a TypedArray, not 'DataView'",
    );
    expect(() => fromDataView(new Uint8Array(1) as never)).toThrow(
      "fromDataView: expected a DataView, not 'Uint8Array'",
    );
  });
});
