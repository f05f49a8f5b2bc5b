/**
 * The element types both libraries hold over an ArrayBuffer, and the pybuffer format of
 * each. scijs names its dtype after the data's TypedArray class; stdlib states the dtype
 * and does not check it against the data (`'float32'` over a `Float64Array` is accepted,
 * and its reads then give the Float64Array's values), so the data's class is checked here.
 * 8-byte integers are `q`/`Q`, never the ABI-dependent `l`/`L`. stdlib has no 8-byte
 * integers; scijs has no bool or complex.
 */

/** An element type: its format, bytes per element, and the data classes that hold it. */
export interface ElementType {
  /** The pybuffer (struct) format of one element. */
  readonly format: string;
  /** Bytes per element. */
  readonly itemsize: number;
  /** The scijs dtype name, if scijs has the type. */
  readonly scijs: string | undefined;
  /** The stdlib dtype name, if stdlib has the type. */
  readonly stdlib: string | undefined;
  /** The TypedArray class that reads the element's bytes (a pair of floats for complex). */
  readonly typed: string;
  /** Elements of `typed` per element (2 for complex). */
  readonly parts: number;
}

// format, itemsize, scijs dtype, stdlib dtype, TypedArray class, parts
const ROWS: ReadonlyArray<
  readonly [string, number, string | undefined, string | undefined, string, number]
> = [
  ["b", 1, "int8", "int8", "Int8Array", 1],
  ["B", 1, "uint8", "uint8", "Uint8Array", 1],
  ["B", 1, "uint8_clamped", "uint8c", "Uint8ClampedArray", 1],
  ["h", 2, "int16", "int16", "Int16Array", 1],
  ["H", 2, "uint16", "uint16", "Uint16Array", 1],
  ["i", 4, "int32", "int32", "Int32Array", 1],
  ["I", 4, "uint32", "uint32", "Uint32Array", 1],
  ["q", 8, "bigint64", undefined, "BigInt64Array", 1],
  ["Q", 8, "biguint64", undefined, "BigUint64Array", 1],
  ["e", 2, "float16", "float16", "Float16Array", 1],
  ["f", 4, "float32", "float32", "Float32Array", 1],
  ["d", 8, "float64", "float64", "Float64Array", 1],
  ["?", 1, undefined, "bool", "Uint8Array", 1],
  ["Zf", 8, undefined, "complex64", "Float32Array", 2],
  ["Zd", 16, undefined, "complex128", "Float64Array", 2],
];

const TYPES: readonly ElementType[] = ROWS.map(([format, itemsize, scijs, stdlib, typed, parts]) =>
  Object.freeze({ format, itemsize, scijs, stdlib, typed, parts }),
);

/** By the data's TypedArray class: what scijs holds in it. */
export const BY_TYPED_ARRAY: ReadonlyMap<string, ElementType> = new Map(
  TYPES.filter((t) => t.scijs !== undefined).map((t) => [t.typed, t]),
);

/** By stdlib dtype name (`binary`, a Node Buffer's bytes, is `uint8`'s `B`). */
export const BY_STDLIB_DTYPE: ReadonlyMap<string, ElementType> = new Map([
  ...TYPES.filter((t) => t.stdlib !== undefined).map((t) => [t.stdlib as string, t] as const),
  ["binary", TYPES[1] as ElementType],
]);

/**
 * The data classes an stdlib dtype accepts: its TypedArray, stdlib's own array class for
 * `bool` and complex (`BooleanArray`, `Complex64Array`, `Complex128Array`), and a plain
 * `Uint8Array` for `bool` too (stdlib's `get` then gives 0/1; the export gives booleans).
 */
export const STDLIB_DATA: Readonly<Record<string, readonly string[]>> = {
  bool: ["BooleanArray", "Uint8Array"],
  complex64: ["Complex64Array"],
  complex128: ["Complex128Array"],
};

/** stdlib dtypes that have no PEP 3118 format, with the reason given for each. */
export const STDLIB_UNFAITHFUL: Readonly<Record<string, string>> = {
  generic: "a 'generic' array holds JavaScript values, not bytes",
  complex32: "'complex32' (two float16) has no PEP 3118 format",
};

/** By a single format code (no byte order), what each library makes of it. */
export const BY_CODE: ReadonlyMap<string, ElementType> = new Map(
  TYPES.filter((t) => t.typed !== "Uint8ClampedArray").map((t) => [t.format, t]),
);
