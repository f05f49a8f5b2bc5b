/**
 * Whether a destination can write one byte twice. Copies into such a layout must keep
 * CPython's item order (the last item written to a byte decides it); every other copy
 * may run in whatever order is fastest.
 */

/**
 * Whether two items of a strided layout (`shape`, `strides`, items `width` bytes wide)
 * may share a byte. The test is conservative: `false` is a proof that they do not
 * (each dimension's stride clears everything the smaller ones span, NumPy's
 * `solve_may_have_internal_overlap` quick check), `true` only a possibility.
 *
 * @example
 * mayOverlapItself([3], [0], 1); // true
 * mayOverlapItself([2, 3], [3, 1], 1); // false
 */
export function mayOverlapItself(
  shape: readonly number[],
  strides: readonly number[],
  width: number,
): boolean {
  const steps: { n: number; s: number }[] = [];
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d] as number;
    if (n === 0) return false;
    if (n > 1) steps.push({ n, s: Math.abs(strides[d] as number) });
  }
  steps.sort((a, b) => a.s - b.s);
  let span = width;
  for (const { n, s } of steps) {
    if (s < span) return true;
    span += (n - 1) * s;
  }
  return false;
}

/**
 * Whether any two of the ranges `[lo[k], hi[k])` intersect.
 *
 * @example
 * anyIntersect([0, 4], [4, 8]); // false
 */
export function anyIntersect(lo: Float64Array, hi: Float64Array): boolean {
  const order = Array.from(lo.keys()).sort((a, b) => (lo[a] as number) - (lo[b] as number));
  let end = Number.NEGATIVE_INFINITY;
  for (const k of order) {
    if ((lo[k] as number) < end) return true;
    end = Math.max(end, hi[k] as number);
  }
  return false;
}
