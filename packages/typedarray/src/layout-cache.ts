/**
 * {@link resolveLayout} with a memory of one call: wrapping arrays of one kind and length
 * with the same options again and again (a wrap per request, the usual way to hand a
 * TypedArray to code that takes an exporter) gets the previous layout back instead of
 * checking and building it again. Layouts are frozen, so sharing one is safe; the options
 * are compared by value, never kept (the caller may change its arrays afterwards).
 */
import type { Abi } from "@pybuffer/core";
import { type Layout, type LayoutOptions, resolveLayout } from "./layout.js";

let lastLayout: Layout | null = null;
let lastBytes = -1;
let lastFormat = "";
let lastItemsize = 0;
let lastAbi: Abi | undefined;
let lastOffset: number | undefined;
let lastShape: readonly number[] | undefined;
let lastStrides: readonly number[] | undefined;

function sameValues(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (!Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A copy of an options array (resolveLayout has checked that it holds integers). */
function copyOf(values: readonly number[] | undefined): readonly number[] | undefined {
  return values === undefined ? undefined : values.slice();
}

/**
 * The layout `resolveLayout(regionBytes, format, itemsize, options, what)` returns, the
 * previous call's when every input is the same; errors exactly as resolveLayout's.
 *
 * @example
 * ```ts
 * cachedLayout(24, "i", 4, { shape: [2, 3] }, "fromTypedArray").strides; // [12, 4]
 * ```
 */
export function cachedLayout(
  regionBytes: number,
  format: string,
  itemsize: number,
  options: LayoutOptions,
  what: string,
): Layout {
  const { shape, strides, offset, abi } = options;
  if (
    lastLayout !== null &&
    regionBytes === lastBytes &&
    format === lastFormat &&
    itemsize === lastItemsize &&
    abi === lastAbi &&
    offset === lastOffset &&
    sameValues(lastShape, shape) &&
    sameValues(lastStrides, strides)
  ) {
    return lastLayout;
  }
  // Resolved from the values read above (an options object with getters could answer
  // differently a second time), and remembered only once it resolved.
  const layout = resolveLayout(
    regionBytes,
    format,
    itemsize,
    { shape, strides, offset, abi },
    what,
  );
  lastLayout = null;
  lastShape = copyOf(shape);
  lastStrides = copyOf(strides);
  lastBytes = regionBytes;
  lastFormat = format;
  lastItemsize = itemsize;
  lastAbi = abi;
  lastOffset = offset;
  lastLayout = layout;
  return layout;
}
