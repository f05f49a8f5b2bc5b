/**
 * Typed-array access for aligned runs of native little-endian items, the fast path of
 * toList and equals.
 */
import type { BufferView } from "@pybuffer/core";
import type { Column } from "@pybuffer/struct";

/**
 * Whether typed arrays see memory in little-endian order (every ABI we model is).
 *
 * @example
 * HOST_LE; // true on x86-64 and arm64
 */
export const HOST_LE: boolean = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * An integer or float typed array of any element type (struct's numeric columns).
 *
 * @example
 * const a: NumericArray = new Float64Array(2);
 */
export type NumericArray = Exclude<Column, unknown[]>;

type ArrayCtor = {
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): NumericArray;
  readonly BYTES_PER_ELEMENT: number;
};

const CTORS: Record<string, ArrayCtor> = {
  b: Int8Array,
  B: Uint8Array,
  "?": Uint8Array,
  h: Int16Array,
  H: Uint16Array,
  i: Int32Array,
  I: Uint32Array,
  f: Float32Array,
  d: Float64Array,
  q: BigInt64Array,
  Q: BigUint64Array,
};

/**
 * The typed-array constructor for native `code` items of `size` bytes, or `undefined`
 * when items of that code are not plain numbers in a typed array (`c`, `e`).
 *
 * @example
 * arrayType("l", 8) === BigInt64Array; // true
 */
export function arrayType(code: string, size: number): ArrayCtor | undefined {
  switch (code) {
    case "l":
    case "n":
      return size === 8 ? BigInt64Array : Int32Array;
    case "L":
    case "N":
    case "P":
      return size === 8 ? BigUint64Array : Uint32Array;
    default:
      return CTORS[code];
  }
}

/**
 * A typed array over the whole of `memory` for items of native `code` (`size` bytes)
 * when a run at `ptr` with `stride` is aligned for it, else `null`. Index
 * `ptr / size` is the first item, and each next one is `stride / size` further.
 *
 * @example
 * const a = alignedArray(memory, "d", 8, 16, 8); // Float64Array; a[2] is the item at byte 16
 */
export function alignedArray(
  memory: ArrayBufferLike,
  code: string,
  size: number,
  ptr: number,
  stride: number,
): NumericArray | null {
  if (!HOST_LE || ptr % size !== 0 || stride % size !== 0) return null;
  const Ctor = arrayType(code, size);
  if (Ctor === undefined || Ctor.BYTES_PER_ELEMENT !== size) return null;
  return new Ctor(memory, 0, Math.floor(memory.byteLength / size));
}

/**
 * A typed array for reading every item of `view` directly (see {@link alignedArray}):
 * only when the view has no suboffsets and its start and every stride are aligned.
 *
 * @example
 * const a = viewArray(view, "d", 8); // Float64Array or null
 */
export function viewArray(view: BufferView, code: string, size: number): NumericArray | null {
  if (view.suboffsets !== null) return null;
  const strides = view.strides;
  if (strides !== null) {
    for (let d = 0; d < view.ndim; d++) if ((strides[d] as number) % size !== 0) return null;
  }
  return alignedArray(view.memory, code, size, view.buf, 0);
}
