/**
 * Pre-verified layouts: the fast road through {@link getBuffer}. An exporter of this
 * family (NDBuffer, the adapters, memoryview as an exporter) verifies its layout once,
 * when the layout is made or changed ({@link verifyLayout}: every check `validateView`
 * makes except the memory bounds, which depend on the memory as it is at request time),
 * and builds each export with {@link layoutView}. getBuffer then recognises the view by a
 * private brand only this module can set and re-checks only what can change between
 * requests: that the view's fields are still the ones it was made with, that the
 * layout's arrays still hold the verified values, and that the memory is attached and
 * long enough for the layout's cached extent (O(1) for any ndim). Views from anywhere
 * else (third-party exporters, hand-made objects, a view changed after it was made) get
 * the full O(ndim) check as before.
 *
 * Ownership: every view made from one layout shares the layout's `shape` and `strides`
 * arrays (no copy per request). They are read-only for consumers, as an exporter's are
 * in C. A consumer that writes into them anyway does not get an unchecked view: the
 * layout keeps a private copy, compares it at each request and, on a difference, sends
 * the view through the full check (which refuses it). Exporters check `intact()` before
 * using a layout they keep and verify their own layout again when it says `false`, so a
 * consumer's write spoils nothing beyond the views it already holds.
 *
 * Measured on this machine (2 shared cores, node 22): NDBuffer getBuffer + releaseBuffer
 * went from ~250 ns (validateView + a copy of the view) to the figures in the changeset.
 */
import { BufferError } from "@pybuffer/struct";
import { isAbi } from "./abi.js";
import { backToBack } from "./contiguity.js";
import { PyBUF_FORMAT, PyBUF_MAX_NDIM, PyBUF_ND, PyBUF_STRIDES } from "./flags.js";
import { checkPlacementArguments } from "./memory.js";
import { reqStrides } from "./request.js";
import { sizeFromFormat } from "./size-from-format.js";
import { pythonTypeName } from "./type-name.js";
import { validateFields } from "./verify.js";
import type { Abi, BufferView, Memory } from "./view.js";
import {
  CHECKED,
  KEEP_FORMAT,
  KEEP_SHAPE,
  KEEP_STRIDES,
  type Trust,
  ViewRecord,
} from "./view-record.js";

/**
 * What {@link verifyLayout} checks: a layout without memory, relative to the view's
 * `buf` (strides may be negative; `strides` defaults to C order).
 *
 * @example
 * const spec: LayoutSpec = { format: "<h", itemsize: 2, shape: [2, 3], strides: [6, 2] };
 */
export interface LayoutSpec {
  /** struct format of one item; `calcsize(format)` must be `itemsize`. */
  readonly format: string;
  /** Bytes per item. */
  readonly itemsize: number;
  /** Items per dimension (`[]` for a 0-dimensional layout). */
  readonly shape: readonly number[];
  /** Bytes between items per dimension; C order when omitted. */
  readonly strides?: readonly number[] | null | undefined;
  /** Native ABI of the format (default `lp64`). */
  readonly abi?: Abi | undefined;
}

const NO_MEMORY = new ArrayBuffer(0);

