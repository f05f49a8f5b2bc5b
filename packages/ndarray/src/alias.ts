/**
 * The arrays of both libraries count shape, strides and offset in whole elements of one
 * data array, so they can say a view's layout when its byte strides are multiples of
 * its item size, its items are in the platform's byte order, it has no suboffsets and its
 * first item is aligned for the data class (a TypedArray needs its element size; stdlib's
 * `Complex128Array` needs 16 bytes, not 8). The data is then a TypedArray over exactly the
 * bytes the view reaches; otherwise, when allowed, a copy in C order.
 */
import { type BufferView, toContiguous } from "@pybuffer/core";
import { BufferError } from "@pybuffer/struct";
import type { ViewType } from "./view-type.js";

/** Element strides, offset and the data's bytes, for a library to build its array on. */
export interface Aliased {
  readonly memory: ArrayBufferLike;
  readonly byteOffset: number;
  /** Elements of the data. */
  readonly length: number;
  readonly shape: number[];
  readonly strides: number[];
  readonly offset: number;
  /** Whether the layout is Fortran-contiguous and not C-contiguous (stdlib's `order`). */
  readonly columnMajor: boolean;
}

/** Options of the `to*` conversions. */
export interface ToArrayOptions {
  /**
   * `false` (default): share the view's memory or throw `BufferError` saying why; `true`:
   * copy (in C order, into new memory, in the platform's byte order) when sharing is
   * impossible; `"always"`: always copy.
   */
  readonly copy?: boolean | "always" | undefined;
  /**
   * Ask an exporter for a writable view (`PyBUF_FULL`), so a read-only exporter is refused
   * instead of aliased (default false). scijs arrays cannot be read-only; stdlib arrays of
   * a read-only view are made with `readonly: true`.
   */
  readonly writable?: boolean | undefined;
}

function problem(
  view: BufferView,
  itemsize: number,
  align: number,
  foreign: boolean,
): string | null {
  if (view.suboffsets !== null) return "the view has suboffsets (an indirect array)";
  const { shape, strides } = view;
  if (strides !== null) {
    for (let i = 0; i < strides.length; i++) {
      if ((shape?.[i] as number) > 1 && (strides[i] as number) % itemsize !== 0) {
        return `its strides ${JSON.stringify(strides)} are not multiples of the item size ${itemsize}`;
      }
    }
  }
  if (foreign) return `format '${view.format}' is not in the platform's byte order`;
  if (view.buf % align !== 0)
    return `its first item, at byte ${view.buf}, is not aligned to ${align} bytes`;
  return null;
}

function swapped(bytes: Uint8Array<ArrayBuffer>, size: number): void {
  const dv = new DataView(bytes.buffer);
  for (let i = 0; i + size <= bytes.length; i += size) {
    if (size === 2) dv.setUint16(i, dv.getUint16(i, true), false);
    else if (size === 4) dv.setUint32(i, dv.getUint32(i, true), false);
    else {
      const low = dv.getUint32(i, true);
      dv.setUint32(i, dv.getUint32(i + 4, true), false);
      dv.setUint32(i + 4, low, false);
    }
  }
}

function cOrder(shape: number[]): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = step;
    step *= shape[i] as number;
  }
  return strides;
}

function copied(view: BufferView, vt: ViewType, shape: number[]): Aliased {
  const bytes = toContiguous(view, "C");
  if (vt.foreign) swapped(bytes, vt.type.itemsize / vt.type.parts);
  const length = bytes.length / vt.type.itemsize;
  const columnMajor = false;
  return {
    memory: bytes.buffer,
    byteOffset: 0,
    length,
    shape,
    strides: cOrder(shape),
    offset: 0,
    columnMajor,
  };
}

/**
 * The data region, element strides and offset that say `view`'s layout over its own
 * memory, or a copy when `copy` allows, or `BufferError` with the reason. `align` is
 * the byte alignment the data class needs.
 *
 * @example
 * ```ts
 * aliasOf(view, viewType("d", 8, "toNdarray"), 8, undefined, "toNdarray").strides; // [3, 1]
 * ```
 */
export function aliasOf(
  view: BufferView,
  vt: ViewType,
  align: number,
  copy: ToArrayOptions["copy"],
  what: string,
): Aliased {
  const itemsize = vt.type.itemsize;
  const shape = view.ndim === 0 ? [] : (view.shape?.slice() ?? [view.len / itemsize]);
  if (copy === "always") return copied(view, vt, shape);
  const why = problem(view, itemsize, align, vt.foreign);
  if (why !== null) {
    if (copy === true) return copied(view, vt, shape);
    throw new BufferError(`${what}: cannot share the view's memory: ${why}; pass { copy: true }`);
  }
  // A view without strides (a PyBUF_ND or PyBUF_SIMPLE one) is C-contiguous.
  const byteStrides = view.strides ?? cOrder(shape).map((s) => s * itemsize);
  const strides = new Array<number>(shape.length);
  let lo = view.buf;
  let hi = view.buf;
  let count = 1;
  let c = true;
  let f = true;
  let cNext = 1;
  let fNext = 1;
  for (let i = 0; i < shape.length; i++) {
    const n = shape[i] as number;
    // An extent of 0 or 1 never moves along its stride: 0 says so in whole elements.
    const s = n > 1 ? (byteStrides[i] as number) / itemsize : 0;
    strides[i] = s;
    if (s < 0) lo += (n - 1) * s * itemsize;
    else hi += (n - 1) * s * itemsize;
    count *= n;
    const j = shape.length - 1 - i;
    const nj = shape[j] as number;
    if (nj > 1 && (byteStrides[j] as number) !== cNext * itemsize) c = false;
    cNext *= nj;
    if (n > 1 && s !== fNext) f = false;
    fNext *= n;
  }
  if (count === 0) {
    return {
      memory: view.memory,
      byteOffset: 0,
      length: 0,
      shape,
      strides: cOrder(shape),
      offset: 0,
      columnMajor: false,
    };
  }
  const length = (hi - lo) / itemsize + 1;
  return {
    memory: view.memory,
    byteOffset: lo,
    length,
    shape,
    strides,
    offset: (view.buf - lo) / itemsize,
    columnMajor: f && !c,
  };
}
