/**
 * The public types: results typed by the factory passed in (`@types/ndarray`'s `NdArray`,
 * stdlib's `ndarray`), and wrong arguments refused by the checker (`tsc -p
 * tsconfig.test.json` checks the `@ts-expect-error` lines) as well as at run time.
 */
import type { NdArray } from "ndarray";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  fromNdarray,
  type NdarrayExporter,
  type ScijsData,
  toNdarray,
  toStdlib,
} from "../src/index.js";
import { Stdlib, scijs } from "./libs.js";

describe("types", () => {
  it("follow the factory passed in", () => {
    const x = scijs(new Float64Array([1, 2, 3, 4]), [2, 2]);
    const exporter = fromNdarray(x);
    expectTypeOf(exporter.source).toEqualTypeOf<NdArray<Float64Array<ArrayBuffer>>>();
    expectTypeOf(exporter).toExtend<NdarrayExporter>();
    expect(exporter.source).toBe(x);
    const y = toNdarray(exporter, scijs);
    expectTypeOf(y).toEqualTypeOf<NdArray<ScijsData>>();
    expect(y.get(1, 1)).toBe(4);
    const s = toStdlib(exporter, Stdlib);
    expectTypeOf(s).toEqualTypeOf<InstanceType<typeof Stdlib>>();
    expect(s.get(1, 0)).toBe(3);
  });

  it("refuse what is not an array of either library, or a missing factory", () => {
    // @ts-expect-error: a TypedArray is not an ndarray (the umbrella takes it as itself)
    expect(() => fromNdarray(new Float64Array(2))).toThrow(TypeError);
    const exporter = fromNdarray(scijs(new Int8Array(2)));
    // @ts-expect-error: the scijs factory is required
    expect(() => toNdarray(exporter)).toThrow(TypeError);
    // @ts-expect-error: stdlib's constructor, not a dtype name
    expect(() => toStdlib(exporter, "int8")).toThrow(TypeError);
    // @ts-expect-error: copy is a boolean or "always"
    expect(() => toNdarray(exporter, scijs, { copy: "sometimes" })).not.toThrow();
    // @ts-expect-error: readonly is a boolean
    expect(() => fromNdarray(scijs(new Int8Array(2)), { readonly: "yes" })).not.toThrow();
  });
});
