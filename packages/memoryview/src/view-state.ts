/**
 * What every memoryview holds and the checks every entry point makes: the managed buffer
 * it is registered on, its own layout, its flags and export count (CPython's
 * `PyMemoryViewObject`), `CHECK_RELEASED`, the bytes-still-exist check, `adjust_fmt`,
 * `unpack_single` / `pack_single` at an address, the attributes, and the exporter side.
 * {@link MemoryView} adds the public operations.
 */
import {
  type BufferView,
  checkFlags,
  checkReach,
  layoutView,
  type VerifiedLayout,
  verifyLayout,
} from "@pybuffer/core";
import { plainValue } from "./argument.js";
import { exportBuf, exportLayout, refuseExport } from "./export-view.js";
import { singleCode } from "./format.js";
import { checkBytes, releasedError } from "./guards.js";
import { codecFor, type ItemCodec } from "./item-codec.js";
import { C, F, layoutFlags, ownLayout, PIL, RELEASED, reachHigh, reachLow } from "./layout.js";
import type { ManagedBuffer } from "./managed-buffer.js";

/** A view's layout verified once for its exports, or `false` when it cannot be. */
function verified(v: BufferView): VerifiedLayout | false {
  if (v.suboffsets !== null) return false;
  try {
    return verifyLayout({
      format: v.format as string,
      itemsize: v.itemsize,
      shape: v.shape ?? [],
      strides: v.strides,
      abi: v.abi,
    });
  } catch {
    // The full check of every export then says what is wrong.
    return false;
  }
}

/**
 * The state and checks shared by every memoryview; see {@link MemoryView}.
 *
 * @example
 * m instanceof ViewState; // true for every MemoryView
 */
export class ViewState {
  // Not an `Exportable`: core counts a memoryview's exports in its WeakMap, which only an
  // export of a memoryview pays for; the base class's private field cost every view made
  // (create + slice + release, micro-benchmark: ~125 → ~105 ns).
  // `declare`: no class-field definitions (each an own-property define before the
  // constructor's assignments); the constructor assigns every field, in one order
  // (Node 20, with ManagedBuffer's: create + slice + release ~210 → ~200 ns, medians of
  // 5 × 1M on this machine; create + release went ~165 → ~145 ns with this and the
  // one-dimensional `_layoutChanged`).
  /** @internal The managed buffer this view is registered on. */
  declare _mbuf: ManagedBuffer;
  /** @internal This view's own layout (format never null, full shape and strides). */
  declare _view: BufferView;
  /** @internal C / F / PIL / RELEASED bits. */
  declare _flags: number;
  /** @internal Buffers this view has exported and not yet had back. */
  declare _exports: number;
  /** @internal The cached hash. */
  declare _hash: bigint | null;
  /** @internal Lowest byte the layout reaches (without suboffsets). */
  declare _lo: number;
  /** @internal One past the highest byte the layout reaches (without suboffsets). */
  declare _hi: number;
  /** @internal The item codec, or why there is none; `null` until first needed. */
  declare _codec: ItemCodec | Error | null;
  /**
   * @internal This view's layout verified for core's fast getBuffer road, made on the
   * first export (`null`: not yet; `false`: it has suboffsets or does not verify).
   */
  declare _trust: VerifiedLayout | null | false;

  /** Registers on `mbuf` with `view` as this view's layout (`mbuf_add_view`). */
  constructor(mbuf: ManagedBuffer, view: BufferView) {
    this._mbuf = mbuf;
    this._view = view;
    this._flags = 0;
    this._exports = 0;
    this._hash = null;
    this._lo = 0;
    this._hi = 0;
    this._codec = null;
    this._trust = null;
    mbuf.exports++;
    this._layoutChanged();
  }

  /** @internal `init_flags` plus the byte range the layout reaches. */
  _layoutChanged(): void {
    const v = this._view;
    if (v.ndim === 1 && v.suboffsets === null) {
      // layoutFlags / reachLow / reachHigh for one dimension, without their loops and
      // calls (part of create + slice + release going from ~260 to ~210 ns, with slice1D).
      const n = (v.shape as number[])[0] as number;
      const stride = (v.strides as number[])[0] as number;
      this._flags = n === 1 || stride === v.itemsize ? C | F : 0;
      const span = n === 0 ? 0 : (n - 1) * stride;
      this._lo = span < 0 ? v.buf + span : v.buf;
      this._hi = n === 0 ? v.buf : span > 0 ? v.buf + v.itemsize + span : v.buf + v.itemsize;
    } else {
      this._layoutChangedND(v);
    }
    this._codec = null;
    this._trust = null;
  }

  /**
   * @internal `_layoutChanged` for any other layout, in a method of its own: the
   * one-dimensional road above is inlined wherever views are made, and this one's calls
   * would make it bigger for V8's inlining budget.
   */
  _layoutChangedND(v: BufferView): void {
    this._flags = layoutFlags(v);
    this._lo = reachLow(v);
    this._hi = reachHigh(v);
  }

  /** @internal `CHECK_RELEASED`. */
  _alive(): void {
    if ((this._flags & RELEASED) !== 0) throw releasedError();
  }

