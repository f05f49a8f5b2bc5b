/**
 * PIL-style layouts split into strided blocks: the address of item (i0, …, iL, 0, …, 0)
 * for every index of the dimensions down to the last one with a suboffset, each
 * pointer read once. A copy resolves every block (and checks it) before it writes its
 * first byte, so a destination whose items overlap its own pointer tables cannot send
 * later writes elsewhere.
 */
import { MemoryError } from "@pybuffer/struct";
import { pointerAt } from "../abi.js";
import { checkRange } from "../memory.js";
import { type Extent, stridedExtent } from "../reach.js";
import type { CopySide } from "./copy-items.js";

/**
 * At most this many blocks are resolved at once (8 bytes each): a layout that asks
 * for more is refused with `MemoryError` rather than tried.
 *
 * @example
 * if (count > MAX_BLOCKS) throw new MemoryError("");
 */
export const MAX_BLOCKS: number = 2 ** 26;

/**
 * The last dimension of `side` with a suboffset, or -1.
 *
 * @example
 * lastIndirect({ ...side, suboffsets: [0, -1] }); // 0
 */
export function lastIndirect(side: CopySide): number {
  const sub = side.suboffsets;
  if (sub === null) return -1;
  for (let d = sub.length - 1; d >= 0; d--) if ((sub[d] as number) >= 0) return d;
  return -1;
}

/**
 * The start of every block of dims `0..last` of `side` (C order of their index),
 * following suboffsets; each block's items (`width` bytes wide) are checked against
 * the memory. `last` may exceed the side's own last indirect dimension (the other
 * side of a copy has more). Every extent of `shape` is non-zero.
 *
 * @example
 * blockBases(side, [4, 3], 0, 2); // Float64Array(4) of row addresses
 */
export function blockBases(
  side: CopySide,
  shape: readonly number[],
  last: number,
  width: number,
): Float64Array {
  let count = 1;
  for (let d = 0; d <= last; d++) count *= shape[d] as number;
  if (count > MAX_BLOCKS) throw new MemoryError("");
  const bases = new Float64Array(count);
  const at = new Float64Array(last + 2);
  const index = new Array<number>(last + 1).fill(0);
  at[0] = side.buf;
  let from = 0;
  for (let k = 0; k < count; k++) {
    for (let d = from; d <= last; d++) {
      const p = (at[d] as number) + (index[d] as number) * (side.strides[d] as number);
      const sub = side.suboffsets === null ? -1 : (side.suboffsets[d] as number);
      at[d + 1] = sub < 0 ? p : pointerAt(side.memory, p, side.abi) + sub;
    }
    const base = at[last + 1] as number;
    const [lo, hi] = stridedExtent(
      base,
      shape,
      side.strides,
      last + 1,
      shape.length,
      width,
    ) as Extent;
    checkRange(side.memory, lo, hi);
    bases[k] = base;
    let d = last;
    for (; d >= 0; d--) {
      const i = (index[d] as number) + 1;
      if (i < (shape[d] as number)) {
        index[d] = i;
        break;
      }
      index[d] = 0;
    }
    from = d;
  }
  return bases;
}
