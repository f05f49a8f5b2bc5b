/**
 * Views as `@stdlib/ndarray` arrays. The `ndarray` constructor (`@stdlib/ndarray/ctor`,
 * or `@stdlib/ndarray/base/ctor`) is passed in, and so are stdlib's `BooleanArray`,
 * `Complex64Array` and `Complex128Array` classes where a view needs them: the library is
 * an optional peer, and this package never imports it.
 */
import { NotImplementedError } from "@pybuffer/struct";
import { aliasOf, type ToArrayOptions } from "./alias.js";
import { type ViewSource, viewOf } from "./source-view.js";
import { viewType } from "./view-type.js";

/** stdlib's `ndarray(dtype, buffer, shape, strides, offset, order, options)` constructor. */
export type StdlibConstructor<R> = new (
  dtype: never,
  buffer: never,
  shape: number[],
  strides: number[],
  offset: number,
  order: never,
  options: never,
) => R;

/** A data class of stdlib's, called as `new C(arrayBuffer, byteOffset, length)`. */
export type DataConstructor = new (...args: never[]) => unknown;

/** Options of {@link toStdlib}. */
export interface ToStdlibOptions extends ToArrayOptions {
  /** stdlib's `BooleanArray` (`@stdlib/array/bool`), for format `?`. */
  readonly BooleanArray?: DataConstructor | undefined;
  /** stdlib's `Complex64Array` (`@stdlib/array/complex64`), for format `Zf`. */
  readonly Complex64Array?: DataConstructor | undefined;
  /** stdlib's `Complex128Array` (`@stdlib/array/complex128`), for format `Zd`. */
  readonly Complex128Array?: DataConstructor | undefined;
}

/** The data class of each stdlib dtype that needs stdlib's own, and its byte alignment. */
const OWN_CLASSES: Readonly<Record<string, readonly [keyof ToStdlibOptions, string, number]>> = {
  bool: ["BooleanArray", "@stdlib/array/bool", 1],
  complex64: ["Complex64Array", "@stdlib/array/complex64", 8],
  // "Byte offset must be a multiple of 16", though its parts are 8-byte floats.
  complex128: ["Complex128Array", "@stdlib/array/complex128", 16],
};

/**
 * `toStdlib(source, ndarray, options?)`: an `@stdlib/ndarray` array over the items of an
 * exporter or a view, sharing its memory. Formats `b B h H i I e f d` map to stdlib's
 * dtypes of the same names (`uint8` for `B`), `?` to `bool`, `Zf`/`Zd` to
 * `complex64`/`complex128` (pass the array classes in the options); 8-byte integers
 * (stdlib has none), `c` and records raise `NotImplementedError`. `order` is
 * `'column-major'` for a Fortran-contiguous view that is not C-contiguous, else
 * `'row-major'`; a read-only view gives a read-only array. A layout the model cannot say
 * raises `BufferError`, or is copied with `{ copy: true }` (see {@link toNdarray}).
 *
 * @example
 * ```ts
 * const x = toStdlib(fromNdarray(ndarray(new Float64Array([1, 2, 3, 4]), [2, 2])), ctor);
 * [x.dtype, x.shape, x.strides, x.get(1, 0)]; // ["float64", [2, 2], [2, 1], 3]
 * ```
 */
export function toStdlib<R>(
  source: ViewSource,
  ndarray: StdlibConstructor<R>,
  options: ToStdlibOptions = {},
): R {
  const what = "toStdlib";
  if (typeof ndarray !== "function") {
    throw new TypeError(`${what}: pass stdlib's ndarray constructor (from "@stdlib/ndarray/ctor")`);
  }
  const [view, done] = viewOf(source, options.writable === true, what);
  try {
    const vt = viewType(view.format, view.itemsize, what);
    const dtype = vt.type.stdlib;
    if (dtype === undefined) {
      throw new NotImplementedError(
        `${what}: @stdlib/ndarray has no dtype for format '${view.format}'`,
      );
    }
    const own = OWN_CLASSES[dtype];
    const ctor = (
      own === undefined ? (globalThis as Record<string, unknown>)[vt.type.typed] : options[own[0]]
    ) as DataConstructor | undefined;
    if (typeof ctor !== "function") {
      throw own === undefined
        ? new NotImplementedError(
            `${what}: format '${view.format}' needs ${vt.type.typed}, which this runtime does not have`,
          )
        : new TypeError(
            `${what}: format '${view.format}' needs stdlib's ${own[0]}: pass { ${own[0]} } from "${own[1]}"`,
          );
    }
    const a = aliasOf(view, vt, own?.[2] ?? vt.type.itemsize, options.copy, what);
    const make = ctor as unknown as new (b: ArrayBufferLike, o: number, n: number) => unknown;
    const data = new make(a.memory, a.byteOffset, a.length);
    // A 0-d stdlib array has strides [0].
    const strides = a.shape.length === 0 ? [0] : a.strides;
    const order = a.columnMajor ? "column-major" : "row-major";
    const Ctor = ndarray as unknown as new (...args: unknown[]) => R;
    return new Ctor(dtype, data, a.shape, strides, a.offset, order, { readonly: view.readonly });
  } finally {
    done();
  }
}
