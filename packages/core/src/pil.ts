/**
 * PIL-style indirection: `_testbuffer`'s `ND_PIL` conversion (`init_suboffsets`),
 * which turns a strided array into an array of pointers to sub-arrays. Pointers are
 * byte offsets into the same memory (DESIGN.md's model), in the ABI's size.
 */
import { ValueError } from "@pybuffer/struct";
import { isAbi, pointerSize, writePointer } from "./abi.js";
import { PyBUF_MAX_NDIM } from "./flags.js";
import { checkRange, isMemory } from "./memory.js";
import { stridedExtent } from "./reach.js";
import { pythonTypeName } from "./type-name.js";
import type { Abi, Memory } from "./view.js";

/** A strided layout: where item (0, …, 0) is and how to step. */
export interface StridedLayout {
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

/** The indirect form of a layout: a new memory with the pointer table in front. */
export interface IndirectLayout {
  readonly memory: ArrayBuffer;
  /** Byte offset of the first pointer used (the last one with a negative first stride). */
  readonly buf: number;
  readonly strides: number[];
  readonly suboffsets: number[];
}

const isInt = (x: unknown): x is number => typeof x === "number" && Number.isSafeInteger(x);

/**
 * The checks of {@link toSuboffsets}: `data` a live memory, `layout` a strided layout
 * (integer shape ≥ 0 and strides of one length, at most 64, an offset inside `data`
 * whose items stay inside it), `abi` a known ABI. TypeError for a wrong type,
 * ValueError for a value out of range.
 */
function checkArguments(data: unknown, layout: unknown, abi: unknown): void {
  const what = "toSuboffsets()";
  if (!isMemory(data)) {
    throw new TypeError(
      `${what} data must be an ArrayBuffer or SharedArrayBuffer, not '${pythonTypeName(data)}'`,
    );
  }
  if (typeof layout !== "object" || layout === null) {
    throw new TypeError(`${what} layout must be an object, not '${pythonTypeName(layout)}'`);
  }
  if (!isAbi(abi)) throw new TypeError(`${what} abi must be 'lp64', 'llp64' or 'wasm32'`);
  const { shape, strides, offset } = layout as Partial<StridedLayout>;
  if (!Array.isArray(shape) || !shape.every(isInt)) {
    throw new TypeError(`${what} layout.shape must be an array of integers`);
  }
  if (!Array.isArray(strides) || !strides.every(isInt)) {
    throw new TypeError(`${what} layout.strides must be an array of integers`);
  }
  if (!isInt(offset)) throw new TypeError(`${what} layout.offset must be an integer`);
  if (strides.length !== shape.length) {
    throw new ValueError(`${what} layout.shape and layout.strides differ in length`);
  }
  if (shape.length > PyBUF_MAX_NDIM) {
    throw new ValueError(`${what} ndim ${shape.length} is more than ${PyBUF_MAX_NDIM}`);
  }
  if (shape.some((n) => n < 0)) throw new ValueError(`${what} layout.shape must not be negative`);
  if (offset < 0 || offset > data.byteLength) {
    throw new ValueError(
      `${what} layout.offset ${offset} is outside data of ${data.byteLength} bytes`,
    );
  }
  // Every item's first byte must lie in `data` (the item size is not known here); with no
  // items, only a detached memory is refused.
  const [lo, hi] = stridedExtent(offset, shape, strides, 0, shape.length, 1) ?? [offset, offset];
  checkRange(data, lo, hi);
}

/**
 * Converts `layout` over `data` into suboffset form, as `_testbuffer`'s ND_PIL does:
 * a table of `shape[0]` pointers (padded to a multiple of 8 bytes) is put in front of
 * a copy of the data; pointer i leads to sub-array i; `strides[0]` becomes ±pointer
 * size and `suboffsets` is `[s0, -1, …]`, `s0` being the offset of each sub-array's
 * first item from its lowest byte. An empty array's pointers (never followed) are 0
 * where C would store an address outside the data. Needs ndim ≥ 1.
 *
 * @example
 * const pil = toSuboffsets(new Uint8Array([1, 2, 3, 4, 5, 6]).buffer, { shape: [2, 3], strides: [3, 1], offset: 0 });
 * pil.suboffsets; // [0, -1]
 * new NDBuffer(pil.memory, { shape: [2, 3], strides: pil.strides, suboffsets: pil.suboffsets, offset: pil.buf });
 */
export function toSuboffsets(
  data: Memory,
  layout: StridedLayout,
  abi: Abi = "lp64",
): IndirectLayout {
  checkArguments(data, layout, abi);
  const { shape, strides, offset } = layout;
  if (shape.length === 0) throw new TypeError("ndim = 0 cannot be used in conjunction with ND_PIL");
  const psize = pointerSize(abi);
  const n0 = shape[0] as number;
  const addsize = 8 * Math.ceil((n0 * psize) / 8);
  let imin = 0;
  let suboffset0 = 0;
  for (let n = 0; n < shape.length; n++) {
    if (shape[n] === 0) break;
    const s = strides[n] as number;
    if (s <= 0) {
      const x = ((shape[n] as number) - 1) * s;
      imin += x;
      if (n >= 1) suboffset0 -= x;
    }
  }
  const memory = new ArrayBuffer(addsize + data.byteLength);
  new Uint8Array(memory).set(new Uint8Array(data), addsize);
  const start = addsize + offset + imin;
  const step = Math.abs(strides[0] as number);
  for (let i = 0; i < n0; i++) writePointer(memory, i * psize, Math.max(0, start + i * step), abi);
  const backwards = (strides[0] as number) < 0;
  return {
    memory,
    buf: backwards && n0 > 0 ? (n0 - 1) * psize : 0,
    strides: [backwards ? -psize : psize, ...strides.slice(1)],
    suboffsets: [suboffset0, ...strides.slice(1).map(() => -1)],
  };
}
