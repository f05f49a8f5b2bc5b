import {
  getBuffer,
  LayoutExporter,
  NDBuffer,
  PyBUF_FORMAT,
  PyBUF_ND,
  PyBUF_RECORDS_RO,
  releaseBuffer,
  toSuboffsets,
  verifyLayout,
} from "@pybuffer/core";
import { BufferError, calcSize, NotImplementedError, ValueError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { fromNdarray, toNdarray, toStdlib } from "../src/index.js";
import { Complex128Array, STDLIB_ARRAYS, Stdlib, StdlibBase, scijs } from "./libs.js";

/** An exporter of `memory` with any layout whose first item is at byte `buf`. */
function strided(
  memory: ArrayBuffer,
  format: string,
  shape: number[],
  strides: number[],
  buf: number,
) {
  const layout = verifyLayout({ format, itemsize: calcSize(format), shape, strides });
  return new LayoutExporter(memory, buf, layout, false, "test");
}

describe("toNdarray", () => {
  it("shares the memory, with element strides and offset", () => {
    const data = new Int16Array([1, 2, 3, 4, 5, 6]);
    const y = toNdarray(fromNdarray(scijs(data, [2, 3]).transpose(1, 0)), scijs);
    expect([y.shape, y.stride, y.offset, y.get(2, 1), y.dtype]).toEqual([
      [3, 2],
      [1, 3],
      0,
      6,
      "int16",
    ]);
    expect(y.data.buffer).toBe(data.buffer);
    y.set(0, 1, 40);
    expect(data[3]).toBe(40);
  });

  it("covers exactly the bytes the view reaches", () => {
    const memory = new ArrayBuffer(96);
    // Rows 2, 1, 0 of a 3x4 float64 block starting at byte 8, every other column.
    const y = toNdarray(strided(memory, "d", [3, 2], [-32, 16], 8 + 64), scijs);
    expect([y.data.byteOffset, y.data.length, y.offset, y.stride]).toEqual([8, 11, 8, [-4, 2]]);
  });

  it("maps every format scijs has", () => {
    const cases: [string, number, string][] = [
      ["b", 1, "int8"],
      ["B", 1, "uint8"],
      ["h", 2, "int16"],
      ["H", 2, "uint16"],
      ["<i", 4, "int32"],
      ["=I", 4, "uint32"],
      ["q", 8, "bigint64"],
      ["Q", 8, "biguint64"],
      ["l", 8, "bigint64"],
      ["N", 8, "biguint64"],
      ["f", 4, "float32"],
      ["@d", 8, "float64"],
    ];
    for (const [format, itemsize, dtype] of cases) {
      const y = toNdarray(
        strided(new ArrayBuffer(4 * itemsize), format, [2, 2], [2 * itemsize, itemsize], 0),
        scijs,
      );
      expect(y.dtype, format).toBe(dtype);
    }
  });

  it("refuses formats scijs lacks, and layouts it cannot say unless copying", () => {
    const bytes = new ArrayBuffer(16);
    expect(() => toNdarray(strided(bytes, "?", [4], [1], 0), scijs)).toThrow(
      new NotImplementedError("toNdarray: scijs ndarray has no dtype for format '?'"),
    );
    expect(() => toNdarray(strided(bytes, "<HB", [2], [3], 0), scijs)).toThrow(NotImplementedError);
    expect(() => toNdarray(strided(bytes, "h", [3], [3], 0), scijs)).toThrow(
      new BufferError(
        "toNdarray: cannot share the view's memory: its strides [3] are not multiples of the item size 2; pass { copy: true }",
      ),
    );
    const big = new DataView(bytes);
    big.setInt32(0, 7);
    big.setInt32(4, -8);
    expect(() => toNdarray(strided(bytes, ">i", [2], [4], 0), scijs)).toThrow(BufferError);
    const swapped = toNdarray(strided(bytes, ">i", [2], [4], 0), scijs, { copy: true });
    expect([swapped.get(0), swapped.get(1), swapped.data.buffer === bytes]).toEqual([7, -8, false]);
    expect(() => toNdarray(strided(bytes, "i", [2], [4], 2), scijs)).toThrow(
      /not aligned to 4 bytes/,
    );
    const odd = toNdarray(strided(bytes, "h", [3], [3], 0), scijs, { copy: true });
    expect([odd.shape, odd.stride, odd.data.length]).toEqual([[3], [1], 3]);
  });

  it("copies indirect arrays on request", () => {
    const pil = toSuboffsets(new Int32Array([1, 2, 3, 4, 5, 6]).buffer, {
      shape: [2, 3],
      strides: [12, 4],
      offset: 0,
    });
    const indirect = new NDBuffer(pil.memory, {
      format: "i",
      shape: [2, 3],
      strides: pil.strides,
      suboffsets: pil.suboffsets,
      offset: pil.buf,
    });
    expect(() => toNdarray(indirect, scijs)).toThrow(/suboffsets/);
    const y = toNdarray(indirect, scijs, { copy: true });
    expect([y.get(1, 2), y.get(0, 1)]).toEqual([6, 2]);
  });

  it("always copies with copy: 'always', and releases the exporter's view", () => {
    const data = new Float64Array([1, 2, 3]);
    const exporter = fromNdarray(scijs(data));
    const y = toNdarray(exporter, scijs, { copy: "always" });
    expect(y.data.buffer).not.toBe(data.buffer);
    expect(exporter.exports).toBe(0);
  });

  it("takes a view in hand and leaves it to its owner; refuses a released one", () => {
    const exporter = fromNdarray(scijs(new Uint8Array(4)));
    const view = getBuffer(exporter, PyBUF_RECORDS_RO);
    toNdarray(view, scijs);
    expect(exporter.exports).toBe(1);
    releaseBuffer(view);
    expect(() => toNdarray(view, scijs)).toThrow(
      new ValueError("toNdarray: operation forbidden on a released buffer view"),
    );
  });

  it("takes views without strides as C-contiguous", () => {
    const view = getBuffer(
      fromNdarray(scijs(new Int32Array([1, 2, 3, 4, 5, 6]), [2, 3])),
      PyBUF_ND | PyBUF_FORMAT,
    );
    expect(view.strides).toBeNull();
    const y = toNdarray(view, scijs);
    expect([y.stride, y.get(1, 0)]).toEqual([[3, 1], 4]);
    releaseBuffer(view);
  });

  it("refuses read-only exporters when a writable result is asked for", () => {
    const ro = fromNdarray(scijs(new Uint8Array(4)), { readonly: true });
    expect(() => toNdarray(ro, scijs, { writable: true })).toThrow(
      new BufferError("Object is not writable."),
    );
    expect(() => toNdarray(ro, 5 as never)).toThrow(TypeError);
    expect(() => toNdarray({} as never, scijs)).toThrow(TypeError);
  });

  it("makes 0-d and empty arrays", () => {
    const zero = toNdarray(strided(new ArrayBuffer(8), "i", [], [], 4), scijs);
    // The data is the one element the view reaches.
    expect([zero.dimension, zero.offset, zero.data.byteOffset, zero.data.length]).toEqual([
      0, 0, 4, 1,
    ]);
    const empty = toNdarray(strided(new ArrayBuffer(8), "i", [0, 2], [8, 4], 0), scijs);
    expect([empty.shape, empty.size]).toEqual([[0, 2], 0]);
  });
});

describe("toStdlib", () => {
  it("shares the memory, keeps read-only and says column-major for Fortran layouts", () => {
    const data = new Float64Array([1, 2, 3, 4, 5, 6]);
    const x = toStdlib(
      fromNdarray(scijs(data, [3, 2]).transpose(1, 0), { readonly: true }),
      Stdlib,
    );
    expect([x.dtype, x.shape, x.strides, x.offset, x.order, x.flags.READONLY, x.get(1, 2)]).toEqual(
      ["float64", [2, 3], [1, 2], 0, "column-major", true, 6],
    );
    expect((x.data as Float64Array).buffer).toBe(data.buffer);
    expect(() => x.set(0, 0, 9)).toThrow("Cannot write to a read-only array");
    const base = toStdlib(fromNdarray(scijs(data, [2, 3])), StdlibBase);
    expect([base.order, base.get(1, 0)]).toEqual(["row-major", 4]);
  });

  it("makes bool and complex arrays with stdlib's classes", () => {
    const memory = new ArrayBuffer(48);
    const z = toStdlib(strided(memory, "Zd", [2], [16], 16), Stdlib, STDLIB_ARRAYS);
    z.set(1, { re: 1, im: -2 } as never);
    expect(new Float64Array(memory).slice(4, 6)).toEqual(new Float64Array([1, -2]));
    expect(z.data).toBeInstanceOf(Complex128Array);
    const f = toStdlib(strided(memory, "Zf", [3], [8], 8), Stdlib, STDLIB_ARRAYS);
    expect(f.dtype).toBe("complex64");
    const b = toStdlib(strided(memory, "?", [4], [1], 3), Stdlib, STDLIB_ARRAYS);
    new Uint8Array(memory)[4] = 1;
    expect([b.dtype, b.get(1), b.get(0)]).toEqual(["bool", true, false]);
    expect(() => toStdlib(strided(memory, "Zd", [2], [16], 16), Stdlib)).toThrow(
      new TypeError(
        `toStdlib: format 'Zd' needs stdlib's Complex128Array: pass { Complex128Array } from "@stdlib/array/complex128"`,
      ),
    );
  });

  it("needs a 16-aligned start for Complex128Array, and copies on request", () => {
    const memory = new ArrayBuffer(48);
    new Float64Array(memory).set([0, 1, 2, 3, 4]);
    expect(() => toStdlib(strided(memory, "Zd", [2], [16], 8), Stdlib, STDLIB_ARRAYS)).toThrow(
      /at byte 8, is not aligned to 16 bytes/,
    );
    const z = toStdlib(strided(memory, "Zd", [2], [16], 8), Stdlib, {
      ...STDLIB_ARRAYS,
      copy: true,
    });
    const second = z.get(1) as unknown as { re: number; im: number };
    expect([second.re, second.im]).toEqual([3, 4]);
  });

  it("refuses 8-byte integers, and makes 0-d arrays with strides [0]", () => {
    expect(() => toStdlib(strided(new ArrayBuffer(8), "q", [1], [8], 0), Stdlib)).toThrow(
      new NotImplementedError("toStdlib: @stdlib/ndarray has no dtype for format 'q'"),
    );
    const zero = toStdlib(strided(new ArrayBuffer(8), "f", [], [], 4), Stdlib);
    expect([zero.ndims, zero.strides, zero.offset, (zero.data as Float32Array).byteOffset]).toEqual(
      [0, [0], 0, 4],
    );
  });
});
