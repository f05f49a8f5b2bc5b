/**
 * A memoryview printed as `m.tolist()` prints in Python, n-d aware: one innermost row a
 * line for two or more dimensions (still a valid Python literal), and, past a number of
 * items (or of nested lists, for shapes with a zero), only the first and last three along
 * each dimension with `...` between, as NumPy truncates.
 */
import type { MemoryView } from "@pybuffer/memoryview";
import { parseFormat } from "@pybuffer/struct";
import { reprOf, tupleRepr } from "./py-repr.js";
import { type ValueInfo, valuesOf } from "./values.js";

const EDGE = 3;

/**
 * `repr` of one item of `m` (a tuple for a multi-value format).
 *
 * @example
 * ```ts
 * itemRepr(memoryview(new Float32Array(1)))(0.5); // "0.5"
 * ```
 */
export function itemRepr(m: MemoryView): (value: unknown) => string {
  const infos: ValueInfo[] = valuesOf(parseFormat(m.format));
  if (infos.length === 1) return (v) => reprOf(v, infos[0]!);
  return (v) => tupleRepr(v as unknown[], infos);
}

/**
 * The text of `m.toList()`, truncated when `m` has more than `threshold` items.
 *
 * @example
 * ```ts
 * listText(memoryview(new Float64Array([1, 2])), 1000); // "[1.0, 2.0]"
 * ```
 */
export function listText(m: MemoryView, threshold: number): string {
  const repr = itemRepr(m);
  const shape = m.shape;
  if (shape.length === 0) return repr(m.toList());
  const total = shape.reduce((a, b) => a * b, 1);
  // Lists count too: a shape with a zero (3000, 3000, 0) has no items but 9 million lists.
  let lists = 0;
  let rows = 1;
  for (let d = 0; d < shape.length - 1; d++) {
    rows *= shape[d]!;
    lists += rows;
  }
  const truncate = total > threshold || lists > threshold;
  const at = (index: number[]) => m.get(shape.length === 1 ? index[0]! : index);
  const walk = (prefix: number[]): string => {
    const dim = prefix.length;
    const n = shape[dim]!;
    const picks: (number | null)[] = [];
    if (truncate && n > 2 * EDGE) {
      for (let i = 0; i < EDGE; i++) picks.push(i);
      picks.push(null);
      for (let i = n - EDGE; i < n; i++) picks.push(i);
    } else {
      for (let i = 0; i < n; i++) picks.push(i);
    }
    const last = dim === shape.length - 1;
    const parts = picks.map((i) =>
      i === null ? "..." : last ? repr(at([...prefix, i])) : walk([...prefix, i]),
    );
    const sep = last ? ", " : `,\n${" ".repeat(dim + 1)}`;
    return `[${parts.join(sep)}]`;
  };
  return walk([]);
}

/** Python's `repr(tuple)` of ints: `(2,)`, `(2, 3)`. */
function tupleOfInts(values: readonly number[]): string {
  return values.length === 1 ? `(${values[0]},)` : `(${values.join(", ")})`;
}

/**
 * A line describing `m`'s buffer: format, itemsize, shape, strides, nbytes.
 *
 * @example
 * ```ts
 * infoLine(m); // "format 'h', itemsize 2, ndim 1, shape (4,), strides (2,), nbytes 8, readonly True"
 * ```
 */
export function infoLine(m: MemoryView): string {
  return (
    `format '${m.format}', itemsize ${m.itemsize}, ndim ${m.ndim}, shape ${tupleOfInts(m.shape)}, ` +
    `strides ${tupleOfInts(m.strides)}, nbytes ${m.nbytes}, readonly ${m.readonly ? "True" : "False"}`
  );
}
