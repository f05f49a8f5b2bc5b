/**
 * `saveNpy`: any view to the `.npy` bytes `np.save` writes for the same array, header
 * and data byte for byte: C-contiguous data as it is, Fortran-contiguous data (not also
 * C-contiguous) as `fortran_order: True` as it is, anything else in C order; each
 * through one copy into the output.
 */
import {
  allocBytes,
  type BufferView,
  getBuffer,
  isContiguous,
  PyBUF_FULL_RO,
  releaseBuffer,
  toContiguous,
} from "@pybuffer/core";
import { ValueError } from "@pybuffer/struct";
import { dtypeFromDescr } from "./descr-parse.js";
import { type Descr, type DType, descrOf } from "./dtype.js";
import { dtypeOfFormat } from "./dtype-from-format.js";
import { writeHeader } from "./header.js";
import { NpyArray } from "./npy-array.js";

/** Options of {@link saveNpy}. */
export interface SaveNpyOptions {
  /**
   * The descr to write (its itemsize must be the view's). Default: an {@link NpyArray}'s
   * own, else the descr of the dtype NumPy makes of the view's format.
   */
  readonly descr?: Descr | undefined;
}

/** @internal The header and the data of a `.npy` file, the data still to be copied. */
export interface NpyParts {
  readonly header: Uint8Array;
  readonly view: BufferView;
  readonly order: "C" | "F";
}

function innermost(d: DType, shape: number[]): DType {
  while (d.type === "subarray") {
    shape.push(...d.shape);
    d = d.base;
  }
  return d;
}

/**
 * @internal The header for `exporter`'s view (which the caller releases). A sub-array
 * format (`3i`) adds its dimensions to the shape, as NumPy's arrays absorb them.
 */
export function npyParts(exporter: unknown, options: SaveNpyOptions = {}): NpyParts {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("saveNpy: options must be an object");
  }
  const view = getBuffer(exporter, PyBUF_FULL_RO);
  try {
    const format = view.format ?? "B";
    const given =
      options.descr ??
      (exporter instanceof NpyArray && exporter.format === format ? exporter.descr : null);
    const dtype = given === null ? dtypeOfFormat(format, view.abi) : dtypeFromDescr(given);
    if (dtype.itemsize !== view.itemsize) {
      throw new ValueError(
        `saveNpy: NumPy reads format '${format}' as items of ${dtype.itemsize} bytes, but the view's items have ${view.itemsize}`,
      );
    }
    const shape = view.shape?.slice() ?? (view.ndim === 0 ? [] : [view.len / view.itemsize]);
    const descr = descrOf(innermost(dtype, shape));
    const fortran = !isContiguous(view, "C") && isContiguous(view, "F");
    return { header: writeHeader(descr, fortran, shape), view, order: fortran ? "F" : "C" };
  } catch (error) {
    releaseBuffer(view);
    throw error;
  }
}

/**
 * The bytes of a `.npy` file holding `exporter`'s view, as `np.save` writes them (the
 * header NumPy writes, version 1.0 unless it needs 2.0 or 3.0; Fortran-contiguous views
 * as `fortran_order: True` without reordering; other strides copied in C order).
 *
 * @example
 * const bytes = saveNpy(loadNpy(npyBytes)); // the same bytes NumPy wrote
 */
export function saveNpy(exporter: unknown, options: SaveNpyOptions = {}): Uint8Array<ArrayBuffer> {
  const { header, view, order } = npyParts(exporter, options);
  try {
    const out = allocBytes(header.length + view.len);
    out.set(header);
    toContiguous(view, order, out.subarray(header.length));
    return out;
  } finally {
    releaseBuffer(view);
  }
}
