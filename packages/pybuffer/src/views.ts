/**
 * The umbrella's `MemoryView` and the functions that make one. It is
 * `@pybuffer/memoryview`'s class, taking JavaScript's binary types (a TypedArray or Node
 * `Buffer`, DataView, ArrayBuffer, SharedArrayBuffer, WebAssembly.Memory) wherever it
 * takes an exporter: `new MemoryView(u8)`, `m.equals(u8)` (Python's `m == b"..."`) and
 * `m.set(new Slice(0, 2), u8)` (`m[0:2] = b"..."`). Slices, casts and `toReadOnly()` of
 * one are of this class too. Every function here returns this class, so that a view made
 * by any of them takes binary types the same way.
 */
import type { BufferView, Memory } from "@pybuffer/core";
import * as mv from "@pybuffer/memoryview";
import type { FormatOfSource, NdimOfSource } from "@pybuffer/typedarray";
import { asExporter } from "./as-exporter.js";

/**
 * The arguments with the first made an exporter. All of them are handed on, so that an
 * extra one meets memoryview's arity error (CPython's `TypeError`) instead of vanishing.
 */
function exporterFirst<T extends unknown[]>(args: T): T {
  return (args.length === 0 ? args : [asExporter(args[0]), ...args.slice(1)]) as T;
}

/** A key that assigns a slice (`m[a:b] = x`, `m[a:b, c:d] = x`), whose value is a buffer. */
function isSliceKey(key: unknown): boolean {
  return key instanceof mv.Slice || (Array.isArray(key) && key.some((k) => k instanceof mv.Slice));
}

/**
 * Python's `memoryview`, as `@pybuffer/memoryview`'s, over an exporter or a JavaScript
 * binary value.
 *
 * @example
 * ```ts
 * const m = new MemoryView(new Uint8Array([1, 2, 3]));
 * m.equals(new Uint8Array([1, 2, 3])); // true
 * m.slice(1) instanceof MemoryView; // true
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: `@pybuffer/memoryview`'s defaults (see there)
export class MemoryView<F extends string = any, N extends number = any> extends mv.MemoryView<
  F,
  N
> {
  /**
   * A JavaScript binary value, Pyodide buffer or ndarray becomes an exporter where
   * `new MemoryView(x)` exports `x` (`asExporter`). Done here rather than in a constructor
   * of this class, which would run it for every slice and cast as well (and spread its
   * arguments): create + slice + release of this class went from about 5,000 to 2,100
   * instructions, `@pybuffer/memoryview`'s own (counted with callgrind).
   */
  protected static override exporterOf(obj: unknown): unknown {
    return asExporter(obj);
  }

  /**
   * `m == other`, where `other` may also be a JavaScript binary value (a `Uint8Array` is
   * Python's `bytes`; other TypedArrays compare item by item with their own format).
   *
   * @example
   * ```ts
   * new MemoryView(new Uint8Array([1, 2])).equals(new Uint8Array([1, 2])); // true
   * ```
   */
  override equals(...args: [other: unknown]): boolean {
    return super.equals(...exporterFirst(args));
  }

  /**
   * `m[key] = value`; a slice assignment also takes a JavaScript binary value.
   *
   * @example
   * ```ts
   * const m = new MemoryView(new Uint8Array(4));
   * m.set(new Slice(0, 2), new Uint8Array([9, 9]));
   * ```
   */
  override set(...args: [key: mv.Key, value: unknown]): void {
    const [key, value] = args;
    if (args.length === 2 && isSliceKey(key)) super.set(key, asExporter(value));
    else super.set(...args);
  }
}

/** The same view as this class: shares `m`'s managed buffer, then gives `m` up. */
function adopt(m: mv.MemoryView): MemoryView {
  const view = new MemoryView(m);
  m.release();
  return view;
}

/**
 * Python's `memoryview(obj)`, accepting JS binary types as exporters.
 *
 * @example
 * ```ts
 * memoryview(new Uint8Array([1, 2, 3])).toList(); // [1, 2, 3]
 * memoryview(new Float64Array(8)).format; // "d"
 * ```
 */
export function memoryview<E>(
  obj: E,
): MemoryView<mv.Known<FormatOfSource<E>, string>, mv.Known<NdimOfSource<E>, number>>;
export function memoryview(...args: [obj: unknown]): MemoryView {
  return new MemoryView(...args);
}

/**
 * `PyMemoryView_FromObject(obj)`: the same as {@link memoryview}.
 *
 * @example
 * ```ts
 * fromObject(new Int16Array([1, -1])).toList(); // [1, -1]
 * ```
 */
export function fromObject<E>(
  obj: E,
): MemoryView<mv.Known<FormatOfSource<E>, string>, mv.Known<NdimOfSource<E>, number>>;
export function fromObject(obj: unknown): MemoryView {
  return new MemoryView(obj);
}

/**
 * `memoryview._from_flags(obj, flags)`, accepting JS binary types as exporters.
 *
 * @example
 * ```ts
 * fromFlags(new Uint16Array(3), PyBUF_SIMPLE).format; // "B"
 * ```
 */
export function fromFlags(...args: [obj: unknown, flags: number]): MemoryView {
  return adopt(mv.fromFlags(...exporterFirst(args)));
}

/**
 * `PyMemoryView_GetContiguous(obj, buffertype, order)`, accepting JS binary types.
 *
 * @example
 * ```ts
 * getContiguous(new Float32Array(4), PyBUF_READ, "C").cContiguous; // true
 * ```
 */
export function getContiguous(
  obj: unknown,
  buffertype: number,
  order: "C" | "F" | "A",
): MemoryView {
  return adopt(mv.getContiguous(asExporter(obj), buffertype, order));
}

/**
 * `PyMemoryView_FromMemory(memory, offset, size, flags)`, as `@pybuffer/memoryview`'s,
 * returning this module's class.
 *
 * @example
 * ```ts
 * fromMemory(new ArrayBuffer(4), PyBUF_WRITE).equals(new Uint8Array(4)); // true
 * ```
 */
export function fromMemory(
  memory: Memory,
  flags: number,
  byteOffset?: number,
  size?: number,
): MemoryView {
  return adopt(mv.fromMemory(memory, flags, byteOffset, size));
}

/**
 * `PyMemoryView_FromBuffer(view)`, as `@pybuffer/memoryview`'s, returning this module's
 * class.
 *
 * @example
 * ```ts
 * fromBuffer(getBuffer(new Uint8Array([5]), PyBUF_FULL_RO)).toList(); // [5]
 * ```
 */
export function fromBuffer(view: BufferView): MemoryView {
  return adopt(mv.fromBuffer(view));
}
