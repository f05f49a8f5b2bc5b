/**
 * dtype strings both ways, for integrators (Zarr, Arrow, `__array_interface__` users):
 * a NumPy descr to the PEP 3118 format NumPy exports for it, and a PEP 3118 format to
 * the descr of the dtype NumPy makes of it.
 */

import { dtypeFromDescr } from "./descr-parse.js";
import { type Descr, descrOf } from "./dtype.js";
import { dtypeOfFormat } from "./dtype-from-format.js";
import { type FormatStyle, formatOfDType } from "./format-from-dtype.js";
import { pyDescr } from "./header.js";
import { pyRepr } from "./py-literal.js";

/** Options of {@link formatFromDescr}. */
export interface FormatFromDescrOptions {
  /**
   * `"view"` (default): NumPy's format, with a record's trailing padding written out as
   * `x`s so that the format's size is the itemsize (what pybuffer's views need);
   * `"numpy"`: exactly `memoryview(arr).format`.
   */
  readonly style?: FormatStyle | undefined;
  /**
   * The array's shape: NumPy writes a field `=` (unaligned) when a dimension of more
   * than one item has a stride that is no multiple of the field's alignment. Default:
   * an array of several items.
   */
  readonly shape?: readonly number[] | undefined;
}

/**
 * The PEP 3118 format NumPy gives a buffer of dtype `descr` (`np.dtype(descr)` read as
 * `numpy.lib.format.descr_to_dtype` reads a `.npy` header, then
 * `memoryview(arr).format`). Throws NumPy's errors: `TypeError: data type '…' not
 * understood`, `ValueError: cannot include dtype 'M' in a buffer`, and the others of
 * its buffer export.
 *
 * @example
 * formatFromDescr("<i8"); // "l"
 * formatFromDescr([["a", "<i4"], ["b", ">f8"]]); // "T{i:a:>d:b:}"
 */
export function formatFromDescr(descr: Descr, options: FormatFromDescrOptions = {}): string {
  const dtype = dtypeFromDescr(descr);
  return formatOfDType(dtype, options.style ?? "view", options.shape ?? null);
}

/**
 * The descr of the dtype NumPy makes of a buffer whose format is `format` (what
 * `np.asarray(buffer).dtype` is, written as a `.npy` header writes it: `dtype.str` for
 * a plain type, `dtype.descr` for a record, `[descr, shape]` for a sub-array).
 *
 * @example
 * descrFromFormat("<l"); // "<i4"
 * descrFromFormat("T{b:a:d:b:}"); // [["a", "|i1"], ["", "|V7"], ["b", "<f8"]]
 */
export function descrFromFormat(format: string): Descr {
  return descrOf(dtypeOfFormat(format));
}

/**
 * A descr as Python writes it (`repr`, as in a `.npy` header): tuples for fields and
 * shapes.
 *
 * @example
 * descrRepr([["a", "<i4", [2]]]); // "[('a', '<i4', (2,))]"
 */
export function descrRepr(descr: Descr): string {
  return pyRepr(pyDescr(descr));
}
