/**
 * The layout an adapter exports over a region of bytes (a TypedArray's, a DataView's, a
 * whole buffer): format, item size, shape, byte strides and the offset of the first item,
 * checked so that every byte the layout can reach lies inside the region. That keeps a
 * view from ever reaching a neighbour's bytes, even when the region is a small part of a
 * larger buffer (a pooled Buffer, a subarray).
 */
import { type Abi, PyBUF_MAX_NDIM } from "@pybuffer/core";
import { ValueError } from "@pybuffer/struct";

/** Options every adapter takes to shape its export. */
export interface LayoutOptions {
  /** struct format of one item; its size must agree with the source (default: the kind's). */
  readonly format?: string | undefined;
  /** Items per dimension (default: one dimension over the whole region, C order). */
  readonly shape?: readonly number[] | undefined;
  /** Byte strides per dimension (default: C-contiguous for `shape`). */
  readonly strides?: readonly number[] | undefined;
  /** Bytes from the region's start to the first item (default 0). */
  readonly offset?: number | undefined;
  /** Export read-only even if the memory is writable (default false). */
  readonly readonly?: boolean | undefined;
  /** Native ABI of `format` and of pointers (default `lp64`; `wasm32` for wasm memory). */
  readonly abi?: Abi | undefined;
}

/**
 * A checked layout, relative to the start of its region. Views share its `shape` and
 * `strides` arrays, which are read-only for consumers, as CPython's exporters' are.
 */
export interface Layout {
  readonly format: string;
  readonly itemsize: number;
  readonly abi: Abi;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  /** Bytes from the region's start to the first item. */
  readonly offset: number;
  /** One past the highest byte the layout reaches, from the region's start (0 if empty). */
  readonly end: number;
  /** product(shape) * itemsize. */
  readonly len: number;
  /** Whether the layout is C-contiguous. */
  readonly c: boolean;
  /** Whether the layout is Fortran contiguous. */
  readonly f: boolean;
}

function finish(
  format: string,
  itemsize: number,
  abi: Abi,
  shape: number[],
  strides: number[],
  offset: number,
  end: number,
  len: number,
): Layout {
  const c = len === 0 || backToBack(shape, strides, itemsize, shape.length - 1, -1);
  const f = len === 0 || backToBack(shape, strides, itemsize, 0, 1);
  return { format, itemsize, abi, shape, strides, offset, end, len, c, f };
}

/**
 * A frozen copy of `layout`, arrays included, for code outside the package: the layouts
 * exporters hold are shared (a cache hands one to many exporters) and their `end` bounds
 * what views may reach, so no one else may hold a changeable reference to one.
 *
 * @example
 * ```ts
 * Object.isFrozen(frozenCopy(resolveLayout(4, "B", 1, {}, "example")).shape); // true
 * ```
 */
export function frozenCopy(layout: Layout): Layout {
  return Object.freeze({
    ...layout,
    shape: Object.freeze(layout.shape.slice()),
    strides: Object.freeze(layout.strides.slice()),
  });
}

/**
 * `PyBuffer_IsContiguous` on checked arrays, walking dimensions from `first` by `step`
 * (-1: C order, 1: Fortran order); extents 0 and 1 ignore their stride. Computed here
 * rather than through `isContiguous`, which re-checks a view object built for it (bench
 * slice-release, fromTypedArray wrap: ~15 ns).
 */
function backToBack(
  shape: readonly number[],
  strides: readonly number[],
  itemsize: number,
  first: number,
  step: number,
): boolean {
  let expected = itemsize;
  for (let d = first; d >= 0 && d < shape.length; d += step) {
    const extent = shape[d] as number;
    if (extent > 1 && strides[d] !== expected) return false;
    expected *= extent;
  }
  return true;
}

const UNIT_STRIDES = new Map<number, readonly number[]>();

/**
 * The default layout of a region: one dimension of whole items, C-contiguous, the first
 * at the region's start; the fast path of {@link resolveLayout} when no option is given.
 * The region must hold a whole number of items (the caller knows it does).
 *
 * @example
 * ```ts
 * flatLayout(12, "i", 4, "lp64").shape; // [3]
 * ```
 */
