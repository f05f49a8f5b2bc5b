/**
 * The table between TypedArray kinds and struct format codes, both ways.
 *
 * Kinds are detected through the `%TypedArray%.prototype[Symbol.toStringTag]` getter,
 * never `constructor.name`: a Node `Buffer` reports `Uint8Array` there, and arrays from
 * another realm are recognised too. `Float16Array` is looked up on `globalThis` at each
 * call, so the table works on runtimes without it (Node 20) and gains `e` where it exists.
 */

/**
 * A 16-bit float array (`Float16Array`), typed structurally because not every runtime
 * (nor every TypeScript `lib`) has it.
 */
export interface Float16ArrayLike extends ArrayBufferView {
  readonly BYTES_PER_ELEMENT: 2;
  readonly length: number;
  [index: number]: number;
}

/** Every TypedArray kind, `Float16Array` included where the runtime has it. */
export type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | Float32Array
  | Float64Array
  | Float16ArrayLike;

/** A TypedArray constructor, as used by the adapters. */
export type TypedArrayConstructor = new (
  buffer: ArrayBufferLike,
  byteOffset?: number,
  length?: number,
) => TypedArray;

/** The struct format code each TypedArray kind exports (`Symbol.toStringTag` names). */
export const TYPED_ARRAY_FORMATS: Readonly<Record<string, string>> = Object.freeze({
  Int8Array: "b",
  Uint8Array: "B",
  Uint8ClampedArray: "B",
  Int16Array: "h",
  Uint16Array: "H",
  Int32Array: "i",
  Uint32Array: "I",
  BigInt64Array: "q",
  BigUint64Array: "Q",
  Float16Array: "e",
  Float32Array: "f",
  Float64Array: "d",
});

/** What a kind exports: its format code and bytes per element. */
export interface KindInfo {
  readonly format: string;
  readonly size: number;
}

// One Map of both (a keyed load on an object cost ~8 ns per wrap, a second Map lookup ~5).
const KINDS: ReadonlyMap<string, KindInfo> = new Map(
  (
    [
      ["Int8Array", 1],
      ["Uint8Array", 1],
      ["Uint8ClampedArray", 1],
      ["Int16Array", 2],
      ["Uint16Array", 2],
      ["Int32Array", 4],
      ["Uint32Array", 4],
      ["BigInt64Array", 8],
      ["BigUint64Array", 8],
      ["Float16Array", 2],
      ["Float32Array", 4],
      ["Float64Array", 8],
    ] as const
  ).map(([kind, size]) => [
    kind,
    Object.freeze({ format: TYPED_ARRAY_FORMATS[kind] as string, size }),
  ]),
);

let lastKind: string | undefined;
let lastInfo: KindInfo | undefined;

/**
 * The format and element size of a TypedArray kind, or `undefined` for an unknown kind.
 * The last answer is kept: the tag getter gives the same string for a kind every time,
 * so a loop wrapping arrays of one kind compares one pointer instead of hashing.
 *
 * @example
 * ```ts
 * kindInfo("Float64Array"); // { format: "d", size: 8 }
 * ```
 */
export function kindInfo(kind: string | undefined): KindInfo | undefined {
  if (kind === lastKind) return lastInfo;
  const info = kind === undefined ? undefined : KINDS.get(kind);
  lastKind = kind;
  lastInfo = info;
  return info;
}

/**
 * The struct format code a TypedArray kind exports, or `undefined` for an unknown kind.
 *
 * @example
 * ```ts
 * typedArrayFormat("Float64Array"); // "d"
 * ```
 */
export function typedArrayFormat(kind: string): string | undefined {
  return typeof kind === "string" ? KINDS.get(kind)?.format : undefined;
}

/**
 * Bytes per element of a TypedArray kind (from a table, never from the instance, whose
 * `BYTES_PER_ELEMENT` an own property could shadow); 0 for an unknown kind.
 *
 * @example
 * ```ts
 * typedArrayElementSize("BigInt64Array"); // 8
 * ```
 */
export function typedArrayElementSize(kind: string): number {
  // A Map: "toString" or "constructor" cannot find Object.prototype's.
  return (typeof kind === "string" ? KINDS.get(kind)?.size : undefined) ?? 0;
}

const tagGetter = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Int8Array.prototype) as object,
  Symbol.toStringTag,
)?.get as (this: unknown) => string | undefined;

/**
 * The kind of a TypedArray (`"Int32Array"`, `"Float16Array"`…), or `undefined` when the
 * value is not a TypedArray (a DataView, an ArrayBuffer, anything else).
 *
 * @example
 * ```ts
 * typedArrayKind(new Int32Array(2)); // "Int32Array"
 * typedArrayKind(Buffer.from("ab")); // "Uint8Array", not "Buffer"
 * typedArrayKind(new DataView(new ArrayBuffer(1))); // undefined
 * ```
 */
export function typedArrayKind(value: unknown): string | undefined {
  return tagGetter.call(value);
}

/** The runtime's `Float16Array`, or `undefined` (Node 20, older browsers). */
export function float16ArrayConstructor(): TypedArrayConstructor | undefined {
  const ctor = (globalThis as { Float16Array?: unknown }).Float16Array;
  return typeof ctor === "function" ? (ctor as TypedArrayConstructor) : undefined;
}

const CONSTRUCTORS: Readonly<Record<string, TypedArrayConstructor>> = {
  Int8Array,
  Uint8Array,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  BigInt64Array,
  BigUint64Array,
  Float32Array,
  Float64Array,
};

/**
 * The constructor for a TypedArray kind name, or `undefined` when this runtime lacks it
 * (`"Float16Array"` on Node 20).
 *
 * @example
 * ```ts
 * typedArrayConstructor("Float64Array") === Float64Array; // true
 * ```
 */
export function typedArrayConstructor(kind: string): TypedArrayConstructor | undefined {
  if (kind === "Float16Array") return float16ArrayConstructor();
  return typeof kind === "string" && Object.hasOwn(CONSTRUCTORS, kind)
    ? CONSTRUCTORS[kind]
    : undefined;
}
