/**
 * The sequence side of memoryview: iteration (`memory_iter`, which checks the view on
 * every step), and 3.14's `count(value)` and `index(value, start, stop)`, comparing
 * items with Python's `==`.
 */
import type { Abi } from "@pybuffer/core";
import { NotImplementedError, ValueError } from "@pybuffer/struct";
import { plainValue } from "./argument.js";
import { ssizeLimit } from "./format.js";
import { lookupDimension } from "./indexing.js";
import type { MemoryView } from "./memoryview.js";
import { asPyInt, pyEquals } from "./py-values.js";

/** The checks `iter(m)` makes; returns the item codec. */
function iterCodec(m: MemoryView): ReturnType<MemoryView["_fmt"]> {
  m._alive();
  const ndim = m._view.ndim;
  if (ndim === 0) throw new TypeError("invalid indexing of 0-dim memory");
  if (ndim !== 1) throw new NotImplementedError("multi-dimensional sub-views are not implemented");
  return m._fmt();
}

/**
 * `iter(m)`: the items of a 1-D view, one by one. Each step checks that the view is
 * still alive and its bytes exist.
 *
 * @example
 * [...iterate(m)]; // [1, 2, 3]
 */
export function iterate(m: MemoryView): IterableIterator<unknown> {
  const codec = iterCodec(m);
  const view = m._view;
  const n = (view.shape as number[])[0] as number;
  let i = 0;
  const iterator: IterableIterator<unknown> = {
    next(): IteratorResult<unknown> {
      if (i >= n) return { done: true, value: undefined };
      m._alive();
      const value = m._read(codec, lookupDimension(view, view.buf, 0, i));
      i++;
      return { done: false, value };
    },
    [Symbol.iterator](): IterableIterator<unknown> {
      return iterator;
    },
  };
  return iterator;
}

/**
 * `m.count(value)` (3.14): how many items equal `value`.
 *
 * @example
 * count(m, 1); // 2
 */
export function count(m: MemoryView, value: unknown): number {
  const codec = iterCodec(m);
  const needle = plainValue(value);
  const view = m._view;
  const n = (view.shape as number[])[0] as number;
  let found = 0;
  for (let i = 0; i < n; i++) {
    m._alive();
    if (pyEquals(m._read(codec, lookupDimension(view, view.buf, 0, i)), needle)) found++;
  }
  return found;
}

/** `_PyEval_SliceIndexNotNone`: an int clamped to the ABI's ssize_t. */
function boundIndex(value: unknown, fallback: number, abi: Abi): number {
  if (value === undefined) return fallback;
  const int = asPyInt(value);
  if (int === null)
    throw new TypeError("slice indices must be integers or have an __index__ method");
  const n = Number(int);
  const limit = ssizeLimit(abi);
  return Math.max(-limit, Math.min(limit - 1, n));
}

/**
 * `m.index(value, start=0, stop=sys.maxsize)` (3.14): the first index in
 * `[start, stop)` whose item equals `value`, else
 * `ValueError('memoryview.index(x): x not found')`.
 *
 * @example
 * indexOf(m, 3); // 2
 */
export function indexOf(m: MemoryView, value: unknown, start?: unknown, stop?: unknown): number {
  const abi = m._view.abi;
  let lo = boundIndex(start, 0, abi);
  let hi = boundIndex(stop, Number.MAX_SAFE_INTEGER, abi);
  m._alive();
  const view = m._view;
  if (view.ndim === 0) throw new TypeError("invalid lookup on 0-dim memory");
  if (view.ndim !== 1) throw new NotImplementedError("multi-dimensional lookup is not implemented");
  const n = (view.shape as number[])[0] as number;
  if (lo < 0) lo = Math.max(lo + n, 0);
  if (hi < 0) hi = Math.max(hi + n, 0);
  hi = Math.min(hi, n);
  const needle = plainValue(value);
  for (let i = lo; i < hi; i++) {
    m._alive();
    const item = m._read(m._fmt(), lookupDimension(view, view.buf, 0, i));
    if (pyEquals(item, needle)) return i;
  }
  throw new ValueError("memoryview.index(x): x not found");
}
