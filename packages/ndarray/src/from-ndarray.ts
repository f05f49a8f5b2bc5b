/**
 * scijs and stdlib arrays as exporters over the same memory. The element type comes
 * from the data (scijs names its dtype after it) or from stdlib's `dtype`, checked
 * against the data; shape, strides (any sign, zero included) and offset are taken in
 * elements and checked against the data's own elements. stdlib's `order` is a hint for
 * its own linear iteration: the strides alone say where each element lies, so the export
 * follows them (a column-major array exports Fortran-contiguous). stdlib's `READONLY`
 * flag makes the export read-only.
 */
import { NotImplementedError } from "@pybuffer/struct";
import { className, dataRegion, typedArrayKind } from "./data-region.js";
import { place } from "./element-layout.js";
import {
  BY_STDLIB_DTYPE,
  BY_TYPED_ARRAY,
  type ElementType,
  STDLIB_DATA,
  STDLIB_UNFAITHFUL,
} from "./element-types.js";
import { NdarrayExporter } from "./ndarray-exporter.js";
import {
  isScijsNdarray,
  isStdlibNdarray,
  type NdarrayLike,
  type ScijsNdarrayLike,
  type StdlibNdarrayLike,
} from "./ndarray-like.js";

/** Options of {@link fromNdarray}. */
export interface FromNdarrayOptions {
  /** Export read-only even if the array is writable (default false). */
  readonly readonly?: boolean | undefined;
}

const WHAT = "fromNdarray";

function valuesError(cls: string, dtype: string): TypeError {
  return new TypeError(
    `${WHAT}: an ndarray of dtype '${dtype}' over a ${cls} holds JavaScript values, not bytes; make it over a TypedArray`,
  );
}

function scijsType(data: unknown, x: ScijsNdarrayLike): ElementType {
  const type = BY_TYPED_ARRAY.get(typedArrayKind(data) ?? "");
  if (type === undefined) throw valuesError(className(data), String(x.dtype));
  return type;
}

/** The dtype's name: stdlib's `DataType` objects print as it. */
function dtypeName(dtype: unknown): string {
  if (typeof dtype === "string") return dtype;
  if (typeof dtype === "object" && dtype !== null) return String(dtype);
  if (typeof dtype === "function") {
    throw new NotImplementedError(
      `${WHAT}: struct dtypes are not supported; export the data bytes with a 'T{...}' format instead`,
    );
  }
  throw new TypeError(`${WHAT}: the ndarray's dtype is '${typeof dtype}', not a data type`);
}

function stdlibType(data: unknown, x: StdlibNdarrayLike): ElementType {
  const dtype = dtypeName(x.dtype);
  const cls = className(data);
  if (dtype === "generic" || (typedArrayKind(data) === undefined && Array.isArray(data))) {
    throw valuesError(cls, dtype);
  }
  const type = BY_STDLIB_DTYPE.get(dtype);
  if (type === undefined) {
    const reason = STDLIB_UNFAITHFUL[dtype] ?? `dtype '${dtype}' has no PEP 3118 format`;
    throw new NotImplementedError(`${WHAT}: ${reason}`);
  }
  const accepted = STDLIB_DATA[dtype] ?? [type.typed];
  if (!accepted.includes(cls)) {
    throw new TypeError(`${WHAT}: dtype '${dtype}' does not match the ndarray's data, a ${cls}`);
  }
  return type;
}

/**
 * `fromNdarray(x, options?)`: an exporter over a scijs `ndarray` or an `@stdlib/ndarray`
 * array, sharing its memory (no copy). Formats: `int8` `b`, `uint8` `B`,
 * `uint8_clamped`/`uint8c` `B`, `int16` `h`, `uint16` `H`, `int32` `i`, `uint32` `I`,
 * scijs `bigint64`/`biguint64` `q`/`Q`, `float16` `e` (over a `Float16Array`),
 * `float32` `f`, `float64` `d`, stdlib `binary` `B`, `bool` `?` (over a `BooleanArray`
 * or a `Uint8Array`), `complex64` `Zf`, `complex128` `Zd`. Arrays over plain Arrays or
 * accessor objects (`generic`, `array`) raise `TypeError`; dtypes without a format
 * (`complex32`, struct dtypes) `NotImplementedError`; a dtype that does not match its
 * data `TypeError`; a layout reaching outside the data `ValueError`.
 *
 * @example
 * ```ts
 * const x = ndarray(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3]).step(-1, 1);
 * const view = getBuffer(fromNdarray(x), PyBUF_FULL_RO);
 * [view.format, view.shape, view.strides]; // ["d", [2, 3], [-24, 8]]
 * releaseBuffer(view);
 * ```
 */
export function fromNdarray<T extends NdarrayLike>(
  x: T,
  options?: FromNdarrayOptions,
): NdarrayExporter<T> {
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw new TypeError(`${WHAT}: options must be an object`);
  }
  const forceReadonly = options?.readonly === true;
  if (isStdlibNdarray(x)) {
    const data = x.data;
    const type = stdlibType(data, x);
    const region = dataRegion(data, type, WHAT);
    const shape = x.shape;
    // A 0-d stdlib array has strides [0]; the export has none.
    const strides = Array.isArray(shape) && shape.length === 0 ? [] : x.strides;
    const { buf, layout } = place(shape, strides, x.offset, region, type, WHAT);
    const flags: unknown = x.flags;
    const readonly =
      forceReadonly ||
      (typeof flags === "object" &&
        flags !== null &&
        (flags as { READONLY?: unknown }).READONLY === true);
    return new NdarrayExporter(x, region.memory, buf, layout, readonly);
  }
  if (isScijsNdarray(x)) {
    const data = x.data;
    const type = scijsType(data, x);
    if (x.dimension < 0) {
      throw new TypeError(
        `${WHAT}: a trivial scijs array (dimension -1) has no elements to export`,
      );
    }
    const region = dataRegion(data, type, WHAT);
    const { buf, layout } = place(x.shape, x.stride, x.offset, region, type, WHAT);
    return new NdarrayExporter(x, region.memory, buf, layout, forceReadonly);
  }
  throw new TypeError(
    `${WHAT}: expected a scijs ndarray or an @stdlib/ndarray array, not '${className(x)}'`,
  );
}
