/**
 * Building and checking an {@link NDBuffer}'s layout, in the order and with the
 * messages of `_testbuffer.ndarray`'s `init_ndbuf` / `init_structure` /
 * `verify_structure`: shape and strides must be integer arrays (shape ≥ 0), ndim at
 * most 64, item size positive and agreeing with the format, offset and strides
 * multiples of the item size, and every reachable byte inside memory.
 */
import { ValueError } from "@pybuffer/struct";
import { isAbi } from "./abi.js";
import { isContiguous } from "./contiguity.js";
import { PyBUF_MAX_NDIM } from "./flags.js";
import { isMemory } from "./memory.js";
import { checkReach, stridedExtent } from "./reach.js";
import { sizeFromFormat } from "./size-from-format.js";
import { fillContiguousStrides } from "./strides.js";
import { pythonTypeName } from "./type-name.js";
import type { Abi, BufferView, Memory } from "./view.js";

/**
 * How to lay an {@link NDBuffer} over its memory.
 *
 * @example
 * new NDBuffer(memory, { shape: [2, 3], strides: [-12, 4], offset: 12, format: "<i" });
 */
export interface NDBufferOptions {
  /** Items per dimension; `[]` makes a 0-dimensional (scalar) buffer. */
  readonly shape: readonly number[];
  /** Bytes between items per dimension; default: contiguous in `order`. */
  readonly strides?: readonly number[] | null;
  /** Byte offset in memory of the first item (`buf`); default 0. */
  readonly offset?: number;
  /** struct format of one item; default `"B"`. */
  readonly format?: string;
  /** Bytes per item; default `calcsize(format)`, and must agree with it. */
  readonly itemsize?: number;
  /** Refuse writable requests; default `false`. */
  readonly readonly?: boolean;
  /** Order of the default strides, `'C'` (default) or `'F'` (`ND_FORTRAN`). */
  readonly order?: "C" | "F";
  /** PIL-style suboffsets (needs explicit strides; pointers live in the same memory). */
  readonly suboffsets?: readonly number[] | null;
  /** Pointer size and byte order for suboffsets and `P`; default `lp64`. */
  readonly abi?: Abi;
}

/**
 * A checked layout: the complete view an NDBuffer exports, plus its contiguity.
 *
 * @example
 * const { base, c, f } = buildLayout(memory, { shape: [4] });
 */
export interface NDLayout {
  readonly base: BufferView;
  readonly c: boolean;
  readonly f: boolean;
}

function integers(value: readonly unknown[], name: string, nonNegative: boolean): number[] {
  return value.map((x) => {
    if (typeof x !== "number" || !Number.isSafeInteger(x)) {
      throw new ValueError(`elements of ${name} must be integers`);
    }
    if (nonNegative && x < 0) throw new ValueError(`elements of ${name} must be integers >= 0`);
    return x;
  });
}

function resolveItemsize(format: string, given: unknown, abi: Abi): number {
  const fromFormat = sizeFromFormat(format, abi);
  if (given !== undefined) {
    if (typeof given !== "number" || !Number.isSafeInteger(given) || given < 0) {
      throw new ValueError("itemsize must be a non-negative integer");
    }
    if (given !== fromFormat) {
      throw new ValueError(
        `itemsize ${given} does not match format '${format}' of size ${fromFormat}`,
      );
    }
  }
  if (fromFormat === 0) throw new ValueError("itemsize must not be zero");
  return fromFormat;
}

/**
 * `verify_structure`: strides multiples of the item size (pointer dimensions
 * excepted), items inside `memlen` (`null`: an indirect layout, which the pointer
 * walk checks instead).
 */
function verifyStructure(
  memlen: number | null,
  itemsize: number,
  offset: number,
  shape: readonly number[],
  strides: readonly number[],
  pointerDims: readonly boolean[],
): void {
  for (let n = 0; n < shape.length; n++) {
    if (!pointerDims[n] && (strides[n] as number) % itemsize !== 0) {
      throw new ValueError("strides must be a multiple of itemsize");
    }
  }
  if (memlen === null) return;
  const extent = stridedExtent(offset, shape, strides, 0, shape.length, itemsize);
  if (extent === null) return;
  const [lo, hi] = extent;
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo < 0 || hi > memlen) {
    throw new ValueError("invalid combination of buffer, shape and strides");
  }
}

/**
 * The strides of a contiguous array; an empty one whose strides pass 2**53 (`[2 ** 53 - 1,
 * 2 ** 53 - 1, 0]` in Fortran order) is refused as NumPy refuses it.
 */
function contiguousStrides(shape: number[], itemsize: number, order: string): number[] {
  try {
    return fillContiguousStrides(shape, itemsize, order);
  } catch {
    throw new ValueError(
      "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
    );
  }
}

