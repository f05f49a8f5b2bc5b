/**
 * `memoryview.tolist()`: the items as (nested) arrays, CPython's `tolist_base` /
 * `tolist_rec`. Native formats read straight from a typed array when the view is
 * aligned (no allocation per item beyond the value itself); everything else goes
 * through the item codec.
 */
import { type BufferView, readPointer } from "@pybuffer/core";
import { MemoryError } from "@pybuffer/struct";
import type { ItemCodec } from "./item-codec.js";
import { type NumericArray, viewArray } from "./rows.js";

/** Reads one run into `out`: `n` items from byte `ptr`, `stride` bytes apart. */
function readRun(
  array: NumericArray | null,
  size: number,
  codec: ItemCodec,
  dv: DataView,
  ptr: number,
  n: number,
  stride: number,
): unknown[] {
  if (array !== null) {
    if (codec.code === "?") return truths(array, ptr / size, stride / size, n);
    // Small-integer indices keep V8's loads on its fast path (the memory is < 2 GiB).
    if (array.length <= 0x7fffffff) return copyRun(array, (ptr / size) | 0, (stride / size) | 0, n);
    return copyRun(array, ptr / size, stride / size, n);
  }
  const out = new Array<unknown>(n);
  for (let k = 0; k < n; k++) out[k] = codec.read(dv, ptr + k * stride);
  return out;
}

/** `n` elements of a typed array from index `i`, `step` apart, as a new array. */
function copyRun(array: NumericArray, i: number, step: number, n: number): unknown[] {
  // One allocation site per element kind: V8 shapes the arrays a site makes after what
  // was stored in the last ones, so floats, small integers and bigints must not share.
  if (array instanceof Float64Array || array instanceof Float32Array)
    return floats(array, i, step, n);
  if (array instanceof BigInt64Array || array instanceof BigUint64Array)
    return bigints(array, i, step, n);
  return integers(array, i, step, n);
}

// bench tolist-B / tolist-d "memoryview(x).toList()": an index loop into new Array(n) is
// the fastest way to build a fresh array (push, fill and Array.from are 2–10× slower).

function floats(array: Float64Array | Float32Array, i: number, step: number, n: number): number[] {
  const out = new Array<number>(n);
  if (step === 1) for (let k = 0; k < n; k++) out[k] = array[i + k] as number;
  else for (let k = 0; k < n; k++, i += step) out[k] = array[i] as number;
  return out;
}

function integers(array: NumericArray, i: number, step: number, n: number): number[] {
  const out = new Array<number>(n);
  if (step === 1) for (let k = 0; k < n; k++) out[k] = array[i + k] as number;
  else for (let k = 0; k < n; k++, i += step) out[k] = array[i] as number;
  return out;
}

function bigints(
  array: BigInt64Array | BigUint64Array,
  i: number,
  step: number,
  n: number,
): bigint[] {
  const out = new Array<bigint>(n);
  if (step === 1) for (let k = 0; k < n; k++) out[k] = array[i + k] as bigint;
  else for (let k = 0; k < n; k++, i += step) out[k] = array[i] as bigint;
  return out;
}

/** `?` items: any non-zero byte is `true`. */
function truths(array: NumericArray, i: number, step: number, n: number): boolean[] {
  const out = new Array<boolean>(n);
  for (let k = 0; k < n; k++, i += step) out[k] = array[i] !== 0;
  return out;
}

function nested(
  view: BufferView,
  array: NumericArray | null,
  size: number,
  codec: ItemCodec,
  dv: DataView,
  dim: number,
  ptr: number,
): unknown[] {
  const n = (view.shape as number[])[dim] as number;
  const stride = (view.strides as number[])[dim] as number;
  const sub = view.suboffsets === null ? -1 : (view.suboffsets[dim] as number);
  if (dim === view.ndim - 1 && sub < 0) return readRun(array, size, codec, dv, ptr, n, stride);
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    let p = ptr + i * stride;
    if (sub >= 0) p = readPointer(view.memory, p, view.abi) + sub;
    out[i] =
      dim === view.ndim - 1 ? codec.read(dv, p) : nested(view, array, size, codec, dv, dim + 1, p);
  }
  return out;
}

/**
 * The most items `toList` builds (and the most arrays it builds to hold them): 2²⁶
 * values already take gigabytes of heap, and past
 * the engine's heap the process dies (no catchable error), so a larger view is refused
 * up front with `MemoryError`, as CPython raises when the list cannot be allocated. A
 * zero-stride view of few bytes can have any number of items.
 *
 * @example
 * if (items > MAX_LIST_ITEMS) throw new MemoryError("");
 */
export const MAX_LIST_ITEMS: number = 2 ** 26;

/**
 * The items of `view` as nested arrays (a 0-d view gives its one item). The caller has
 * checked that the view is alive, its format has a codec, and its bytes exist. More
 * than {@link MAX_LIST_ITEMS} items are `MemoryError`.
 *
 * @example
 * toList(view, codec, dv); // [[1, 2], [3, 4]]
 */
export function toList(view: BufferView, codec: ItemCodec, dv: DataView, size: number): unknown {
  if (view.ndim === 0) return codec.read(dv, view.buf);
  // The items, and the arrays that hold them: a shape like [10 ** 9, 0] has no item but
  // asks for 10 ** 9 empty arrays.
  let items = 1;
  let arrays = 0;
  for (const n of view.shape as number[]) {
    arrays += items;
    items *= n;
  }
  if (items > MAX_LIST_ITEMS || arrays > MAX_LIST_ITEMS) throw new MemoryError("");
  const array = codec.code === "" ? null : viewArray(view, codec.code, size);
  return nested(view, array, size, codec, dv, 0, view.buf);
}
