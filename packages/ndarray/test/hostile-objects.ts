/**
 * Hostile duck-typed arrays for the fuzz suites of @pybuffer/ndarray and the umbrella:
 * scijs- and stdlib-shaped objects whose fields are wrong values (NaN, negatives, 2^53,
 * bigints, strings, huge), getters that throw, detach the data's ArrayBuffer mid-call or
 * answer differently at each read, Proxies, and data that is no TypedArray or a part of
 * a larger pool (whose neighbouring bytes no view may reach).
 */
import { type BufferView, toContiguous } from "@pybuffer/core";
import fc from "fast-check";
import { expect } from "vitest";
import { stridedExtent } from "../../core/src/reach.js";
import { familyOutcome } from "../../core/test/support/fuzz.js";

/** What a hostile getter throws: the caller's own error, passed through untouched. */
export class Hostile extends Error {}

/** Values for shape/stride/strides entries and offsets, good and bad. */
export const NUMBERS: readonly unknown[] = [
  0,
  1,
  2,
  3,
  -1,
  -2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  1.5,
  2 ** 31,
  2 ** 32 + 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  Number.MAX_VALUE,
  3n,
  "3",
  null,
  undefined,
  true,
  {},
];

/** How the hostile field is read. */
export type Mode = "plain" | "throws" | "detaches" | "varies" | "proxy";

/** A valid array, then one field made hostile. */
export interface ArrayPlan {
  readonly kind: "scijs" | "stdlib";
  /** Which data (see dataOf): 0 to 2 are parts of a pool, the others are not bytes. */
  readonly data: number;
  /** The valid layout: C-contiguous, at most 8 elements. */
  readonly dims: readonly number[];
  readonly field: "none" | "shape" | "strides" | "offset" | "dtype" | "data" | "flags";
  readonly mode: Mode;
  /** The wrong value ("plain": in place of an entry or the value). */
  readonly bad: unknown;
  /** The value of later reads ("varies", "proxy"). */
  readonly later: unknown;
  readonly entry: number;
}

const value = fc.oneof(fc.integer({ min: -3, max: 40 }), fc.constantFrom(...NUMBERS));

/** Arbitrary hostile array plans. */
export const arrayPlan: fc.Arbitrary<ArrayPlan> = fc.record({
  kind: fc.constantFrom<"scijs" | "stdlib">("scijs", "stdlib"),
  data: fc.oneof(fc.constantFrom(0, 1, 2), fc.nat(9)),
  dims: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }),
  field: fc.constantFrom("none", "shape", "strides", "offset", "dtype", "data", "flags"),
  mode: fc.constantFrom<Mode>("plain", "throws", "detaches", "varies", "proxy"),
  bad: fc.oneof(
    value,
    fc.constantFrom<unknown>("int8", "complex128", "bool", "generic", "int64", () => 0),
  ),
  later: value,
  entry: fc.nat(3),
});

/** The data a plan names, with the bytes it may be read from. */
export interface Made {
  readonly array: object;
  /** The buffer and byte range of the data's own elements (null: no TypedArray). */
  readonly region: { buffer: ArrayBufferLike; start: number; end: number } | null;
  readonly pool: ArrayBuffer;
}

/** `values` with the entry `at` read through a getter: `first` once, then `later`. */
function varying(values: unknown[], at: number, later: unknown): unknown[] {
  const out = values.slice();
  if (out.length === 0) return out;
  const i = at % out.length;
  const first = out[i];
  let reads = 0;
  Object.defineProperty(out, i, { get: () => (reads++ === 0 ? first : later), enumerable: true });
  return out;
}

/** A Proxy of `values` whose entries read `later` once the first pass over them is done. */
function proxied(values: unknown[], later: unknown): unknown[] {
  let reads = 0;
  return new Proxy(values, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key) && reads++ > values.length) return later;
      return Reflect.get(target, key, receiver);
    },
  });
}

