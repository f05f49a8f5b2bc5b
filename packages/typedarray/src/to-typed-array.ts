/**
 * Views back into TypedArrays. A TypedArray aliases a view's memory when the view is
 * C-contiguous (no suboffsets), its items are native-order primitives with a TypedArray
 * kind, and its first item is aligned to the element size; that costs O(1) whatever the
 * size. Otherwise a copy is made only if the caller allows one, and the error says why.
 */
import {
  type BufferView,
  getBuffer,
  isContiguous,
  PyBUF_FULL,
  PyBUF_FULL_RO,
  releaseBuffer,
} from "@pybuffer/core";
import { BufferError, NotImplementedError } from "@pybuffer/struct";
import { acquire, type ViewSource } from "./acquire.js";
import { copyBytes, swapBytes } from "./copy-bytes.js";
import { type FormatKind, formatKind } from "./format-kind.js";
import type { FormatOfSource, TypedArrayOf } from "./kind-types.js";
import { type TypedArray, type TypedArrayConstructor, typedArrayConstructor } from "./kinds.js";
import { MemoryExporter } from "./memory-exporter.js";
import { checkOptions } from "./options.js";

/** Options of {@link toTypedArray}. */
export interface ToTypedArrayOptions {
  /**
   * `false` (default): alias the memory or throw; `true`: copy when aliasing is
   * impossible; `"always"`: always copy.
   */
  readonly copy?: boolean | "always" | undefined;
  /**
   * Ask the exporter for a writable view (`PyBUF_FULL`), so a read-only exporter is
   * refused instead of aliased. JavaScript has no read-only TypedArray: without this, an
   * alias of a read-only export is as writable as any TypedArray (default false).
   */
  readonly writable?: boolean | undefined;
}

/**
 * `isContiguous(view, "C")` for a checked view without suboffsets, one dimension written
 * out (its field checks and order switch were ~4% of toTypedArray(exporter), bench cast).
 */
function cContiguous(view: BufferView): boolean {
  const shape = view.shape;
  const strides = view.strides;
  if (view.ndim !== 1 || shape === null || strides === null) return isContiguous(view, "C");
  return strides[0] === view.itemsize || (shape[0] as number) <= 1;
}

/** Why a view cannot be aliased, or `null` when it can. */
function aliasProblem(view: BufferView, bytesPerElement: number, foreign: boolean): string | null {
  if (view.suboffsets !== null) return "the view has suboffsets (an indirect array)";
  if (!cContiguous(view)) return "the view is not C-contiguous";
  if (foreign) return `format '${view.format}' is not in the platform's byte order`;
  if (view.buf % bytesPerElement !== 0) {
    return `its first item, at byte ${view.buf}, is not aligned to ${bytesPerElement} bytes`;
  }
  return null;
}

let lastFound: FormatKind | null = null;
let lastCtor: TypedArrayConstructor = Uint8Array;

function convert(view: BufferView, options: ToTypedArrayOptions, what: string): TypedArray {
  // No format means unsigned bytes (and, without shape, so does the item size: B2).
  const itemsize = view.format === null ? 1 : view.itemsize;
  const found = formatKind(view.format, itemsize);
  if (found.kind === undefined) {
    throw new NotImplementedError(`${what}: ${found.reason}; toDataView() reads any format`);
  }
  // The last kind's constructor again (a conversion per request asks the same each time).
  if (found !== lastFound) {
    lastCtor = typedArrayConstructor(found.kind) as TypedArrayConstructor;
    lastFound = found;
  }
  const ctor = lastCtor;
  const count = view.len / itemsize;
  const problem = aliasProblem(view, itemsize, found.foreign);
  if (options.copy !== "always" && (problem === null || count === 0)) {
    return problem === null ? new ctor(view.memory, view.buf, count) : new ctor(new ArrayBuffer(0));
  }
  if (options.copy === undefined || options.copy === false) {
    throw new BufferError(`${what}: cannot alias the memory: ${problem}; pass { copy: true }`);
  }
  const bytes = copyBytes(view);
  if (found.foreign) swapBytes(bytes, itemsize);
  return new ctor(bytes.buffer, 0, count);
}

// Shared and never written: no `{}` per call when the options are left out.
const NO_OPTIONS: ToTypedArrayOptions = Object.freeze({});

/**
 * `toTypedArray(source, options?)`: the items of an exporter, a JavaScript binary value
 * or a view as a TypedArray of the format's kind (`b` Int8Array, `B`/`c`/`?`
 * Uint8Array, `h` Int16Array, … `q`/`Q` BigInt64Array/BigUint64Array, `e` Float16Array
 * where the runtime has it; `l`/`L`/`n`/`N`/`P` by item size), flattened in C order.
 * Zero-copy when the layout allows (see the module notes), else a copy with
 * `{ copy: true }`, else `BufferError` saying why. A format without a TypedArray kind
 * (records, several items, `e` without `Float16Array`) raises `NotImplementedError`;
 * {@link toDataView} reads those. An exporter's view is released before returning, so the
 * alias holds no export (pass a view from `getBuffer` to keep one).
 *
 * @example
 * ```ts
 * const ints = new Int32Array([1, 2, 3, 4]);
 * const same = toTypedArray(fromTypedArray(ints, { shape: [2, 2] }));
 * same.buffer === ints.buffer; // true: an alias
 * toTypedArray(fromDataView(new DataView(new ArrayBuffer(8)), { format: ">i" }), { copy: true });
 * // Int32Array [0, 0], byte-swapped into new memory
 * ```
 */
export function toTypedArray<S extends ViewSource>(
  source: S,
  options?: ToTypedArrayOptions,
): TypedArrayOf<FormatOfSource<S>>;
export function toTypedArray(
  source: ViewSource,
  options: ToTypedArrayOptions = NO_OPTIONS,
): TypedArray {
  const what = "toTypedArray";
  options = checkOptions(options, what);
  const writable = options.writable === true;
  // The common road, an exporter of this package (a wrap per request), written out: no
  // Acquired object, no call (bench cast, with acquire's own test for it: ~35% less).
  if (MemoryExporter._is(source)) {
    const view = getBuffer(source, writable ? PyBUF_FULL : PyBUF_FULL_RO);
    try {
      return convert(view, options, what);
    } finally {
      releaseBuffer(view);
    }
  }
  const acquired = acquire(source, writable, what);
  try {
    return convert(acquired.view, options, what);
  } finally {
    acquired.release();
  }
}