/**
 * Checks `options` against `memory` and returns the layout (throws `ValueError` or
 * `TypeError` with `_testbuffer`'s messages).
 *
 * @example
 * buildLayout(new ArrayBuffer(6), { shape: [2, 3] }).base.strides; // [3, 1]
 */
export function buildLayout(memory: Memory, options: NDBufferOptions): NDLayout {
  if (!isMemory(memory)) {
    throw new TypeError(
      `NDBuffer memory must be an ArrayBuffer or SharedArrayBuffer, not '${pythonTypeName(memory)}'`,
    );
  }
  if (typeof options !== "object" || options === null) {
    throw new TypeError("NDBuffer options must be an object with a shape");
  }
  const { shape: rawShape, format = "B", abi = "lp64", order = "C", offset = 0 } = options;
  if (!Array.isArray(rawShape)) throw new TypeError("shape must be a list or a tuple");
  if (rawShape.length > PyBUF_MAX_NDIM)
    throw new ValueError(`ndim must not exceed ${PyBUF_MAX_NDIM}`);
  let rawStrides = options.strides ?? null;
  if (rawStrides !== null && !Array.isArray(rawStrides))
    throw new TypeError("strides must be a list or a tuple");
  if (rawStrides !== null && rawStrides.length === 0) rawStrides = null;
  if (rawStrides !== null && order === "F")
    throw new TypeError("ND_FORTRAN cannot be used together with strides");
  if (rawStrides !== null && rawStrides.length !== rawShape.length)
    throw new ValueError("len(shape) != len(strides)");
  if (order !== "C" && order !== "F") throw new ValueError("order must be 'C' or 'F'");
  if (!isAbi(abi)) throw new TypeError("abi must be 'lp64', 'llp64' or 'wasm32'");
  if (typeof format !== "string")
    throw new TypeError(`format must be str, not ${pythonTypeName(format)}`);
  const readonly = options.readonly ?? false;
  if (typeof readonly !== "boolean") throw new TypeError("readonly must be a boolean");
  const itemsize = resolveItemsize(format, options.itemsize, abi);
  if (typeof offset !== "number" || !Number.isSafeInteger(offset)) {
    throw new TypeError(`'${pythonTypeName(offset)}' object cannot be interpreted as an integer`);
  }
  const rawSub = options.suboffsets ?? null;
  const memlen = memory.byteLength;
  if (rawSub === null) {
    if (offset % itemsize !== 0) throw new ValueError("offset must be a multiple of itemsize");
    if (offset < 0 || (offset + itemsize > memlen && !(memlen === 0 && offset === 0))) {
      throw new ValueError("offset out of bounds");
    }
  } else if (offset < 0 || offset >= memlen) {
    throw new ValueError("offset out of bounds");
  }
  const ndim = rawShape.length;
  const shape = integers(rawShape, "shape", true);
  let items = 1;
  for (const n of shape) items *= n;
  if (!Number.isSafeInteger(items * itemsize))
    throw new ValueError("product(shape) * itemsize is too large");
  const strides =
    rawStrides === null
      ? contiguousStrides(shape, itemsize, order)
      : integers(rawStrides, "strides", false);
  let suboffsets: number[] | null = null;
  if (rawSub !== null) {
    if (!Array.isArray(rawSub)) throw new TypeError("suboffsets must be a list or a tuple");
    if (ndim === 0) throw new TypeError("ndim = 0 cannot be used in conjunction with suboffsets");
    if (rawStrides === null) throw new TypeError("suboffsets need explicit strides");
    if (rawSub.length !== ndim) throw new ValueError("len(shape) != len(suboffsets)");
    suboffsets = integers(rawSub, "suboffsets", false);
  }
  const pointerDims = shape.map((_, n) => (suboffsets?.[n] ?? -1) >= 0);
  if (suboffsets === null) {
    if (ndim === 0 && offset + itemsize > memlen)
      throw new ValueError("invalid combination of buffer, shape and strides");
    verifyStructure(memlen, itemsize, offset, shape, strides, pointerDims);
  } else {
    verifyStructure(null, itemsize, 0, shape, strides, pointerDims);
  }
  const base: BufferView = {
    obj: null,
    memory,
    buf: offset,
    len: items * itemsize,
    readonly,
    itemsize,
    format,
    ndim,
    shape: ndim === 0 ? null : shape,
    strides: ndim === 0 ? null : strides,
    suboffsets: suboffsets?.some((s) => s >= 0) ? suboffsets : null,
    abi,
    internal: null,
  };
  checkReach(base);
  return { base, c: isContiguous(base, "C"), f: isContiguous(base, "F") };
}