function sameValues(a: readonly number[] | null, b: readonly number[] | null): boolean {
  if (a === null || b === null) return false;
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A layout {@link verifyLayout} has checked. Its fields are read-only; make a new one
 * for a new layout.
 *
 * @example
 * const layout = verifyLayout({ format: "B", itemsize: 1, shape: [16] });
 * layout.hi; // 16
 */
export class VerifiedLayout implements Trust {
  /** product(shape) * itemsize. */
  readonly len: number;
  /** Bytes per item. */
  readonly itemsize: number;
  /** struct format of one item. */
  readonly format: string;
  /** Number of dimensions. */
  readonly ndim: number;
  /** Items per dimension (`null` when 0-dimensional); shared by every view, read-only. */
  readonly shape: number[] | null;
  /** Bytes between items (`null` when 0-dimensional); shared by every view, read-only. */
  readonly strides: number[] | null;
  /** Native ABI of the format. */
  readonly abi: Abi;
  /** Lowest byte the layout reaches, relative to `buf` (`0` when it reaches none). */
  readonly lo: number;
  /** One past the highest byte it reaches, relative to `buf` (`lo` when none). */
  readonly hi: number;
  /** C-contiguity. */
  readonly c: boolean;
  /** Fortran contiguity. */
  readonly f: boolean;
  // The verified values, to compare with the shared arrays: scalars for one dimension
  // (no allocation), copies for more.
  readonly #s0: number;
  readonly #t0: number;
  readonly #shape: readonly number[] | null;
  readonly #strides: readonly number[] | null;
  /** Flags whose shape, strides and contiguity demands this layout last met (NaN: none). */
  #metFlags = Number.NaN;

  private constructor(
    len: number,
    itemsize: number,
    format: string,
    ndim: number,
    shape: number[] | null,
    strides: number[] | null,
    abi: Abi,
  ) {
    this.len = len;
    this.itemsize = itemsize;
    this.format = format;
    this.ndim = ndim;
    // Not frozen: memoryview's copies of frozen arrays (Array.prototype.slice) made
    // create + slice + release 3× slower (~700 ns vs ~200). intact() guards them instead.
    this.shape = shape;
    this.strides = strides;
    this.abi = abi;
    let lo = 0;
    let hi = itemsize;
    for (let d = 0; d < ndim; d++) {
      const n = (shape as number[])[d] as number;
      if (n === 0) {
        hi = 0;
        lo = 0;
        break;
      }
      const span = (n - 1) * ((strides as number[])[d] as number);
      if (span < 0) lo += span;
      else hi += span;
    }
    this.lo = lo;
    this.hi = hi;
    this.c = len === 0 || backToBack(shape, strides, itemsize, ndim - 1, -1);
    this.f = len === 0 || backToBack(shape, strides, itemsize, 0, 1);
    this.#s0 = ndim === 1 ? ((shape as number[])[0] as number) : 0;
    this.#t0 = ndim === 1 ? ((strides as number[])[0] as number) : 0;
    this.#shape = ndim > 1 ? (shape as number[]).slice() : null;
    this.#strides = ndim > 1 ? (strides as number[]).slice() : null;
  }

  /** @internal Builds a layout from checked fields (verifyLayout only). */
  static _make(
    len: number,
    itemsize: number,
    format: string,
    ndim: number,
    shape: number[] | null,
    strides: number[] | null,
    abi: Abi,
  ): VerifiedLayout {
    return new VerifiedLayout(len, itemsize, format, ndim, shape, strides, abi);
  }

  /**
   * @internal Whether `flags` asks nothing of shape, strides or contiguity that this
   * layout's views lack: a one-entry cache for getBuffer (the writable demand depends on
   * the view and is checked apart).
   */
  static _meets(layout: VerifiedLayout, flags: number): boolean {
    return layout.#metFlags === flags;
  }

  /** @internal Records that `flags` passed getBuffer's checks for this layout. */
  static _met(layout: VerifiedLayout, flags: number): void {
    layout.#metFlags = flags;
  }

  /**
   * @internal `layout` itself while intact, else a new layout with the values that were
   * verified (kept privately), for an exporter whose shared arrays a consumer wrote into.
   */
  static _pristine(layout: VerifiedLayout): VerifiedLayout {
    if (layout.intact()) return layout;
    const { ndim } = layout;
    const shape = ndim === 1 ? [layout.#s0] : ndim > 1 ? (layout.#shape as number[]).slice() : null;
    const strides =
      ndim === 1 ? [layout.#t0] : ndim > 1 ? (layout.#strides as number[]).slice() : null;
    const { len, itemsize, format, abi } = layout;
    return new VerifiedLayout(len, itemsize, format, ndim, shape, strides, abi);
  }

  /** @internal Whether `value` was made by verifyLayout. */
  static _is(value: unknown): value is VerifiedLayout {
    return typeof value === "object" && value !== null && #s0 in value;
  }

  /**
   * Whether the shared `shape` and `strides` arrays still hold the verified values.
   *
   * @example
   * layout.intact(); // true unless someone wrote into view.shape
   */
  intact(): boolean {
    const { ndim, shape, strides } = this;
    if (ndim === 0) return true;
    if (ndim === 1) {
      return (shape as number[])[0] === this.#s0 && (strides as number[])[0] === this.#t0;
    }
    return sameValues(shape, this.#shape) && sameValues(strides, this.#strides);
  }
}

/**
 * Checks a layout once, as `validateView` checks a view's fields (`len` follows from
 * shape and itemsize, `calcsize(format) == itemsize`, ndim ≤ 64, integer shape and
 * strides of the right length), and returns it verified for {@link layoutView}. The
 * arrays are copied. Throws `BufferError("<context>: <problem>")` like validateView.
 *
 * @example
 * const layout = verifyLayout({ format: "d", itemsize: 8, shape: [2, 3] }); // strides [24, 8]
 */
export function verifyLayout(spec: LayoutSpec, context = "verifyLayout()"): VerifiedLayout {
  if (typeof context !== "string") {
    throw new TypeError(
      `verifyLayout() context must be a string, not '${pythonTypeName(context)}'`,
    );
  }
  return quickVerify(spec) ?? fullVerify(spec, context);
}

// Item sizes of formats already checked, one map per ABI (bounded: cleared past 256).
const formatSizes: Record<Abi, Map<string, number>> = {
  lp64: new Map([["B", 1]]),
  llp64: new Map(),
  wasm32: new Map(),
};

function itemSizeOf(format: string, abi: Abi): number {
  if (format === "B") return 1;
  const sizes = formatSizes[abi];
  let size = sizes.get(format);
  if (size === undefined) {
    size = sizeFromFormat(format, abi);
    if (sizes.size >= 256) sizes.clear();
    sizes.set(format, size);
  }
  return size;
}

/**
 * The checks of the full road for the common case, without its allocations (bench
 * slice-release: a wrap + getBuffer went from ~700 to the changeset's figure when the
 * adapters verify one layout per wrap). `null` when anything is off: the full road then
 * says what.
 */
function quickVerify(spec: LayoutSpec): VerifiedLayout | null {
  if (typeof spec !== "object" || spec === null) return null;
  const { format, itemsize } = spec;
  const abi = spec.abi ?? "lp64";
  if (typeof format !== "string" || !Number.isSafeInteger(itemsize) || itemsize < 1) return null;
  if (!isAbi(abi)) return null;
  const shape = ownCopy(spec.shape);
  if (shape === null) return null;
  const ndim = shape.length;
  const stridesGiven = spec.strides ?? null;
  const strides = stridesGiven === null ? null : ownCopy(stridesGiven);
  if (stridesGiven !== null && (strides === null || strides.length !== ndim)) return null;
  let len = itemsize;
  for (let d = 0; d < ndim; d++) {
    const n = shape[d];
    if (!Number.isSafeInteger(n) || (n as number) < 0) return null;
    len *= n as number;
    if (strides !== null && !Number.isSafeInteger(strides[d])) return null;
  }
  if (!Number.isSafeInteger(len)) return null;
  let size = -1;
  try {
    size = itemSizeOf(format, abi);
  } catch {
    return null;
  }
  if (size !== itemsize) return null;
  if (ndim === 0) return VerifiedLayout._make(len, itemsize, format, 0, null, null, abi);
  const ownStrides = strides === null ? cStrides(shape, itemsize) : strides;
  return VerifiedLayout._make(len, itemsize, format, ndim, shape, ownStrides, abi);
}

/**
 * A plain copy of `list`, each entry read once, or `null` when it is not an array or is
 * longer than any ndim (never copied, so a huge length allocates nothing). The layout is
 * checked and built from the copy: a getter or Proxy that answers differently at a second
 * read cannot widen a checked layout (and no `slice`, which a subclass's `Symbol.species`
 * would answer).
 */
function ownCopy<T>(list: readonly T[] | null | undefined): T[] | null {
  if (!Array.isArray(list)) return null;
  const n = list.length;
  if (!(n <= PyBUF_MAX_NDIM)) return null;
  const out = new Array<T>(n);
  for (let d = 0; d < n; d++) out[d] = list[d] as T;
  return out;
}

/**
 * The strides of items back to back in C order, unchecked (quickVerify has checked the
 * shape; fullVerify's validation looks at what they come to).
 */
function cStrides(shape: readonly number[], itemsize: number): number[] {
  const strides = new Array<number>(shape.length);
  let stride = itemsize;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= shape[d] as number;
  }
  return strides;
}

/** validateView's checks on a layout (without memory), throwing its errors. */
function fullVerify(spec: LayoutSpec, context: string): VerifiedLayout {
  if (typeof spec !== "object" || spec === null) {
    throw new TypeError(`${context}: a layout must be an object, not '${pythonTypeName(spec)}'`);
  }
  const { itemsize } = spec;
  // Read once, as quickVerify does: what validateFields checks is what the layout keeps
  // (anything else, a list longer than any ndim too, goes to it as given, for its error).
  const shape = ownCopy(spec.shape) ?? spec.shape;
  let strides = ownCopy(spec.strides) ?? spec.strides ?? null;
  let len = 0;
  if (Array.isArray(shape) && shape.length <= PyBUF_MAX_NDIM) {
    len = itemsize;
    for (const n of shape) len *= n;
    if (strides === null && Number.isSafeInteger(itemsize)) strides = cStrides(shape, itemsize);
  }
  const record = validateFields(
    {
      obj: null,
      memory: NO_MEMORY,
      buf: 0,
      len,
      readonly: false,
      itemsize,
      format: spec.format,
      ndim: Array.isArray(shape) ? shape.length : shape,
      shape,
      strides,
      suboffsets: null,
      abi: spec.abi,
      internal: null,
    },
    context,
  );
  if (typeof record.format !== "string") throw new BufferError(`${context}: format is required`);
  const r = record;
  const format = r.format as string;
  return VerifiedLayout._make(r.len, r.itemsize, format, r.ndim, r.shape, r.strides, r.abi);
}

/**
 * The view an exporter hands out for request `flags` from a verified `layout` placed at
 * byte `buf` of `memory`: `format` only with `PyBUF_FORMAT`, `shape` only with
 * `PyBUF_ND` (without it, one dimension and no shape, as `PyBuffer_FillInfo` and
 * `_testbuffer` answer), `strides` only with `PyBUF_STRIDES`, no suboffsets. The exporter
 * has already refused what it cannot give (writable, contiguity) with its own messages;
 * getBuffer re-checks the request and the memory bounds in O(1).
 *
 * Errors: `TypeError` for a layout that is not from {@link verifyLayout}, a `memory` that
 * is not an ArrayBuffer / SharedArrayBuffer, a `buf` that is not a non-negative integer;
 * `BufferError` for a request without strides (or shape) on a layout that is not
 * C-contiguous.
 *
 * @example
 * const layout = verifyLayout({ format: "B", itemsize: 1, shape: [8] });
 * const exporter = {
 *   [bf_getbuffer]: (flags: number) => layoutView(layout, exporter, memory, 0, true, flags),
 * };
 */
export function layoutView(
  layout: VerifiedLayout,
  obj: object | null,
  memory: Memory,
  buf: number,
  readonly: boolean,
  flags: number,
  internal: unknown = null,
): BufferView {
  if (!VerifiedLayout._is(layout)) {
    throw new TypeError("layoutView() layout must come from verifyLayout()");
  }
  checkPlacementArguments("layoutView()", memory, buf);
  if (!reqStrides(flags) && !layout.c) {
    throw new BufferError("layoutView(): a layout that is not C-contiguous needs PyBUF_STRIDES");
  }
  return sealedView(layout, obj, memory, buf, readonly === true, flags, internal);
}

/**
 * {@link layoutView} without its argument checks, for core's own exporters, whose
 * arguments are checked already (NDBuffer: layout, memory and offset at construction,
 * the request by `_testbuffer`'s rules just before). `checked`: the caller has also
 * checked the memory bounds and the request, so getBuffer need not (with a trusted
 * method, see `trustGetbuffer`).
 *
 * @example
 * sealedView(layout, nd, memory, 0, true, PyBUF_FULL_RO, null);
 */
export function sealedView(
  layout: VerifiedLayout,
  obj: object | null,
  memory: Memory,
  buf: number,
  readonly: boolean,
  flags: number,
  internal: unknown,
  checked = false,
): BufferView {
  // The flag tests written out (not reqShape & co.): fewer bytes of bytecode on every
  // request's road, which engines inline by size.
  const shaped = (flags & PyBUF_ND) === PyBUF_ND;
  const strided = (flags & PyBUF_STRIDES) === PyBUF_STRIDES;
  const formatted = (flags & PyBUF_FORMAT) !== 0;
  return new ViewRecord(
    obj,
    memory,
    buf,
    layout.len,
    readonly,
    layout.itemsize,
    formatted ? layout.format : null,
    shaped ? layout.ndim : 1,
    shaped ? layout.shape : null,
    strided ? layout.strides : null,
    null,
    layout.abi,
    internal,
    layout,
    (shaped ? KEEP_SHAPE : 0) |
      (strided ? KEEP_STRIDES : 0) |
      (formatted ? KEEP_FORMAT : 0) |
      (checked ? CHECKED : 0),
  );
}
