/**
 * Keys and item addresses: `PyNumber_AsSsize_t(key, PyExc_IndexError)`, CPython's
 * `is_multiindex` / `is_multislice` key classification, and `lookup_dimension` /
 * `ptr_from_tuple` with PIL-style suboffsets (`ADJUST_PTR`).
 *
 * In JavaScript an index is a `number` holding an integer, a `bigint` or a `boolean`
 * (Python's `bool` is an `int`); a Python tuple is an array; `Ellipsis` is the exported
 * symbol; a slice is a {@link Slice}. Nothing here calls user code (no `valueOf`), so
 * a key can never release the view halfway through an operation (gh-92888).
 */
import { type BufferView, readPointer } from "@pybuffer/core";
import { IndexError } from "@pybuffer/struct";
import { ssizeLimit } from "./format.js";
import { asPyInt } from "./py-values.js";
import { Slice } from "./slice.js";

/**
 * Python's `Ellipsis` (`...`) as a key: `m.get(Ellipsis)` is `m[...]`.
 *
 * @example
 * zeroDim.get(Ellipsis) === zeroDim; // true
 */
export const Ellipsis: unique symbol = Symbol.for("pybuffer.Ellipsis") as never;

/**
 * A key `get` / `set` accept: Python's int, tuple (an array), slice or `...`.
 *
 * @example
 * const key: Key = [1, -1];
 */
export type Key = number | bigint | boolean | Slice | typeof Ellipsis | readonly unknown[];

/**
 * Whether `key` is an index in Python's sense (has `__index__`).
 *
 * @example
 * isIndex(3); // true
 * isIndex(1.5); // false: a float
 */
export function isIndex(key: unknown): key is number | bigint | boolean {
  return asPyInt(key) !== null;
}

/**
 * `PyNumber_AsSsize_t(key, PyExc_IndexError)` for an index: its value, or
 * `IndexError("cannot fit 'int' into an index-sized integer")` outside the ABI's
 * `Py_ssize_t` (±2^63, ±2^31 on wasm32).
 *
 * @example
 * toSsize(true, "lp64"); // 1
 * toSsize(2n ** 64n, "lp64"); // IndexError
 */
export function toSsize(key: number | bigint | boolean, abi: BufferView["abi"]): number {
  const limit = ssizeLimit(abi);
  if (typeof key === "bigint") {
    const big = BigInt(limit);
    if (key >= big || key < -big) {
      throw new IndexError("cannot fit 'int' into an index-sized integer");
    }
    return Number(key);
  }
  const n = typeof key === "boolean" ? (key ? 1 : 0) : key;
  if (n >= limit || n < -limit) {
    throw new IndexError("cannot fit 'int' into an index-sized integer");
  }
  return n;
}

/**
 * `is_multiindex`: an array whose every element is an index (the empty array too).
 *
 * @example
 * isMultiIndex([1, 2n]); // true
 */
export function isMultiIndex(key: readonly unknown[]): boolean {
  for (let i = 0; i < key.length; i++) if (!isIndex(key[i])) return false;
  return true;
}

/**
 * `is_multislice`: a non-empty array of slices only.
 *
 * @example
 * isMultiSlice([new Slice(0, 2), new Slice(null, null, -1)]); // true
 */
export function isMultiSlice(key: readonly unknown[]): key is readonly Slice[] {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) if (!(key[i] instanceof Slice)) return false;
  return true;
}

/**
 * `lookup_dimension`: the address of item `index` along dimension `dim` from `ptr`,
 * following that dimension's suboffset. Negative indices count from the end;
 * out of range gives `IndexError('index out of bounds on dimension N')` (1-based).
 *
 * @example
 * lookupDimension(view, view.buf, 0, -1); // the address of the last item of dim 0
 */
export function lookupDimension(view: BufferView, ptr: number, dim: number, index: number): number {
  const extent = (view.shape as number[])[dim] as number;
  if (index < 0) index += extent;
  if (index < 0 || index >= extent) {
    throw new IndexError(`index out of bounds on dimension ${dim + 1}`);
  }
  ptr += ((view.strides as number[])[dim] as number) * index;
  const sub = view.suboffsets;
  if (sub !== null && (sub[dim] as number) >= 0) {
    ptr = readPointer(view.memory, ptr, view.abi) + (sub[dim] as number);
  }
  return ptr;
}

/**
 * `ptr_from_tuple`: the address of the item at `indices` (one index per dimension;
 * more than `ndim` gives CPython's `TypeError`).
 *
 * @example
 * pointerFromTuple(view, [1, -1]);
 */
export function pointerFromTuple(view: BufferView, indices: readonly unknown[]): number {
  const n = indices.length;
  if (n > view.ndim) {
    throw new TypeError(`cannot index ${view.ndim}-dimension view with ${n}-element tuple`);
  }
  let ptr = view.buf;
  for (let dim = 0; dim < n; dim++) {
    const index = toSsize(indices[dim] as number | bigint | boolean, view.abi);
    ptr = lookupDimension(view, ptr, dim, index);
  }
  return ptr;
}