  /** @internal Throws unless every byte the view reaches still exists. */
  _bytes(): void {
    const v = this._view;
    if ((this._flags & PIL) !== 0) checkReach(v);
    else if (this._hi > v.memory.byteLength || this._hi === this._lo)
      checkBytes(v.memory, this._lo, this._hi);
  }

  /** @internal `adjust_fmt`: the codec, or throws for a multi-character format without one. */
  _fmt(): ItemCodec | Error {
    let codec = this._codec;
    if (codec === null) {
      const v = this._view;
      codec = codecFor(v.format as string, v.itemsize, v.abi);
      this._codec = codec;
    }
    // A multi-character format fails here; a single unsupported character only when read.
    if (codec instanceof Error && singleCode(this._view.format as string) === null) throw codec;
    return codec;
  }

  /** @internal `unpack_single` at byte `ptr`. */
  _read(codec: ItemCodec | Error, ptr: number): unknown {
    if (codec instanceof Error) throw codec;
    const v = this._view;
    checkBytes(v.memory, ptr, ptr + v.itemsize);
    return codec.read(this._mbuf.dv(), ptr);
  }

  /** @internal `pack_single` at byte `ptr`. */
  _write(codec: ItemCodec | Error, ptr: number, value: unknown): void {
    if (codec instanceof Error) throw codec;
    // The value's getters run here, once, before the bytes are checked (issue #19).
    const plain = plainValue(value);
    const v = this._view;
    checkBytes(v.memory, ptr, ptr + v.itemsize);
    codec.write(this._mbuf.dv(), ptr, plain);
  }

  /** @internal A private copy of this view's layout, for slicing. */
  _copyLayout(): BufferView {
    return ownLayout(this._view, true);
  }

  // ---------------------------------------------------------------- attributes

  /**
   * `obj`: the exporter (`null` for views made over bare memory).
   *
   * @example
   * new MemoryView(nd).obj === nd; // true
   */
  get obj(): object | null {
    this._alive();
    return this._view.obj;
  }

  /** `nbytes`: `product(shape) * itemsize`. @example m.nbytes; // 12 */
  get nbytes(): number {
    this._alive();
    return this._view.len;
  }

  /** `readonly`. @example m.readonly; // false */
  get readonly(): boolean {
    this._alive();
    return this._view.readonly;
  }

  /** `itemsize`. @example m.itemsize; // 8 for 'd' */
  get itemsize(): number {
    this._alive();
    return this._view.itemsize;
  }

  /** `format`. @example m.format; // "B" */
  get format(): string {
    this._alive();
    return this._view.format as string;
  }

  /** `ndim`. @example m.ndim; // 1 */
  get ndim(): number {
    this._alive();
    return this._view.ndim;
  }

  /** `shape` (a new array; `[]` for 0-d). @example m.shape; // [3] */
  get shape(): number[] {
    this._alive();
    return this._view.shape === null ? [] : this._view.shape.slice();
  }

  /** `strides` (a new array; `[]` for 0-d). @example m.strides; // [1] */
  get strides(): number[] {
    this._alive();
    return this._view.strides === null ? [] : this._view.strides.slice();
  }

  /** `suboffsets` (`[]` when there are none). @example m.suboffsets; // [] */
  get suboffsets(): number[] {
    this._alive();
    return this._view.suboffsets === null ? [] : this._view.suboffsets.slice();
  }

  /** `c_contiguous`. @example m.cContiguous; // true */
  get cContiguous(): boolean {
    this._alive();
    return (this._flags & C) !== 0;
  }

  /** `f_contiguous`. @example m.fContiguous; // true for 1-D contiguous */
  get fContiguous(): boolean {
    this._alive();
    return (this._flags & F) !== 0;
  }

  /** `contiguous`: C- or Fortran-contiguous. @example m.contiguous; // true */
  get contiguous(): boolean {
    this._alive();
    return (this._flags & (C | F)) !== 0;
  }

  /**
   * `len(m)`: `shape[0]`; a 0-d view raises `TypeError('0-dim memory has no length')`.
   *
   * @example
   * m.length; // 3
   */
  get length(): number {
    this._alive();
    const v = this._view;
    if (v.ndim === 0) throw new TypeError("0-dim memory has no length");
    return (v.shape as number[])[0] as number;
  }

  // ---------------------------------------------------------------- exporter

  /** @internal `memory_getbuf`, installed under `bf_getbuffer`. */
  _getbuffer(flags: number): BufferView {
    checkFlags(flags);
    this._alive();
    const f = this._flags;
    const v = this._view;
    const c = (f & C) !== 0;
    refuseExport(v, flags, c, (f & F) !== 0);
    let trust = this._trust;
    if (trust === null || (trust !== false && !trust.intact())) trust = this._trust = verified(v);
    const view =
      trust === false
        ? exportLayout(v, flags, c, (f & F) !== 0, this)
        : layoutView(trust, this, v.memory, exportBuf(v), v.readonly, flags);
    this._exports++;
    return view;
  }

  /** @internal `memory_releasebuf`, installed under `bf_releasebuffer`. */
  _releasebuffer(): void {
    this._exports--;
  }
}
