/**
 * Views as scijs arrays. The `ndarray` factory is passed in (the library is an optional
 * peer: this package never imports it), and the result is whatever it returns, typed
 * as `@types/ndarray` types it when installed.
 */
import { NotImplementedError } from "@pybuffer/struct";
import { aliasOf, type ToArrayOptions } from "./alias.js";
import { type ViewSource, viewOf } from "./source-view.js";
import { viewType } from "./view-type.js";

/**
 * The data classes of scijs arrays this package makes. The 8-byte ones are typed over an
 * `ArrayBuffer`, as `@types/ndarray` takes them (over a `SharedArrayBuffer` at run time
 * when the view's memory is one).
 */
export type ScijsData =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array<ArrayBuffer>
  | BigUint64Array<ArrayBuffer>
  | Float32Array
  | Float64Array;

/** scijs's default export: `ndarray(data, shape, stride, offset)`. */
export type ScijsFactory<R> = (
  data: ScijsData,
  shape: number[],
  stride: number[],
  offset: number,
) => R;

type TypedArrayConstructor = new (
  buffer: ArrayBufferLike,
  byteOffset: number,
  length: number,
) => unknown;

/**
 * `toNdarray(source, ndarray, options?)`: a scijs array over the items of an exporter or
 * a view, sharing its memory (the data is a TypedArray over exactly the bytes the view
 * reaches). Formats `b B h H i I q Q e f d` (and `l L n N P` by item size) map to scijs's
 * dtypes; `?`, `c`, complex and records raise `NotImplementedError`. A layout the scijs
 * model cannot say (byte strides that are not multiples of the item size, the other byte
 * order, suboffsets, a misaligned first item) raises `BufferError`, or is copied in C
 * order with `{ copy: true }`. scijs has no read-only arrays: pass `{ writable: true }`
 * to refuse read-only exporters. An exporter's view is released before returning.
 *
 * @example
 * ```ts
 * const data = new Int16Array([1, 2, 3, 4, 5, 6]);
 * const y = toNdarray(fromNdarray(ndarray(data, [2, 3]).transpose(1, 0)), ndarray);
 * [y.shape, y.stride, y.get(2, 1), y.data.buffer === data.buffer]; // [[3, 2], [1, 3], 6, true]
 * ```
 */
export function toNdarray<R>(
  source: ViewSource,
  ndarray: ScijsFactory<R>,
  options: ToArrayOptions = {},
): R {
  const what = "toNdarray";
  if (typeof ndarray !== "function") {
    throw new TypeError(`${what}: pass scijs's ndarray function (import ndarray from "ndarray")`);
  }
  const [view, done] = viewOf(source, options.writable === true, what);
  try {
    const vt = viewType(view.format, view.itemsize, what);
    if (vt.type.scijs === undefined) {
      throw new NotImplementedError(
        `${what}: scijs ndarray has no dtype for format '${view.format}'`,
      );
    }
    const ctor = (globalThis as unknown as Record<string, TypedArrayConstructor | undefined>)[
      vt.type.typed
    ];
    if (ctor === undefined) {
      throw new NotImplementedError(
        `${what}: format '${view.format}' needs ${vt.type.typed}, which this runtime does not have`,
      );
    }
    const a = aliasOf(view, vt, vt.type.itemsize, options.copy, what);
    const data = new ctor(a.memory, a.byteOffset, a.length);
    return ndarray(data as ScijsData, a.shape, a.strides, a.offset);
  } finally {
    done();
  }
}