/** The data: a part of a pool of 64 float64s (neighbours on both sides), or worse. */
function dataOf(which: number, pool: ArrayBuffer): [unknown, Made["region"]] {
  const part = (ctor: Float64ArrayConstructor | Int8ArrayConstructor, n: number) => {
    const a = new ctor(pool, 64, n);
    return [a, { buffer: pool, start: 64, end: 64 + a.byteLength }] as [unknown, Made["region"]];
  };
  switch (which) {
    case 0:
    case 1:
      return part(Float64Array, 8);
    case 2:
      return part(Int8Array, 8);
    case 3:
      return [[1, 2, 3, 4], null];
    case 4:
      return [new DataView(pool, 64, 16), null];
    case 5:
      return [pool, null];
    case 6:
      return [new Proxy(new Float64Array(pool, 64, 8), {}), null];
    case 7:
      // stdlib-shaped liar: claims bytes past its buffer
      return [
        { buffer: pool, byteOffset: 500, length: 4, constructor: { name: "Complex128Array" } },
        null,
      ];
    case 8:
      return [
        { buffer: "x", byteOffset: 0, length: 1, constructor: { name: "BooleanArray" } },
        null,
      ];
    default:
      return [new Float64Array(0), null];
  }
}

const DTYPES: Record<number, string> = { 0: "float64", 1: "float64", 2: "int8" };

/** The hostile array of `plan`, over a fresh pool. */
export function makeArray(plan: ArrayPlan): Made {
  const pool = new ArrayBuffer(512);
  new Uint8Array(pool).fill(0x5a);
  const detach = (): void => {
    structuredClone(pool, { transfer: [pool] });
  };
  const [data, region] = dataOf(plan.data, pool);
  const strides = plan.dims.map((_, i) => plan.dims.slice(i + 1).reduce((a, b) => a * b, 1));
  const fields: Record<string, unknown> = {
    data,
    shape: plan.dims.slice(),
    strides,
    offset: 0,
    dtype: DTYPES[plan.data] ?? "float64",
    flags: {},
  };
  const name = plan.field;
  const x: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(fields)) {
    const own = plan.kind === "scijs" && key === "strides" ? "stride" : key;
    if (key !== name) {
      x[own] = v;
      continue;
    }
    const list = Array.isArray(v);
    const changed = (): unknown => {
      if (plan.mode === "plain") {
        if (!list) return plan.bad;
        const copy = (v as unknown[]).slice();
        copy[plan.entry % (copy.length + 1)] = plan.bad;
        return copy;
      }
      if (plan.mode === "varies") return list ? varying(v as unknown[], plan.entry, plan.later) : v;
      if (plan.mode === "proxy") return list ? proxied((v as unknown[]).slice(), plan.later) : v;
      return v;
    };
    const made = changed();
    let reads = 0;
    Object.defineProperty(x, own, {
      get() {
        reads++;
        if (plan.mode === "throws") throw new Hostile(`reading ${own}`);
        if (plan.mode === "detaches" && reads === 1) detach();
        if (plan.mode === "varies" && !list && reads > 1) return plan.later;
        return made;
      },
      enumerable: true,
    });
  }
  if (plan.kind === "scijs") {
    x.dimension = plan.dims.length;
    x.pick = () => x;
  } else {
    x.order = "row-major";
    x.ndims = plan.dims.length;
    x.get = () => 0;
    x.set = () => undefined;
  }
  const array = name === "none" && plan.mode === "proxy" ? new Proxy(x, {}) : x;
  return { array, region, pool };
}

/** "ok", "hostile" (the caller's own error) or the family error's name; anything else fails. */
export function tally(run: () => unknown): string {
  try {
    const result = familyOutcome(run) as { error?: string; message?: string };
    if (result.error === undefined) return "ok";
    if (result.error !== "MemoryError") expect(result.message).not.toBe("");
    return result.error;
  } catch (error) {
    if (error instanceof Hostile) return "hostile";
    throw error;
  }
}

/** Every item of `view` lies inside the data's own bytes, and is read. */
export function checkInside(view: BufferView, made: Made): void {
  const shape = view.shape ?? [];
  const strides = view.strides ?? [];
  const count = shape.reduce((a, b) => a * b, 1);
  // the bytes [lo, hi) the items take (null: no items)
  const extent = stridedExtent(view.buf, shape, strides, 0, shape.length, view.itemsize);
  if (extent !== null && made.region !== null) {
    expect(view.memory).toBe(made.region.buffer);
    expect(extent[0]).toBeGreaterThanOrEqual(made.region.start);
    expect(extent[1]).toBeLessThanOrEqual(made.region.end);
  }
  // every item read, as far as a copy is small (a stride-0 view can be gigabytes long);
  // (+ 0: a dimension of -0 is a dimension of 0)
  if (view.len <= 1 << 20) expect(toContiguous(view, "C").length).toBe(count * view.itemsize + 0);
}
