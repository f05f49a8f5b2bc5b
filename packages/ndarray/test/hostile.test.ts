/**
 * Hand-made and hostile arrays: the duck test lets anything shaped like an array in, so
 * every field is checked, and memory that changes while a call runs fails cleanly.
 */
import { getBuffer, PyBUF_FULL_RO } from "@pybuffer/core";
import { BufferError, NotImplementedError, ValueError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { fromNdarray, toNdarray } from "../src/index.js";
import { Complex128Array, Stdlib, scijs } from "./libs.js";

function stdlibLike(fields: Record<string, unknown>) {
  return {
    dtype: "float64",
    data: new Float64Array(4),
    shape: [4],
    strides: [1],
    offset: 0,
    order: "row-major",
    ndims: 1,
    flags: {},
    get() {},
    set() {},
    ...fields,
  } as never;
}

describe("hostile arrays", () => {
  it("a buffer detached from inside a getter mid-call gives no view", () => {
    const data = new Float64Array(4);
    const x = stdlibLike({ data });
    Object.defineProperty(x, "shape", {
      get() {
        structuredClone(data.buffer, { transfer: [data.buffer] });
        return [4];
      },
    });
    const exporter = fromNdarray(x);
    expect(() => getBuffer(exporter, PyBUF_FULL_RO)).toThrow(
      new BufferError("fromNdarray: the underlying ArrayBuffer is detached"),
    );
  });

  it("fields of the wrong kind are errors, never views", () => {
    expect(() => fromNdarray(stdlibLike({ shape: [2, 2], strides: [2] }))).toThrow(
      new ValueError("fromNdarray: the ndarray has 2 dimensions but 1 strides"),
    );
    expect(() => fromNdarray(stdlibLike({ shape: "4" }))).toThrow(TypeError);
    expect(() => fromNdarray(stdlibLike({ offset: Number.NaN }))).toThrow(ValueError);
    expect(() => fromNdarray(stdlibLike({ shape: [-1] }))).toThrow(
      new ValueError("fromNdarray: the ndarray's shape holds -1, not an integer >= 0"),
    );
    expect(() => fromNdarray(stdlibLike({ flags: null }))).not.toThrow();
    expect(() => fromNdarray(stdlibLike({ dtype: 7 }))).toThrow(TypeError);
    expect(() => fromNdarray(stdlibLike({ dtype: "int64" }))).toThrow(
      new NotImplementedError("fromNdarray: dtype 'int64' has no PEP 3118 format"),
    );
    expect(() =>
      fromNdarray(stdlibLike({ shape: new Array(65).fill(1), strides: new Array(65).fill(0) })),
    ).toThrow(BufferError);
  });

  it("stdlib arrays that lie about their bytes get an error, not other bytes", () => {
    const liar = {
      buffer: new ArrayBuffer(32),
      byteOffset: 16,
      length: 4,
      constructor: Complex128Array,
    };
    const x = stdlibLike({ dtype: "complex128", data: liar });
    expect(() => fromNdarray(x)).toThrow(
      new BufferError(
        "fromNdarray: the data's 4 elements at byte 16 do not fit its 32-byte buffer",
      ),
    );
    const negative = stdlibLike({ dtype: "complex128", data: { ...liar, length: -1 } });
    expect(() => fromNdarray(negative)).toThrow(TypeError);
  });

  it("a layout past a subarray's end never reaches its neighbours", () => {
    const pool = new Float64Array(16);
    const part = pool.subarray(4, 8);
    expect(() => fromNdarray(scijs(part, [5]))).toThrow(ValueError);
    expect(() => fromNdarray(scijs(part, [2], [1], -1))).toThrow(
      new ValueError(
        "fromNdarray: the ndarray reaches elements -1 to 0, outside its data's 4 elements",
      ),
    );
  });

  it("a shape entry that answers differently at a later read cannot widen the view", () => {
    // before: the entries were checked at their first two reads and core's verifyLayout
    // read them again, so a getter giving 4, 4, then 8 made a view of 8 elements over
    // a 4-element part of a pool: the neighbours' bytes
    const pool = new Float64Array(16);
    const part = pool.subarray(4, 8);
    const shape: number[] = [];
    let reads = 0;
    Object.defineProperty(shape, 0, { get: () => (++reads <= 2 ? 4 : 8), enumerable: true });
    const view = getBuffer(fromNdarray(stdlibLike({ data: part, shape })), PyBUF_FULL_RO);
    expect([view.shape, view.buf, view.len]).toEqual([[4], 32, 32]);
  });

  it("a view over a shrunk resizable buffer is refused by the way back", () => {
    const memory = new ArrayBuffer(32, { maxByteLength: 64 });
    const x = new Stdlib("float64", new Float64Array(memory, 0, 4), [4], [1], 0, "row-major");
    const exporter = fromNdarray(x);
    memory.resize(8);
    expect(() => toNdarray(exporter, scijs)).toThrow(BufferError);
  });
});
