/**
 * Random arrays of both libraries for the property tests: any dtype they hold over bytes,
 * shapes of up to 4 dimensions (extents 0 to 4), strides of any sign (zero included), an
 * offset, and data that starts part-way into a larger ArrayBuffer, filled with values
 * that tell the elements apart.
 */
import fc from "fast-check";
import { BooleanArray, Complex64Array, Complex128Array, Stdlib, scijs } from "./libs.js";

/** A dtype: the library, its dtype name, the data class and a value for element i. */
export interface Kind {
  readonly lib: "scijs" | "stdlib";
  readonly dtype: string;
  readonly bytes: number;
  make(buffer: ArrayBuffer, byteOffset: number, length: number): unknown;
  value(i: number): unknown;
}

type Ctor = new (buffer: ArrayBuffer, byteOffset: number, length: number) => unknown;

function kind(
  lib: Kind["lib"],
  dtype: string,
  ctor: Ctor,
  bytes: number,
  value: (i: number) => unknown,
): Kind {
  return { lib, dtype, bytes, make: (b, o, n) => new ctor(b, o, n), value };
}

const int = (mod: number, signed: boolean) => (i: number) => {
  const v = (i * 37 + 11) % mod;
  return signed && v >= mod / 2 ? v - mod : v;
};
const real = (i: number) => i * 1.5 - 7.25;
const complex = (i: number) => ({ re: real(i), im: -i });

const NUMERIC: [string, string, Ctor, number, (i: number) => unknown][] = [
  ["int8", "int8", Int8Array, 1, int(256, true)],
  ["uint8", "uint8", Uint8Array, 1, int(256, false)],
  ["uint8_clamped", "uint8c", Uint8ClampedArray, 1, int(256, false)],
  ["int16", "int16", Int16Array, 2, int(65536, true)],
  ["uint16", "uint16", Uint16Array, 2, int(65536, false)],
  ["int32", "int32", Int32Array, 4, (i) => int(65536, true)(i) * 65537],
  ["uint32", "uint32", Uint32Array, 4, (i) => int(65536, false)(i) * 65537],
  ["float32", "float32", Float32Array, 4, real],
  ["float64", "float64", Float64Array, 8, real],
];

export const KINDS: readonly Kind[] = [
  ...NUMERIC.map(([s, , ctor, bytes, value]) => kind("scijs", s, ctor, bytes, value)),
  kind("scijs", "bigint64", BigInt64Array, 8, (i) => BigInt(int(65536, true)(i)) * 4294967297n),
  kind("scijs", "biguint64", BigUint64Array, 8, (i) => BigInt(i) * 4294967297n + 1n),
  ...NUMERIC.map(([, d, ctor, bytes, value]) => kind("stdlib", d, ctor, bytes, value)),
  kind("stdlib", "bool", BooleanArray as unknown as Ctor, 1, (i) => i % 3 === 0),
  kind("stdlib", "complex64", Complex64Array as unknown as Ctor, 8, complex),
  kind("stdlib", "complex128", Complex128Array as unknown as Ctor, 16, complex),
];

/** A made array, with the layout it was made with. */
export interface Made {
  readonly kind: Kind;
  readonly x: { get(...i: number[]): unknown; set(...args: unknown[]): unknown; data: unknown };
  readonly shape: number[];
  readonly strides: number[];
  readonly offset: number;
  readonly buffer: ArrayBuffer;
}

/** Every index tuple of `shape`, in C order. */
export function indices(shape: readonly number[]): number[][] {
  let all: number[][] = [[]];
  for (const n of shape)
    all = all.flatMap((prefix) => Array.from({ length: n }, (_, i) => [...prefix, i]));
  return all;
}

export const arrays: fc.Arbitrary<Made> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    dims: fc.array(
      fc.record({ n: fc.integer({ min: 0, max: 4 }), s: fc.integer({ min: -6, max: 6 }) }),
      {
        maxLength: 4,
      },
    ),
    lead: fc.integer({ min: 0, max: 3 }),
    tail: fc.integer({ min: 0, max: 3 }),
    skip: fc.integer({ min: 0, max: 2 }),
    columnMajor: fc.boolean(),
  })
  .map(({ kind, dims, lead, tail, skip, columnMajor }): Made => {
    const shape = dims.map((d) => d.n);
    const strides = dims.map((d) => d.s);
    let neg = 0;
    let pos = 0;
    for (const { n, s } of dims) {
      if (n === 0) continue;
      if (s < 0) neg -= (n - 1) * s;
      else pos += (n - 1) * s;
    }
    const offset = lead + neg;
    const length = offset + pos + 1 + tail;
    const buffer = new ArrayBuffer((length + skip) * kind.bytes);
    const data = kind.make(buffer, skip * kind.bytes, length) as { set?: unknown; length: number };
    for (let i = 0; i < length; i++) setItem(data, i, kind.value(i));
    const x =
      kind.lib === "scijs"
        ? scijs(data as Float64Array, shape, strides, offset)
        : new Stdlib(
            kind.dtype as "float64",
            data as Float64Array,
            shape,
            shape.length === 0 ? [0] : strides,
            offset,
            columnMajor ? "column-major" : "row-major",
          );
    return { kind, x: x as unknown as Made["x"], shape, strides, offset, buffer };
  });

function setItem(data: unknown, i: number, value: unknown): void {
  const d = data as { set(v: unknown, i: number): void; [i: number]: unknown };
  if (ArrayBuffer.isView(data)) d[i] = value;
  else d.set(value, i); // stdlib's own arrays: set(value, index)
}

/** A value read by either side, in one comparable form. */
export function plain(value: unknown): unknown {
  if (typeof value === "object" && value !== null && "re" in value) {
    const z = value as { re: number; im: number };
    return [z.re, z.im];
  }
  return value;
}
