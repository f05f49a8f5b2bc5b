/**
 * The object every checked view is: a class whose private state records whether
 * {@link getBuffer} handed it out and whether it has been released. A private field
 * is not copied by `{ ...view }`, so a copy of a live view is never mistaken for it
 * (release happens once), and the check is a brand test instead of a WeakSet lookup
 * (with NDBuffer's export tokens, a getBuffer + releaseBuffer loop over an NDBuffer went
 * from ~1.3 µs to ~0.25 µs on this machine).
 *
 * A record made by `layoutView` also carries the pre-verified layout it was made from
 * and the memory, `buf` and request shape it was made for; {@link ViewRecord.trusted}
 * gives that layout back only while the public fields still say exactly that, so a view
 * changed after it was made goes through the full check like any other.
 */
import { installPrinting } from "@pybuffer/struct/print";
import { describeBufferView } from "./print/view-summary.js";
import type { Abi, BufferView, Memory } from "./view.js";

const FREE = 0;
const LIVE = 1;
const RELEASED = 2;
/** The bits of the export state in `#bits`. */
const STATE = 3;

/** Which fields a request kept (`layoutView`): bit set = the layout's own value. */
export const KEEP_SHAPE = 1;
/** See {@link KEEP_SHAPE}. @example mode & KEEP_STRIDES */
export const KEEP_STRIDES = 2;
/** See {@link KEEP_SHAPE}. @example mode & KEEP_FORMAT */
export const KEEP_FORMAT = 4;
/**
 * Set by a core exporter's own fast road (NDBuffer), which has checked the memory bounds
 * and the request itself: getBuffer hands such a record on without a second look when the
 * method that made it is one it trusts (see `trustGetbuffer`).
 *
 * @example
 * new ViewRecord(obj, memory, buf, …, layout, mode | CHECKED);
 */
export const CHECKED = 8;

/**
 * What `ViewRecord.trusted` compares a record against: the parts of a verified
 * layout a view shows (`VerifiedLayout` implements it).
 *
 * @example
 * const trust: Trust = verifyLayout({ format: "B", itemsize: 1, shape: [4], strides: [1] });
 */
export interface Trust {
  readonly len: number;
  readonly itemsize: number;
  readonly format: string;
  readonly ndim: number;
  readonly shape: number[] | null;
  readonly strides: number[] | null;
  readonly abi: Abi;
  /** Whether `shape` and `strides` still hold the values that were verified. */
  intact(): boolean;
}

/**
 * The fields of a {@link ViewRecord}: exactly those of `BufferView` (declared by this
 * interface, assigned by the constructor).
 *
 * @example
 * const record: ViewRecord = validateView(candidate, "my view");
 * record.shape; // a checked copy
 */
export interface ViewRecord extends BufferView {}

