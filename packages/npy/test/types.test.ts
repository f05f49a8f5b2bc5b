/**
 * The public types: what loadNpy returns for each source (a promise only for a Blob),
 * the descr shapes formatFromDescr takes, and the negatives the compiler must refuse
 * (checked by `tsc -p tsconfig.test.json`, run by the CI's typecheck).
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type Descr,
  descrFromFormat,
  formatFromDescr,
  loadNpy,
  type NpyArray,
  saveNpy,
} from "../src/index.js";

describe("types", () => {
  it("loadNpy is synchronous for bytes and exporters, a promise for a Blob", async () => {
    const bytes = saveNpy(loadNpy(saveNpy(loadNpy(await npyOf()))));
    expectTypeOf(loadNpy(bytes)).toEqualTypeOf<NpyArray>();
    expectTypeOf(loadNpy(bytes.buffer)).toEqualTypeOf<NpyArray>();
    expectTypeOf(loadNpy(new Blob([bytes]))).toEqualTypeOf<Promise<NpyArray>>();
    expect((await loadNpy(new Blob([bytes]))).shape).toEqual([2]);
    expectTypeOf(saveNpy(loadNpy(bytes))).toEqualTypeOf<Uint8Array<ArrayBuffer>>();
    // @ts-expect-error: a number is no source
    expect(() => loadNpy(3)).toThrow(TypeError);
    // @ts-expect-error: options are an object
    expect(() => loadNpy(bytes, "r")).toThrow(TypeError);
  });

  it("descrs are type strings, field lists and sub-array pairs", () => {
    const record: Descr = [
      ["a", "<i4"],
      [["Title", "b"], "<f8", [2, 3]],
      ["c", [["x", "|u1"]]],
    ];
    expectTypeOf(formatFromDescr(record)).toEqualTypeOf<string>();
    expect(formatFromDescr(record, { style: "numpy" })).toBe("T{=i:a:(2,3)d:b:T{B:x:}:c:}");
    expectTypeOf(descrFromFormat("d")).toEqualTypeOf<Descr>();
    // @ts-expect-error: a field needs a descr
    expect(() => formatFromDescr([["a"]])).toThrow(TypeError);
    // @ts-expect-error: styles are "numpy" and "view"
    formatFromDescr("<f8", { style: "python" });
  });
});

async function npyOf(): Promise<Uint8Array> {
  const { NDBuffer } = await import("@pybuffer/core");
  return saveNpy(new NDBuffer(new ArrayBuffer(16), { shape: [2], format: "<d" }));
}
