/**
 * The TypedArray ↔ format table for the type checker: which format a JavaScript binary
 * value exports (`Float64Array` → `"d"`, read from its `Symbol.toStringTag` type), and
 * which TypedArray kind `toTypedArray` gives for a literal format (`"h"` → `Int16Array`).
 * The run-time table is `kinds.ts` / `format-kind.ts`; these follow it.
 */
import type { FormatOf, NdimOf, NdimOfShape, ShapedExporter } from "@pybuffer/core";
import type { Float16ArrayLike, TypedArray } from "./kinds.js";

/** The format each TypedArray kind exports, by its `Symbol.toStringTag`. */
interface FormatByTag {
  Int8Array: "b";
  Uint8Array: "B";
  Uint8ClampedArray: "B";
  Int16Array: "h";
  Uint16Array: "H";
  Int32Array: "i";
  Uint32Array: "I";
  BigInt64Array: "q";
  BigUint64Array: "Q";
  Float16Array: "e";
  Float32Array: "f";
  Float64Array: "d";
  DataView: "B";
  ArrayBuffer: "B";
  SharedArrayBuffer: "B";
}

/** The TypedArray kind of each single-code format (`l L n N P` by item size, so either). */
interface TypedArrayByCode {
  b: Int8Array;
  B: Uint8Array;
  c: Uint8Array;
  "?": Uint8Array;
  h: Int16Array;
  H: Uint16Array;
  i: Int32Array;
  I: Uint32Array;
  l: Int32Array | BigInt64Array;
  L: Uint32Array | BigUint64Array;
  n: Int32Array | BigInt64Array;
  N: Uint32Array | BigUint64Array;
  P: Uint32Array | BigUint64Array;
  q: BigInt64Array;
  Q: BigUint64Array;
  e: Float16ArrayLike;
  f: Float32Array;
  d: Float64Array;
}

/**
 * The format a source exports: the `format` option when it is a literal, else a JavaScript
 * binary value's own (`"B"` for bytes, DataView and ArrayBuffer), else what an exporter type
 * carries, else `string`.
 *
 * @example
 * type F = FormatOfSource<Int16Array>; // "h"
 */
export type FormatOfSource<E, O = {}> = O extends { readonly format: infer F extends string }
  ? F
  : E extends DataView
    ? "B"
    : E extends { readonly [Symbol.toStringTag]: infer K }
      ? K extends keyof FormatByTag
        ? FormatByTag[K]
        : Bytes<E>
      : Bytes<E>;

/** `"B"` for an ArrayBuffer whose tag is only `string` (TypeScript before 5.9's lib). */
type Bytes<E> = E extends ArrayBuffer | SharedArrayBuffer ? "B" : FormatOf<E>;

/**
 * The dimensions of a source's views: the `shape` option's length when it is a tuple, one for
 * a JavaScript binary value, else what an exporter type carries.
 *
 * @example
 * type N = NdimOfSource<Int16Array, { shape: [2, 3] }>; // 2
 */
export type NdimOfSource<E, O = {}> = O extends {
  readonly shape: infer S extends readonly unknown[];
}
  ? NdimOfShape<S>
  : E extends ArrayBufferView | ArrayBuffer | SharedArrayBuffer
    ? 1
    : NdimOf<E>;

/**
 * An exporter over a JavaScript binary value, with the format and dimensions it exports.
 *
 * @example
 * declare const e: ShapedSource<Float64Array>; // views of "d", one dimension
 */
export type ShapedSource<E, O = {}> = ShapedExporter<FormatOfSource<E, O>, NdimOfSource<E, O>>;

/**
 * What `toTypedArray` gives for a format: its kind for a literal single-code format (an
 * optional byte order and count of 1 allowed), else any `TypedArray`.
 *
 * @example
 * type T = TypedArrayOf<"<h">; // Int16Array
 */
export type TypedArrayOf<F extends string> = CodeKind<
  F extends `${"@" | "=" | "<" | ">" | "!"}${infer R}` ? R : F
>;
type CodeKind<C extends string> = C extends keyof TypedArrayByCode
  ? TypedArrayByCode[C]
  : C extends `1${infer R extends keyof TypedArrayByCode}`
    ? TypedArrayByCode[R]
    : TypedArray;