/**
 * A checked `BufferView` with export state.
 *
 * @example
 * ViewRecord.isLive(validateView(fields, "my view")); // false until getBuffer marks it
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the constructor assigns every field the interface declares
export class ViewRecord {
  static {
    // console.log and String() show the layout and first items (print/view-summary.ts).
    installPrinting(ViewRecord.prototype, describeBufferView);
  }

  // Assigned by the constructor, not by field initializers: fewer bytes of bytecode on
  // every request's road (engines inline by bytecode size).
  /** The export state (low 2 bits: FREE, LIVE, RELEASED) and, above, the mode bits. */
  #bits: number;
  #trust: Trust | null;
  #memory: Memory | null;
  #buf: number;
  #owner: object | null;

  /**
   * A record with the given fields. `trust` and `mode`: the verified layout it was made
   * from and the fields the request kept (`layoutView` / `sealedView` only), so that
   * getBuffer can recognise it unchanged ({@link ViewRecord.trusted}).
   */
  constructor(
    obj: object | null,
    memory: Memory,
    buf: number,
    len: number,
    readonly: boolean,
    itemsize: number,
    format: string | null,
    ndim: number,
    shape: number[] | null,
    strides: number[] | null,
    suboffsets: number[] | null,
    abi: Abi,
    internal: unknown,
    trust: Trust | null = null,
    mode = 0,
  ) {
    // Assigned one by one, in one order: every record has the same hidden class.
    this.obj = obj;
    this.memory = memory;
    this.buf = buf;
    this.len = len;
    this.readonly = readonly;
    this.itemsize = itemsize;
    this.format = format;
    this.ndim = ndim;
    this.shape = shape;
    this.strides = strides;
    this.suboffsets = suboffsets;
    this.abi = abi;
    this.internal = internal;
    this.#bits = (mode << 2) | FREE;
    this.#trust = trust;
    this.#owner = obj;
    this.#memory = memory;
    this.#buf = buf;
  }

  /**
   * When `view` is a fresh record made by a core exporter's checked fast road: marks it
   * handed out to `obj` and returns `true` (getBuffer's common road, in one call).
   *
   * @example
   * if (ViewRecord.takeChecked(view, exporter)) return view;
   */
  static takeChecked(view: unknown, obj: object): boolean {
    if (
      typeof view !== "object" ||
      view === null ||
      !(#bits in view) ||
      (view.#bits & (STATE | (CHECKED << 2))) !== ((CHECKED << 2) | FREE)
    ) {
      return false;
    }
    (view as ViewRecord).obj = obj;
    view.#bits = (view.#bits & ~STATE) | LIVE;
    return true;
  }

  /**
   * The verified layout `view` was made from, when it is a fresh record from
   * `layoutView` whose fields still say what they said when it was made; else `null`
   * (the view then gets the full check).
   *
   * @example
   * ViewRecord.trusted(exporter[bf_getbuffer](flags)); // a layout, or null
   */
  static trusted(view: unknown): Trust | null {
    if (typeof view !== "object" || view === null || !(#bits in view)) return null;
    const t = view.#trust;
    if (t === null || (view.#bits & STATE) !== FREE) return null;
    const mode = view.#bits >> 2;
    const shaped = (mode & KEEP_SHAPE) !== 0;
    if (
      view.memory !== view.#memory ||
      view.buf !== view.#buf ||
      view.len !== t.len ||
      view.itemsize !== t.itemsize ||
      view.format !== ((mode & KEEP_FORMAT) !== 0 ? t.format : null) ||
      view.ndim !== (shaped ? t.ndim : 1) ||
      view.shape !== (shaped ? t.shape : null) ||
      view.strides !== ((mode & KEEP_STRIDES) !== 0 ? t.strides : null) ||
      view.suboffsets !== null ||
      view.abi !== t.abi ||
      !t.intact()
    ) {
      return null;
    }
    return t;
  }

  /**
   * Ends the export of a sealed record made for `owner`, once: `true` the first time,
   * `false` after, or for a view that is not one (an exporter's `bf_releasebuffer` uses
   * it instead of a token object per export).
   *
   * @example
   * if (ViewRecord.endExport(view, this)) this.exports--;
   */
  static endExport(view: unknown, owner: object): boolean {
    if (typeof view !== "object" || view === null || !(#owner in view)) return false;
    if (view.#owner !== owner) return false;
    view.#owner = null;
    return true;
  }

  /**
   * Whether `view` is a record of this copy of core (a second copy of the package, as a
   * duplicated install makes, has a ViewRecord class of its own).
   *
   * @example
   * ViewRecord.isRecord(getBuffer(nd, PyBUF_SIMPLE)); // true
   */
  static isRecord(view: unknown): boolean {
    return typeof view === "object" && view !== null && #bits in view;
  }

  /**
   * Whether `view` was handed out by getBuffer and is not released.
   *
   * @example
   * ViewRecord.isLive(getBuffer(nd, PyBUF_SIMPLE)); // true
   */
  static isLive(view: unknown): boolean {
    return (
      typeof view === "object" && view !== null && #bits in view && (view.#bits & STATE) === LIVE
    );
  }

  /**
   * Whether `view` was handed out by getBuffer and released since.
   *
   * @example
   * ViewRecord.isReleased(view); // true after releaseBuffer(view)
   */
  static isReleased(view: unknown): boolean {
    return (
      typeof view === "object" &&
      view !== null &&
      #bits in view &&
      (view.#bits & STATE) === RELEASED
    );
  }

  /**
   * Marks a record as handed out (getBuffer).
   *
   * @example
   * ViewRecord.markLive(record);
   */
  static markLive(view: ViewRecord): void {
    view.#bits = (view.#bits & ~STATE) | LIVE;
  }

  /**
   * Marks a live record as released; `false` when it was not live.
   *
   * @example
   * if (ViewRecord.markReleased(view)) uncount(view.obj);
   */
  static markReleased(view: unknown): boolean {
    // isLive's test written out: one call on releaseBuffer's road, not two.
    if (typeof view !== "object" || view === null || !(#bits in view)) return false;
    if ((view.#bits & STATE) !== LIVE) return false;
    view.#bits = (view.#bits & ~STATE) | RELEASED;
    return true;
  }
}
