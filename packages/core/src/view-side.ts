/**
 * The common entry check of the copy and pointer functions: the argument is a
 * consistent, unreleased view inside its memory; missing shape and strides are
 * reconstructed (no shape: `len` unsigned bytes; no strides: C order).
 */
import { ValueError } from "@pybuffer/struct";
import type { CopySide } from "./copy/copy-items.js";
import { isReleased } from "./exporter.js";
import { fillContiguousStrides } from "./strides.js";
import { validateView } from "./verify.js";
import type { BufferView } from "./view.js";

/**
 * A checked view with its full geometry.
 *
 * @example
 * const { side, shape, itemsize } = geometryOf(view, "toContiguous");
 */
export interface ViewGeometry {
  readonly view: BufferView;
  readonly side: CopySide;
  readonly shape: number[];
  readonly itemsize: number;
}

/**
 * Checks `view` for the function `fn` and returns its geometry. Throws
 * `ValueError("operation forbidden on released buffer view")` for a released view,
 * the validation's `BufferError`/`ValueError` for an inconsistent one.
 *
 * @example
 * geometryOf(view, "toContiguous").shape; // [2, 3]
 */
export function geometryOf(view: BufferView, fn: string): ViewGeometry {
  if (typeof view !== "object" || view === null) {
    throw new TypeError(`${fn}() argument must be a buffer view`);
  }
  if (isReleased(view)) throw new ValueError("operation forbidden on released buffer view");
  const checked = validateView(view, `${fn}(): invalid buffer view`);
  let shape: number[];
  let itemsize = checked.itemsize;
  if (checked.ndim === 0) shape = [];
  else if (checked.shape === null) {
    shape = [checked.len];
    itemsize = 1;
  } else shape = checked.shape;
  const strides = checked.strides ?? fillContiguousStrides(shape, itemsize, "C");
  return {
    view: checked,
    side: {
      memory: checked.memory,
      buf: checked.buf,
      strides,
      suboffsets: checked.suboffsets,
      abi: checked.abi,
      itemsize,
    },
    shape,
    itemsize,
  };
}

/**
 * Checks a copy order argument: `'C'`, `'F'` or `'A'`, else `ValueError("invalid
 * order, must be C, F or A")` (`_testbuffer`'s message).
 *
 * @example
 * checkOrder("F"); // fine
 */
export function checkOrder(order: unknown): asserts order is "C" | "F" | "A" {
  if (order !== "C" && order !== "F" && order !== "A") {
    throw new ValueError("invalid order, must be C, F or A");
  }
}
