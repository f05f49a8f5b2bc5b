/**
 * Runs a {@link CopyPlan} between two memories: an odometer over the outer
 * dimensions and the kernels for the inner one or two, with the word size chosen
 * from the alignment of every address and stride. Bounds are checked by the caller.
 */
import type { Memory } from "../view.js";
import { copy1d, copy2dTiled, gatherHalf, type Words } from "./kernels.js";
import type { CopyPlan } from "./plan.js";

/**
 * Runs at least this long move with `TypedArray.prototype.set` (one call per run).
 *
 * @example
 * if (run >= SET_THRESHOLD) d8.set(s8.subarray(from, from + run), to);
 */
export const SET_THRESHOLD = 64;

function wordsOf(memory: Memory, g: number): Words {
  if (g === 4) return new Uint32Array(memory, 0, memory.byteLength >>> 2);
  if (g === 2) return new Uint16Array(memory, 0, memory.byteLength >>> 1);
  return new Uint8Array(memory);
}

function wordSize(plan: CopyPlan, sBase: number, dBase: number): number {
  let bits = plan.run | sBase | dBase;
  for (let i = 0; i < plan.shape.length; i++)
    bits |= (plan.src[i] as number) | (plan.dst[i] as number);
  return bits % 4 === 0 ? 4 : bits % 2 === 0 ? 2 : 1;
}

/**
 * Copies the items `plan` describes from `src` (first item at byte `sBase`) to
 * `dst` (first item at byte `dBase`). Source and destination must not overlap.
 *
 * @example
 * runPlan(planCopy([4], [2], [1], 1), srcMemory, 0, dstMemory, 0);
 */
export function runPlan(
  plan: CopyPlan,
  src: Memory,
  sBase: number,
  dst: Memory,
  dBase: number,
): void {
  if (plan.empty) return;
  sBase += plan.srcShift;
  dBase += plan.dstShift;
  const ndim = plan.shape.length;
  const run = plan.run;
  if (ndim === 0) {
    new Uint8Array(dst).set(new Uint8Array(src, sBase, run), dBase);
    return;
  }
  const n = plan.shape[ndim - 1] as number;
  const ss = plan.src[ndim - 1] as number;
  const ds = plan.dst[ndim - 1] as number;
  if (run >= SET_THRESHOLD) {
    const s8 = new Uint8Array(src);
    const d8 = new Uint8Array(dst);
    forEachOuter(plan, ndim - 1, sBase, dBase, (sb, db) => {
      for (let k = 0; k < n; k++) d8.set(s8.subarray(sb + k * ss, sb + k * ss + run), db + k * ds);
    });
    return;
  }
  if (run === 1 && ss === 2 && ds === 1) {
    const s8 = new Uint8Array(src);
    const d8 = new Uint8Array(dst);
    forEachOuter(plan, ndim - 1, sBase, dBase, (sb, db) => gatherHalf(d8, db, s8, sb, n));
    return;
  }
  const g = wordSize(plan, sBase, dBase);
  const s = wordsOf(src, g);
  const d = wordsOf(dst, g);
  const w = run / g;
  if (ndim >= 2 && w === 1) {
    const no = plan.shape[ndim - 2] as number;
    const so = (plan.src[ndim - 2] as number) / g;
    const dout = (plan.dst[ndim - 2] as number) / g;
    forEachOuter(plan, ndim - 2, sBase, dBase, (sb, db) =>
      copy2dTiled(d, db / g, dout, ds / g, s, sb / g, so, ss / g, no, n),
    );
    return;
  }
  forEachOuter(plan, ndim - 1, sBase, dBase, (sb, db) =>
    copy1d(d, db / g, ds / g, s, sb / g, ss / g, n, w),
  );
}

/** Calls `body` with the source and destination bases of every index of dims 0..outer-1. */
function forEachOuter(
  plan: CopyPlan,
  outer: number,
  sBase: number,
  dBase: number,
  body: (sb: number, db: number) => void,
): void {
  if (outer === 0) {
    body(sBase, dBase);
    return;
  }
  const index = new Array<number>(outer).fill(0);
  let sb = sBase;
  let db = dBase;
  for (;;) {
    body(sb, db);
    let k = outer - 1;
    for (; k >= 0; k--) {
      const i = (index[k] as number) + 1;
      if (i < (plan.shape[k] as number)) {
        index[k] = i;
        sb += plan.src[k] as number;
        db += plan.dst[k] as number;
        break;
      }
      sb -= (i - 1) * (plan.src[k] as number);
      db -= (i - 1) * (plan.dst[k] as number);
      index[k] = 0;
    }
    if (k < 0) return;
  }
}
