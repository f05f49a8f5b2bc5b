/**
 * From an array's element layout (shape, strides and offset counted in elements of its
 * data) to a verified byte layout placed in the data's memory. scijs checks nothing (a
 * shape past the data is accepted; `offset|0` wraps past 2^31), so every element the
 * layout can reach is checked to lie inside the data's own elements: a view never reaches
 * a neighbour's bytes in a shared buffer.
 */
import { type VerifiedLayout, verifyLayout } from "@pybuffer/core";
import { ValueError } from "@pybuffer/struct";
import type { DataRegion } from "./data-region.js";
import type { ElementType } from "./element-types.js";

/** Where the first element lies and the verified layout of bytes from there. */
export interface Placement {
  /** Byte offset of the logical first element in the memory. */
  readonly buf: number;
  readonly layout: VerifiedLayout;
}

/**
 * The entries of `values`, each read once, checked: a copy, so that an entry a getter or
 * Proxy answers differently at a second read cannot change the layout once it is checked.
 */
function integers(values: unknown, name: string, what: string, min: number): number[] {
  if (!Array.isArray(values)) throw new TypeError(`${what}: the ndarray's ${name} is not an array`);
  const out: number[] = [];
  for (const n of values as unknown[]) {
    if (!Number.isSafeInteger(n) || (n as number) < min) {
      throw new ValueError(
        `${what}: the ndarray's ${name} holds ${String(n)}, not an integer${min === 0 ? " >= 0" : ""}`,
      );
    }
    out.push(n as number);
  }
  return out;
}

// The last layout verified, for arrays of one layout wrapped again and again (the usual
// way to hand an array to code that takes an exporter).
let last: VerifiedLayout | null = null;
let lastFormat = "";

function sameValues(a: readonly number[] | null, b: readonly number[]): boolean {
  if (a === null || a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function byteLayout(
  format: string,
  itemsize: number,
  shape: number[],
  strides: number[],
): VerifiedLayout {
  if (
    last !== null &&
    format === lastFormat &&
    last.itemsize === itemsize &&
    last.intact() &&
    sameValues(last.shape, shape) &&
    sameValues(last.strides, strides)
  ) {
    return last;
  }
  const layout = verifyLayout({ format, itemsize, shape, strides });
  last = layout;
  lastFormat = format;
  return layout;
}

/**
 * Checks `shape`, `strides` and `offset` (in elements) against `region` and returns the
 * byte placement. Throws `ValueError` for entries that are not integers and for a layout
 * reaching outside the data, `BufferError` from core's checks (more than 64 dimensions).
 *
 * @example
 * ```ts
 * place([2, 3], [-3, 1], 3, region, type, "fromNdarray").layout.strides; // [-24, 8] for float64
 * ```
 */
export function place(
  shape: unknown,
  strides: unknown,
  offset: unknown,
  region: DataRegion,
  type: ElementType,
  what: string,
): Placement {
  const dims = integers(shape, "shape", what, 0);
  const steps = integers(strides, "strides", what, Number.MIN_SAFE_INTEGER);
  if (steps.length !== dims.length) {
    throw new ValueError(
      `${what}: the ndarray has ${dims.length} dimensions but ${steps.length} strides`,
    );
  }
  if (!Number.isSafeInteger(offset)) {
    throw new ValueError(`${what}: the ndarray's offset is ${String(offset)}, not an integer`);
  }
  const { itemsize } = type;
  let first = offset as number;
  let lo = first;
  let hi = first;
  let count = 1;
  const byteStrides = new Array<number>(dims.length);
  for (let i = 0; i < dims.length; i++) {
    const n = dims[i] as number;
    const s = steps[i] as number;
    const reach = (n - 1) * s;
    if (reach < 0) lo += reach;
    else hi += reach;
    count *= n;
    byteStrides[i] = s * itemsize;
  }
  if (count === 0) {
    first = 0; // no element is ever read: any offset will do, and 0 lies inside.
  } else if (lo < 0 || hi >= region.length || !Number.isSafeInteger(hi * itemsize)) {
    throw new ValueError(
      `${what}: the ndarray reaches elements ${lo} to ${hi}, outside its data's ${region.length} elements`,
    );
  }
  const layout = byteLayout(type.format, itemsize, dims, byteStrides);
  return { buf: region.byteOffset + first * itemsize, layout };
}
