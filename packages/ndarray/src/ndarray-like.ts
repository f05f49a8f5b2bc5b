/**
 * The two array families, recognised by shape rather than by import (both libraries are
 * optional peers, and arrays from another copy of either must be recognised too).
 *
 * scijs `ndarray` (1.x) keeps `data`, `shape`, `stride` (singular) and `offset` as own
 * fields and `dtype`, `dimension`, `order` (an array of axes) on per-dtype prototypes.
 * `@stdlib/ndarray` exposes getters: `data`, `dtype` (a name or a `DataType` object),
 * `shape` and `strides` (copies), `offset`, `order` (a string), `ndims`, `flags`.
 * Neither sets `Symbol.toStringTag`. Both count strides and offset in elements.
 */

/** A scijs `ndarray` (the fields this package reads). */
export interface ScijsNdarrayLike {
  readonly data: unknown;
  readonly shape: ArrayLike<number>;
  readonly stride: ArrayLike<number>;
  readonly offset: number;
  readonly dimension: number;
  readonly dtype?: string;
}

/** An `@stdlib/ndarray` array (the fields this package reads). */
export interface StdlibNdarrayLike {
  readonly data: unknown;
  /** A data type name (`"float64"`), or a `DataType` object whose `String()` is one. */
  readonly dtype: unknown;
  readonly shape: ArrayLike<number>;
  readonly strides: ArrayLike<number>;
  readonly offset: number;
  readonly order: string;
  readonly ndims: number;
  readonly flags: { readonly READONLY?: boolean };
}

/** Either family. */
export type NdarrayLike = ScijsNdarrayLike | StdlibNdarrayLike;

type Fields = { readonly [key: string]: unknown };

/**
 * Whether `value` looks like a scijs `ndarray`: `data`, a `stride` array, a numeric
 * `dimension` and a `pick` method (the library's duck test, narrowed).
 *
 * @example
 * ```ts
 * isScijsNdarray(ndarray(new Float64Array(4), [2, 2])); // true
 * ```
 */
export function isScijsNdarray(value: unknown): value is ScijsNdarrayLike {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Fields;
  return (
    typeof v.dimension === "number" &&
    Array.isArray(v.stride) &&
    typeof v.pick === "function" &&
    "data" in v
  );
}

/**
 * Whether `value` looks like an `@stdlib/ndarray` array: `data`, `strides` and `flags`,
 * a string `order`, numeric `ndims` and `offset`, and `get`/`set` methods
 * (`@stdlib/assert/is-ndarray-like`'s test, narrowed).
 *
 * @example
 * ```ts
 * isStdlibNdarray(array(new Float64Array(4), { shape: [2, 2] })); // true
 * ```
 */
export function isStdlibNdarray(value: unknown): value is StdlibNdarrayLike {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Fields;
  return (
    typeof v.order === "string" &&
    typeof v.ndims === "number" &&
    typeof v.offset === "number" &&
    typeof v.get === "function" &&
    typeof v.set === "function" &&
    // `in`, not a read: stdlib's getters copy `flags` and `strides` at every read.
    "flags" in v &&
    "strides" in v &&
    "data" in v
  );
}

/**
 * Whether `value` is an array of either family (whatever its data: a generic one is
 * recognised, and refused by `fromNdarray` with the reason).
 *
 * @example
 * ```ts
 * isNdarray(ndarray(new Int32Array(3))); // true
 * isNdarray(new Int32Array(3)); // false
 * ```
 */
export function isNdarray(value: unknown): value is NdarrayLike {
  return isScijsNdarray(value) || isStdlibNdarray(value);
}