export function flatLayout(
  regionBytes: number,
  format: string,
  itemsize: number,
  abi: Abi,
): Layout {
  let strides = UNIT_STRIDES.get(itemsize);
  if (strides === undefined) {
    strides = [itemsize];
    UNIT_STRIDES.set(itemsize, strides);
  }
  const shape = [regionBytes / itemsize];
  return {
    format,
    itemsize,
    abi,
    shape,
    strides,
    offset: 0,
    end: regionBytes,
    len: regionBytes,
    c: true,
    f: true,
  };
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function checkShape(shape: readonly number[], what: string): number[] {
  if (!Array.isArray(shape)) throw new TypeError(`${what}: shape must be an array of integers`);
  if (shape.length > PyBUF_MAX_NDIM) {
    throw new ValueError(`${what}: number of dimensions must not exceed ${PyBUF_MAX_NDIM}`);
  }
  for (const n of shape) {
    if (!isCount(n)) throw new ValueError(`${what}: shape entries must be integers >= 0, got ${n}`);
  }
  return shape.slice();
}

/**
 * C-order strides for `shape` (`PyBuffer_FillContiguousStrides` with order 'C').
 *
 * @example
 * ```ts
 * cStrides([2, 3, 4], 8); // [96, 32, 8]
 * ```
 */
export function cStrides(shape: readonly number[], itemsize: number): number[] {
  const strides = new Array<number>(shape.length);
  let step = itemsize;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = step;
    step *= shape[i] ?? 0;
  }
  return strides;
}

/**
 * Checks `options` against a region of `regionBytes` bytes whose items are `itemsize`
 * bytes of `format`, and returns the layout. Without `shape`, one dimension spans the
 * region (which must hold whole items); with `shape` but no `strides` or `offset`, the
 * items must fill the region exactly; with `strides` or `offset`, every reachable byte
 * must lie in the region. Throws `ValueError`/`TypeError` naming `what` otherwise.
 *
 * @example
 * ```ts
 * resolveLayout(24, "i", 4, { shape: [2, 3] }, "fromTypedArray");
 * // { format: "i", itemsize: 4, abi: "lp64", shape: [2, 3], strides: [12, 4], offset: 0,
 * //   end: 24, len: 24, c: true, f: false }
 * ```
 */
export function resolveLayout(
  regionBytes: number,
  format: string,
  itemsize: number,
  options: LayoutOptions,
  what: string,
): Layout {
  const abi = options.abi ?? "lp64";
  if (itemsize < 1) throw new ValueError(`${what}: format '${format}' has items of 0 bytes`);
  const explicit = options.strides !== undefined || options.offset !== undefined;
  if (!explicit && options.shape === undefined && regionBytes % itemsize === 0) {
    return flatLayout(regionBytes, format, itemsize, abi);
  }
  const offset = options.offset ?? 0;
  if (!isCount(offset)) throw new ValueError(`${what}: offset must be an integer >= 0`);
  if (offset > regionBytes) throw outside(what, offset, offset, regionBytes);
  let shape: number[];
  if (options.shape === undefined) {
    if ((regionBytes - offset) % itemsize !== 0) {
      throw new ValueError(
        `${what}: ${regionBytes - offset} bytes are not a whole number of ${itemsize}-byte items`,
      );
    }
    shape = [(regionBytes - offset) / itemsize];
  } else {
    shape = checkShape(options.shape, what);
  }
  let strides: number[];
  if (options.strides === undefined) {
    strides = cStrides(shape, itemsize);
  } else {
    const given = options.strides;
    if (!Array.isArray(given) || given.length !== shape.length) {
      throw new ValueError(`${what}: strides must have one entry per dimension (${shape.length})`);
    }
    for (const s of given) {
      if (!Number.isSafeInteger(s)) throw new ValueError(`${what}: strides must be integers`);
    }
    strides = [...given];
  }
  let low = offset;
  let high = offset + itemsize;
  let items = 1;
  for (let i = 0; i < shape.length; i++) {
    const n = shape[i] ?? 0;
    const reach = (n - 1) * (strides[i] ?? 0);
    items *= n;
    if (reach < 0) low += reach;
    else high += reach;
  }
  if (items === 0) return finish(format, itemsize, abi, shape, strides, offset, 0, 0);
  if (!explicit && options.shape !== undefined && items * itemsize !== regionBytes) {
    throw new ValueError(
      `${what}: product(shape) * itemsize != buffer size (${items * itemsize} != ${regionBytes})`,
    );
  }
  if (low < 0 || high > regionBytes || !Number.isSafeInteger(high)) {
    throw outside(what, low, high, regionBytes);
  }
  return finish(format, itemsize, abi, shape, strides, offset, high, items * itemsize);
}

function outside(what: string, low: number, high: number, size: number): ValueError {
  return new ValueError(
    `${what}: the layout reaches bytes ${low} to ${high}, outside the source's ${size} bytes`,
  );
}
