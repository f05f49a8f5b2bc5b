/** The adapters' exporters print their layout and first items, as every exporter does. */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ByteArray, fromDataView, fromTypedArray } from "../src/index.js";

describe("printing typed-array exporters", () => {
  it("a TypedArray's exporter, and a DataView's with a format", () => {
    expect(String(fromTypedArray(new Float32Array([0.5, 2])))).toBe(
      "<MemoryExporter format='f' shape=(2,) strides=(4,) readonly=False exports=0 [0.5, 2.0]>",
    );
    const dv = new DataView(new Int16Array([-1, 2, -3, 4]).buffer, 2, 4);
    expect(inspect(fromDataView(dv, { format: "<h" }))).toBe(
      "<MemoryExporter format='<h' shape=(2,) strides=(2,) readonly=False exports=0 [2, -3]>",
    );
  });

  it("a ByteArray", () => {
    const b = new ByteArray(new Uint8Array([120, 121]));
    expect(String(b)).toBe(
      "<ByteArray format='B' shape=(2,) strides=(1,) readonly=False exports=0 [120, 121]>",
    );
  });
});
