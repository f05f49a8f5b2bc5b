/**
 * Round trips across layer-2 packages (typedarray <-> memoryview), which only the umbrella
 * (layer 3) may import together. Moved from packages/typedarray/test.
 */

import { MemoryView, memoryview } from "@pybuffer/memoryview";
import { BufferError } from "@pybuffer/struct";
import {
  ByteArray,
  fromDataView,
  fromTypedArray,
  toArrayBuffer,
  toTypedArray,
} from "@pybuffer/typedarray";
import { describe, expect, it } from "vitest";

describe("round trips through memoryview", () => {
  it("sees a TypedArray's items, shape and format", () => {
    const m = memoryview(fromTypedArray(new Int16Array([1, -2, 3, -4, 5, -6]), { shape: [2, 3] }));
    expect([m.format, m.itemsize, m.shape, m.strides]).toEqual(["h", 2, [2, 3], [6, 2]]);
    expect(m.toList()).toEqual([
      [1, -2, 3],
      [-4, 5, -6],
    ]);
    m.release();
  });

  it("comes back as a TypedArray over the same memory", () => {
    const source = new Float64Array([0.5, 1.5, 2.5, 3.5]);
    const m = memoryview(fromTypedArray(source));
    const back = toTypedArray(m);
    expect([back.buffer, back.constructor]).toEqual([source.buffer, Float64Array]);
    m.set(0, 9.25);
    expect(source[0]).toBe(9.25);
    m.release();
  });

  it("copies a strided memoryview slice only when allowed", () => {
    const m = memoryview(fromTypedArray(new Uint32Array([10, 11, 12, 13, 14])));
    const every2 = m.slice(null, null, 2);
    expect(() => toTypedArray(every2)).toThrow(BufferError);
    expect(Array.from(toTypedArray(every2, { copy: true }) as Uint32Array)).toEqual([10, 12, 14]);
    expect(new Uint32Array(toArrayBuffer(every2))).toEqual(new Uint32Array([10, 12, 14]));
    every2.release();
    m.release();
  });

  it("reads big-endian DataView exports as Python would", () => {
    const dv = new DataView(new ArrayBuffer(9), 1);
    dv.setUint32(0, 0x01020304, false);
    dv.setUint32(4, 7, false);
    const m = new MemoryView(fromDataView(dv, { format: ">I" }));
    expect(m.toList()).toEqual([0x01020304, 7]);
    m.release();
  });

  it("holds a ByteArray export, which blocks resize until release", () => {
    const ba = new ByteArray([1, 2, 3]);
    const m = memoryview(ba);
    expect(() => ba.resize(1)).toThrow("Existing exports of data: object cannot be re-sized");
    expect(m.toList()).toEqual([1, 2, 3]);
    m.release();
    ba.resize(1);
    expect(ba.length).toBe(1);
  });
});
