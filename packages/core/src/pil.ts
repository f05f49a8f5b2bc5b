/**
 * PIL-style indirection: `_testbuffer`'s `ND_PIL` conversion (`init_suboffsets`),
 * which turns a strided array into an array of pointers to sub-arrays. Pointers are
 * byte offsets into the same memory (DESIGN.md's model), in the ABI's size.
 */
import { pointerSize, writePointer } from "./abi.js";
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
