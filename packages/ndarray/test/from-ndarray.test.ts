import {
  getBuffer,
  PyBUF_FULL,
  PyBUF_FULL_RO,
  PyBUF_RECORDS_RO,
  releaseBuffer,
} from "@pybuffer/core";
import { BufferError, NotImplementedError, ValueError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { fromNdarray, isNdarray, NdarrayExporter } from "../src/index.js";
import {
  BooleanArray,
  Complex64Array,
  Complex128Array,
  DataType,
  Stdlib,
  StdlibBase,
  scijs,
} from "./libs.js";

function exported(x: Parameters<typeof fromNdarray>[0]) {
  const view = getBuffer(fromNdarray(x), PyBUF_RECORDS_RO);
  const { format, itemsize, shape, strides, buf, readonly, memory } = view;
  releaseBuffer(view);
  return { format, itemsize, shape, strides, buf, readonly, memory };
}

describe("fromNdarray: scijs", () => {
  it("exports every typed dtype with its format", () => {
    const cases: [ArrayBufferView, string, number][] = [
      [new Int8Array(4), "b", 1],
      [new Uint8Array(4), "B", 1],
      [new Uint8ClampedArray(4), "B", 1],
      [new Int16Array(4), "h", 2],
      [new Uint16Array(4), "H", 2],
      [new Int32Array(4), "i", 4],
      [new Uint32Array(4), "I", 4],
      [new BigInt64Array(4), "q", 8],
      [new BigUint64Array(4), "Q", 8],
      [new Float32Array(4), "f", 4],
      [new Float64Array(4), "d", 8],
      [Buffer.alloc(4), "B", 1],
    ];
    for (const [data, format, itemsize] of cases) {
      const x = scijs(data as Float64Array, [2, 2]);
      expect(exported(x)).toMatchObject({
        format,
        itemsize,
        shape: [2, 2],
        strides: [2 * itemsize, itemsize],
      });
    }
  });

  it("keeps negative and zero strides and the offset, in the data's own memory", () => {
    const data = new Float64Array(new ArrayBuffer(80), 16, 6);
    const x = scijs(data, [2, 3]).step(-1, -1);
    const v = exported(x);
    expect(v).toMatchObject({
      shape: [2, 3],
      strides: [-24, -8],
      buf: 16 + 5 * 8,
      readonly: false,
    });
    expect(v.memory).toBe(data.buffer);
    const z = exported(scijs(data, [4, 3], [0, 1], 2));
    expect(z).toMatchObject({ shape: [4, 3], strides: [0, 8], buf: 16 + 16 });
  });

  it("exports 0-d arrays", () => {
    const x = scijs(new Int32Array([7, 8]), [], [], 1);
    expect(exported(x)).toMatchObject({ format: "i", shape: null, strides: null, buf: 4 });
  });

  it("refuses generic arrays, trivial arrays and layouts outside the data", () => {
    expect(() => fromNdarray(scijs([1, 2, 3]))).toThrow(
      new TypeError(
        "fromNdarray: an ndarray of dtype 'array' over a Array holds JavaScript values, not bytes; make it over a TypedArray",
      ),
    );
    expect(() => fromNdarray(scijs(new Float64Array(4), [3, 2]))).toThrow(
      new ValueError(
        "fromNdarray: the ndarray reaches elements 0 to 5, outside its data's 4 elements",
      ),
    );
    // scijs keeps offset|0: 2^31 + 5 wraps to a negative offset.
    expect(() => fromNdarray(scijs(new Float64Array(4), [1], [1], 2 ** 31 + 5))).toThrow(
      ValueError,
    );
    expect(() => fromNdarray(scijs(new Float64Array(4), [2], [1.5], 0))).toThrow(
      new ValueError("fromNdarray: the ndarray's strides holds 1.5, not an integer"),
    );
    const trivial = scijs(new Float64Array(1), [], [], 0).pick();
    expect(() => fromNdarray(trivial as never)).toThrow(TypeError);
  });

  it("accepts an empty array whatever its offset", () => {
    expect(exported(scijs(new Float64Array(2), [0, 3], [3, 1], 99))).toMatchObject({
      shape: [0, 3],
    });
  });

  it("fails cleanly once the data's buffer is detached", () => {
    const data = new Float64Array(4);
    const exporter = fromNdarray(scijs(data));
    structuredClone(data.buffer, { transfer: [data.buffer] });
    expect(() => getBuffer(exporter, PyBUF_FULL_RO)).toThrow(BufferError);
    expect(() => fromNdarray(scijs(data))).toThrow(
      new BufferError("fromNdarray: the data's ArrayBuffer is detached"),
    );
  });

  it("exports read-only when asked", () => {
    const exporter = fromNdarray(scijs(new Float64Array(4)), { readonly: true });
    expect(exporter).toBeInstanceOf(NdarrayExporter);
    expect(() => getBuffer(exporter, PyBUF_FULL)).toThrow(
      new BufferError("Object is not writable."),
    );
  });
});

describe("fromNdarray: stdlib", () => {
  it("exports dtypes with their formats", () => {
    const cases: [string, unknown, string, number][] = [
      ["int8", new Int8Array(4), "b", 1],
      ["uint8", new Uint8Array(4), "B", 1],
      ["uint8c", new Uint8ClampedArray(4), "B", 1],
      ["binary", Buffer.alloc(4), "B", 1],
      ["int16", new Int16Array(4), "h", 2],
      ["uint16", new Uint16Array(4), "H", 2],
      ["int32", new Int32Array(4), "i", 4],
      ["uint32", new Uint32Array(4), "I", 4],
      ["float32", new Float32Array(4), "f", 4],
      ["float64", new Float64Array(4), "d", 8],
      ["bool", new BooleanArray(4), "?", 1],
      ["bool", new Uint8Array(4), "?", 1],
      ["complex64", new Complex64Array(4), "Zf", 8],
      ["complex128", new Complex128Array(4), "Zd", 16],
    ];
    for (const [dtype, data, format, itemsize] of cases) {
      const x = new Stdlib(
        dtype as "float64",
        data as Float64Array,
        [2, 2],
        [2, 1],
        0,
        "row-major",
      );
      expect(exported(x), dtype).toMatchObject({
        format,
        itemsize,
        shape: [2, 2],
        strides: [2 * itemsize, itemsize],
      });
    }
  });

  it("reads the offset, strides of any sign, the read-only flag and DataType objects", () => {
    const data = new Float64Array(12);
    const x = new Stdlib(
      new DataType("float64") as never,
      data,
      [2, 3],
      [-1, 4],
      1,
      "column-major",
      { readonly: true },
    );
    expect(exported(x)).toMatchObject({
      format: "d",
      shape: [2, 3],
      strides: [-8, 32],
      buf: 8,
      readonly: true,
    });
    expect(() => getBuffer(fromNdarray(x), PyBUF_FULL)).toThrow(BufferError);
    const base = new StdlibBase("int16", new Int16Array(4), [2, 2], [1, 2], 0, "column-major");
    expect(exported(base)).toMatchObject({ format: "h", strides: [2, 4], readonly: false });
  });

  it("exports 0-d arrays (strides [0])", () => {
    const x = new Stdlib("float32", new Float32Array(3), [], [0], 2, "row-major");
    expect(exported(x)).toMatchObject({ shape: null, strides: null, buf: 8 });
  });

  it("refuses generic data, unfaithful dtypes and dtypes that do not match their data", () => {
    const generic = new Stdlib("generic", [1, 2], [2], [1], 0, "row-major");
    expect(() => fromNdarray(generic)).toThrow(TypeError);
    const mismatch = new Stdlib("float32", new Float64Array(2), [2], [1], 0, "row-major");
    expect(() => fromNdarray(mismatch)).toThrow(
      new TypeError(
        "fromNdarray: dtype 'float32' does not match the ndarray's data, a Float64Array",
      ),
    );
    const half = new Stdlib("complex32", new Uint16Array(4), [2], [1], 0, "row-major");
    expect(() => fromNdarray(half)).toThrow(
      new NotImplementedError("fromNdarray: 'complex32' (two float16) has no PEP 3118 format"),
    );
  });

  it("recognises both families and nothing else", () => {
    expect(isNdarray(scijs(new Float64Array(1)))).toBe(true);
    expect(isNdarray(new Stdlib("float64", new Float64Array(1), [1], [1], 0, "row-major"))).toBe(
      true,
    );
    expect(isNdarray(new Float64Array(1))).toBe(false);
    expect(() => fromNdarray({} as never)).toThrow(
      new TypeError(
        "fromNdarray: expected a scijs ndarray or an @stdlib/ndarray array, not 'Object'",
      ),
    );
  });
});
