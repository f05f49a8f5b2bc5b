/**
 * `NDBuffer`: a general exporter over raw memory with any format, shape, strides,
 * offset, suboffsets and read-only flag. It is to pybuffer what
 * `_testbuffer.ndarray` is to CPython's tests (same request rules, same messages),
 * and a plain tool for anyone who holds memory and a layout.
 */
import { BufferError, tp_name, ValueError } from "@pybuffer/struct";
import { bf_getbuffer, bf_releasebuffer, Exportable, trustGetbuffer } from "./exporter.js";
import { packItems } from "./nd-items.js";
import { buildLayout, type NDBufferOptions, type NDLayout } from "./nd-layout.js";
import { answerRequest, refuseRequest } from "./nd-request.js";
import { toSuboffsets } from "./pil.js";
import { checkReach } from "./reach.js";
import { checkFlags } from "./request.js";
import type { NdimOfShape, ShapedExporter } from "./shaped.js";
import { toContiguous } from "./to-contiguous.js";
import { sealedView, type VerifiedLayout, verifyLayout } from "./verified-layout.js";
import type { Abi, BufferView, Memory } from "./view.js";
import { ViewRecord } from "./view-record.js";

/** `view.internal` of an NDBuffer export: which buffer it came from, and whether it is out. */
class ExportToken {
  readonly #owner: NDBuffer;
  #live = true;
  constructor(owner: NDBuffer) {
    this.#owner = owner;
  }
  /** Ends the export once; `true` if this call ended it. */
  static end(token: unknown, owner: NDBuffer): boolean {
    if (!(typeof token === "object" && token !== null && #owner in token)) return false;
    if (token.#owner !== owner || !token.#live) return false;
    token.#live = false;
    return true;
  }
}

/** The fast-road form of a layout without suboffsets (the layout was checked by buildLayout). */
function verified(layout: NDLayout): VerifiedLayout | null {
  const base = layout.base;
  if (base.suboffsets !== null) return null;
  return verifyLayout(
    {
      format: base.format as string,
      itemsize: base.itemsize,
      shape: base.shape ?? [],
      strides: base.strides,
      abi: base.abi,
    },
    "NDBuffer",
  );
}

function exportsMessage(action: string, n: number): string {
  return `cannot ${action}: ${n} exported buffer${n === 1 ? "" : "s"}`;
}

/**
 * The exporter methods of {@link NDBuffer}, under symbol keys: declared here and
 * installed by the class's static block, because isolatedDeclarations cannot emit
 * computed method names of a class.
 *
 * @example
 * const view = nd[bf_getbuffer](PyBUF_FULL_RO); // what getBuffer calls
 */
export interface NDBuffer<
  F extends string = string,
  S extends readonly number[] = readonly number[],
> extends ShapedExporter<F, NdimOfShape<S>> {
  /** `bf_getbuffer`: `_testbuffer`'s `ndarray_getbuf`, check for check. */
  [bf_getbuffer](flags: number): BufferView;
  /** `bf_releasebuffer`: uncounts the export the view came from (once). */
  [bf_releasebuffer](view: BufferView): void;
}

/**
 * An exporter over `memory` with the layout `options` describes (see
 * {@link NDBufferOptions}). Answers every request as `_testbuffer.ndarray` does,
 * counts its exports, and refuses to change its layout or be freed while exported.
 *
 * @example
 * const memory = new Uint8Array([1, 2, 3, 4, 5, 6]).buffer;
 * const nd = new NDBuffer(memory, { shape: [2, 3], strides: [3, -1], offset: 2 });
 * toContiguous(getBuffer(nd, PyBUF_FULL_RO), "C"); // Uint8Array [3, 2, 1, 6, 5, 4]
 * getBuffer(nd, PyBUF_ND); // BufferError: ndarray is not C-contiguous
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the static block installs the symbol methods
export class NDBuffer<
  F extends string = string,
  const S extends readonly number[] = readonly number[],
> extends Exportable {
  static {
    Object.defineProperties(NDBuffer.prototype, {
      // Python's name for the type, in messages ("…, not ndarray").
      [tp_name]: { value: "ndarray", configurable: true },
      [bf_getbuffer]: {
        value(this: NDBuffer, flags: number): BufferView {
          return this.#getbuffer(flags);
        },
        writable: true,
        configurable: true,
      },
      [bf_releasebuffer]: {
        value(this: NDBuffer, view: BufferView): void {
          this.#releasebuffer(view);
        },
        writable: true,
        configurable: true,
      },
    });
    trustGetbuffer(NDBuffer.prototype[bf_getbuffer]);
  }

  /**
   * `_testbuffer.ndarray(items, shape=…, strides=…, offset=…, format=…, flags=…)`: a
   * new memory packed from `items` (item i at byte `i * itemsize`; for shape `[]`,
   * `items` is the one item), laid out by `options`; `pil: true` converts the layout
   * to suboffset form as `ND_PIL` does.
   *
   * @example
   * const nd = NDBuffer.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3], format: "<h", pil: true });
   * nd.suboffsets; // [0, -1]
   * nd.toBytes("F"); // the items 1, 4, 2, 5, 3, 6 as little-endian shorts
   */
  static fromItems(
    items: unknown,
    options: NDBufferOptions & { readonly pil?: boolean },
  ): NDBuffer {
    if (typeof options !== "object" || options === null) {
      throw new TypeError("NDBuffer options must be an object with a shape");
    }
    const { pil = false, ...rest } = options;
    const scalar = Array.isArray(rest.shape) && rest.shape.length === 0;
    if (pil && scalar) throw new TypeError("ndim = 0 cannot be used in conjunction with ND_PIL");
    const data = packItems(items, rest.format ?? "B", scalar, rest.abi);
    const nd = new NDBuffer(data, rest);
    if (!pil) return nd;
    const base = nd.#layout.base;
    const indirect = toSuboffsets(
      data,
      { shape: nd.shape, strides: nd.strides, offset: base.buf },
      base.abi,
    );
    return new NDBuffer(indirect.memory, {
      ...rest,
      order: "C",
      strides: indirect.strides,
      suboffsets: indirect.suboffsets,
      offset: indirect.buf,
    });
  }

  #layout: NDLayout;
  /** The layout verified for the fast road through getBuffer (`null` with suboffsets). */
  #verified: VerifiedLayout | null;
  #exports = 0;
  #freed = false;
  /** Flags `refuseRequest` last let through for this layout (NaN: none yet). */
  #okFlags = Number.NaN;

  constructor(
    memory: Memory,
    options: NDBufferOptions & { readonly format?: F; readonly shape: S },
  );
  constructor(memory: Memory, options: NDBufferOptions) {
    super();
    this.#layout = buildLayout(memory, options);
    this.#verified = verified(this.#layout);
  }

  /** Exported buffers not yet released (`ndbuf->exports`). @example nd.exports; // 0 */
  get exports(): number {
    return this.#exports;
  }
  /** The backing store. @example nd.memory.byteLength */
  get memory(): Memory {
    return this.#layout.base.memory;
  }
  /** Byte offset of the first item (`buf`). @example nd.offset; // 2 */
  get offset(): number {
    return this.#layout.base.buf;
  }
  /** Items per dimension (a copy). @example nd.shape; // [2, 3] */
  get shape(): number[] {
    return this.#layout.base.shape?.slice() ?? [];
  }
  /** Bytes between items per dimension (a copy). @example nd.strides; // [3, -1] */
  get strides(): number[] {
    return this.#layout.base.strides?.slice() ?? [];
  }
  /** Suboffsets (a copy), or `null`. @example nd.suboffsets; // null */
  get suboffsets(): number[] | null {
    return this.#layout.base.suboffsets?.slice() ?? null;
  }
  /** struct format of one item. @example nd.format; // "B" */
  get format(): string {
    return this.#layout.base.format as string;
  }
  /** Bytes per item. @example nd.itemsize; // 1 */
  get itemsize(): number {
    return this.#layout.base.itemsize;
  }
  /** Number of dimensions. @example nd.ndim; // 2 */
  get ndim(): number {
    return this.#layout.base.ndim;
  }
  /** product(shape) * itemsize (`len`, Python's `nbytes`). @example nd.nbytes; // 6 */
  get nbytes(): number {
    return this.#layout.base.len;
  }
  /** Whether writable requests are refused. @example nd.readonly; // false */
  get readonly(): boolean {
    return this.#layout.base.readonly;
  }
  /** Pointer ABI. @example nd.abi; // "lp64" */
  get abi(): Abi {
    return this.#layout.base.abi;
  }
  /** C-contiguity of the layout. @example nd.cContiguous; // false */
  get cContiguous(): boolean {
    return this.#layout.c;
  }
  /** Fortran contiguity of the layout. @example nd.fContiguous; // false */
  get fContiguous(): boolean {
    return this.#layout.f;
  }
  /** C- or Fortran contiguity. @example nd.contiguous; // false */
  get contiguous(): boolean {
    return this.#layout.c || this.#layout.f;
  }

  /**
   * Replaces memory and layout (`ndarray.push`); refused with `BufferError("cannot
   * change structure: 1 exported buffer")` while exported.
   *
   * @example
   * nd.setLayout(new ArrayBuffer(4), { shape: [4] });
   */
  setLayout(memory: Memory, options: NDBufferOptions): void {
    this.#checkLive();
    if (this.#exports > 0) throw new BufferError(exportsMessage("change structure", this.#exports));
    this.#layout = buildLayout(memory, options);
    this.#verified = verified(this.#layout);
    this.#okFlags = Number.NaN;
  }

  /**
   * Gives up the memory; every later request fails. Refused with
   * `BufferError("cannot free: 1 exported buffer")` while exported.
   *
   * @example
   * nd.free();
   * getBuffer(nd, PyBUF_SIMPLE); // ValueError: operation forbidden on a freed NDBuffer
   */
  free(): void {
    if (this.#freed) return;
    if (this.#exports > 0) throw new BufferError(exportsMessage("free", this.#exports));
    this.#freed = true;
  }

  /**
   * The items as bytes in `order` (`ndarray.tobytes()`; `'C'` by default).
   *
   * @example
   * new NDBuffer(new Uint8Array([1, 2, 3, 4]).buffer, { shape: [2, 2] }).toBytes("F"); // [1, 3, 2, 4]
   */
  toBytes(order: "C" | "F" | "A" = "C"): Uint8Array<ArrayBuffer> {
    this.#checkLive();
    return toContiguous(this.#layout.base, order);
  }

  #getbuffer(flags: number): BufferView {
    checkFlags(flags);
    const trusted = this.#verified;
    const base = this.#layout.base;
    // The fast road, small enough for engines to inline: a verified layout still intact,
    // its bytes present, the same request flags as last time. Everything else: #answer.
    if (
      this.#freed ||
      trusted === null ||
      flags !== this.#okFlags ||
      !trusted.intact() ||
      !(trusted.lo < trusted.hi && base.buf + trusted.lo >= 0) ||
      !(base.buf + trusted.hi <= base.memory.byteLength)
    ) {
      return this.#answer(flags);
    }
    this.#exports++;
    // No token object: the record itself ends its export once (ViewRecord.endExport).
    return sealedView(trusted, this, base.memory, base.buf, base.readonly, flags, null, true);
  }

  /** Every request the fast road of #getbuffer leaves: checks, then answers or refuses. */
  #answer(flags: number): BufferView {
    this.#checkLive();
    const layout = this.#layout;
    const base = layout.base;
    let trusted = this.#verified;
    if (trusted !== null && !trusted.intact()) trusted = this.#verified = verified(layout);
    let view: BufferView;
    if (trusted === null) {
      checkReach(base);
      view = answerRequest(layout, flags, this, new ExportToken(this));
    } else {
      const lo = base.buf + trusted.lo;
      const hi = base.buf + trusted.hi;
      if (!(hi > lo && lo >= 0 && hi <= base.memory.byteLength)) checkReach(base);
      // The request a layout last answered needs no second look (one entry: a caller
      // asks with the same flags over and over).
      if (flags !== this.#okFlags) {
        refuseRequest(layout, flags);
        this.#okFlags = flags;
      }
      view = sealedView(trusted, this, base.memory, base.buf, base.readonly, flags, null, true);
    }
    this.#exports++;
    return view;
  }

  #releasebuffer(view: BufferView): void {
    if (ViewRecord.endExport(view, this) || ExportToken.end(view?.internal, this)) {
      this.#exports--;
    }
  }

  #checkLive(): void {
    if (this.#freed) throw new ValueError("operation forbidden on a freed NDBuffer");
  }
}
