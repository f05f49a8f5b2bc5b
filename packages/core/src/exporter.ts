/**
 * The exporter protocol (DESIGN.md): an exporter is any object with a method under
 * `Symbol.for("pybuffer.bf_getbuffer")` that takes `PyBUF_*` flags and returns a
 * {@link BufferView} (or throws `BufferError`), and optionally one under
 * `Symbol.for("pybuffer.bf_releasebuffer")` that takes the view back. Consumers go
 * through {@link getBuffer} / {@link releaseBuffer} (`PyObject_GetBuffer` /
 * `PyBuffer_Release`), which validate the view, set `obj` and count exports.
 */
import { BufferError } from "@pybuffer/struct";
import { installPrinting } from "@pybuffer/struct/print";
import { isCContiguousLayout, isFContiguousLayout } from "./contiguity.js";
import {
  PyBUF_ANY_CONTIGUOUS,
  PyBUF_C_CONTIGUOUS,
  PyBUF_F_CONTIGUOUS,
  PyBUF_STRIDES,
} from "./flags.js";
import { checkRange } from "./memory.js";
import { describeExporter } from "./print/view-summary.js";
import {
  checkFlags,
  reqFContiguous,
  reqIndirect,
  reqShape,
  reqStrides,
  reqWritable,
  unmetContiguity,
} from "./request.js";
import { pythonTypeName } from "./type-name.js";
import { VerifiedLayout } from "./verified-layout.js";
import { validateView } from "./verify.js";
import type { BufferView } from "./view.js";
import { ViewRecord } from "./view-record.js";

/**
 * Key of an exporter's `getbufferproc` (`tp_as_buffer->bf_getbuffer`).
 *
 * @example
 * const exporter = { [bf_getbuffer]: (flags: number) => fillInfo(null, memory, 0, 4, true, flags) };
 */
export const bf_getbuffer: unique symbol = Symbol.for("pybuffer.bf_getbuffer") as never;
/**
 * Key of an exporter's optional `releasebufferproc` (`tp_as_buffer->bf_releasebuffer`).
 *
 * @example
 * const exporter = { [bf_getbuffer]: getbuf, [bf_releasebuffer]: (view: BufferView) => unpin(view) };
 */
export const bf_releasebuffer: unique symbol = Symbol.for("pybuffer.bf_releasebuffer") as never;

/**
 * An object that exports buffers: the JavaScript form of `PyBufferProcs`.
 *
 * @example
 * const bytes: Exporter = {
 *   [bf_getbuffer](flags: number): BufferView {
 *     return fillInfo(this, memory, 0, memory.byteLength, true, flags);
 *   },
 * };
 */
export interface Exporter {
  /** Fills a view for the request `flags` or throws `BufferError`. */
  [bf_getbuffer](flags: number): BufferView;
  /** Called once per released view (optional). */
  [bf_releasebuffer]?(view: BufferView): void;
}

/** Exports handed out by getBuffer and not yet released, per exporter. */
const exportCounts = new WeakMap<object, number>();

/**
 * Where an {@link Exportable} keeps its count: a symbol only this module holds. Not a
 * private field: Node 20 builds an instance of a class derived from a base with fields
 * ~10 ns slower than one whose base assigns in its constructor (an adapter is made per
 * request, so that was 10 of the wrap's ~65 ns).
 */
const EXPORTS: unique symbol = Symbol("pybuffer: exports counted by getBuffer");

/** An object as getBuffer counts it: an Exportable holds a number under EXPORTS. */
type Counted = { [EXPORTS]?: unknown };

/**
 * A base class for exporters that lets getBuffer count their exports on the object
 * instead of in a WeakMap (for a fresh exporter per request, as the adapters' wrap +
 * getBuffer + release, the WeakMap insert and delete cost ~150 ns of ~450). Only core
 * holds the key of the count. Any exporter works without it.
 *
 * @example
 * class Bytes extends Exportable {
 *   [bf_getbuffer](flags: number) { return fillInfo(this, memory, 0, 4, true, flags); }
 * }
 */
export class Exportable {
  static {
    // console.log and String() show the layout and first items (print/view-summary.ts).
    installPrinting(Exportable.prototype, describeExporter);
  }

  constructor() {
    (this as { [EXPORTS]?: number })[EXPORTS] = 0;
  }

  /** @internal Adds `delta` to `obj`'s count if it is an Exportable; `false` if not. */
  static _count(obj: object, delta: number): boolean {
    const count = (obj as { [EXPORTS]?: unknown })[EXPORTS];
    if (typeof count !== "number") return false;
    (obj as { [EXPORTS]: number })[EXPORTS] = count + delta;
    return true;
  }

  /** @internal `obj`'s count, or -1 when it is not an Exportable. */
  static _get(obj: object): number {
    const count = (obj as { [EXPORTS]?: unknown })[EXPORTS];
    return typeof count === "number" ? count : -1;
  }
}

/**
 * `PyObject_CheckBuffer`: whether `obj` is an exporter (has a `bf_getbuffer`
 * method). Never throws; `true` does not promise that {@link getBuffer} succeeds.
 *
 * @example
 * checkBuffer(new NDBuffer([1, 2], { shape: [2] })); // true
 * checkBuffer("abc"); // false
 */
export function checkBuffer(obj: unknown): obj is Exporter {
  return (
    (typeof obj === "object" || typeof obj === "function") &&
    obj !== null &&
    typeof (obj as Partial<Exporter>)[bf_getbuffer] === "function"
  );
}

/** The bits that ask for some contiguity (C, Fortran or either). */
const CONTIGUITY =
  (PyBUF_C_CONTIGUOUS | PyBUF_F_CONTIGUOUS | PyBUF_ANY_CONTIGUOUS) & ~PyBUF_STRIDES;

/**
 * Why a validated view does not answer `flags`, or `null` when it does. `c` and `f`: its
 * C and Fortran contiguity when known (a verified layout's), else found when asked.
 */
function unmetRequest(view: BufferView, flags: number, c?: boolean, f?: boolean): string | null {
  if (reqWritable(flags) && view.readonly) return "a read-only view for a writable request";
  if (view.ndim > 0) {
    if (reqShape(flags) && view.shape === null) return "no shape for a PyBUF_ND request";
    if (reqStrides(flags) && view.strides === null) return "no strides for a PyBUF_STRIDES request";
  }
  if (!reqIndirect(flags) && view.suboffsets !== null) {
    return "suboffsets for a request without PyBUF_INDIRECT";
  }
  // Suboffsets (here only with PyBUF_INDIRECT, which includes PyBUF_STRIDES) make a view
  // neither; else the strides decide. Not isContiguous(): a redirected view is not checked
  // again, and a field its exporter changed since must not turn into isContiguous's error.
  // Each walked only when the request asks.
  const direct = view.suboffsets === null;
  const strided = reqStrides(flags);
  if (strided && (flags & CONTIGUITY) === 0) return null;
  c ??= direct && isCContiguousLayout(view);
  if (!strided && !c) return "a non-C-contiguous view for a request without PyBUF_STRIDES";
  f ??= (reqFContiguous(flags) || !c) && direct && isFContiguousLayout(view);
  const unmet = unmetContiguity(flags, c, f);
  return unmet === null ? null : `a view that is not ${unmet}`;
}

/**
 * `PyObject_GetBuffer(obj, view, flags)`: asks `obj` for a view answering `flags`,
 * checks it (consistent fields, layout inside memory, request met), sets
 * `view.obj = obj` and counts the export. Pair every call with one
 * {@link releaseBuffer}.
 *
 * An exporter may also redirect: forward the request to another exporter with
 * `getBuffer` and return that view; it is handed on unchanged (`obj` stays the root,
 * as CPython's redirect chains do).
 *
 * Errors: `TypeError("a bytes-like object is required, not 'str'")` for a
 * non-exporter; the exporter's own `BufferError` when it refuses; `BufferError` when
 * the view it returned is inconsistent or does not meet the request.
 *
 * @example
 * const nd = new NDBuffer([1, 2, 3], { shape: [3], format: "B" });
 * const view = getBuffer(nd, PyBUF_FULL_RO);
 * view.shape; // [3]
 * releaseBuffer(view);
 */
export function getBuffer(obj: unknown, flags: number): BufferView {
  // The common road is written out here rather than in helpers. An optimizing compiler
  // inlines a limited amount of bytecode into a caller (V8: ~920 bytes), and each helper
  // it stops short of is a call of its own (bench slice-release, in one process running
  // every case: fromTypedArray ~20% and memoryview up to ~10% faster than with six helpers).
  checkFlags(flags);
  let method =
    typeof obj === "object" && obj !== null ? (obj as Partial<Exporter>)[bf_getbuffer] : undefined;
  // Read once: a getter could show a trusted method to the test below and have another called.
  if (typeof method !== "function") method = otherMethodOf(obj);
  const returned = method.call(obj, flags);
  let trusted = false;
  for (let i = 0; i < trustedMethods.length; i++) if (trustedMethods[i] === method) trusted = true;
  if (trusted && ViewRecord.takeChecked(returned, obj as object)) {
    // Core's own exporter made it on a road that checked bounds and request itself.
    const count = (obj as Counted)[EXPORTS];
    if (typeof count === "number") (obj as Counted)[EXPORTS] = count + 1;
    else countExport(obj as object);
    return returned as BufferView;
  }
  return sealedOrOther(obj as Exporter, returned, flags);
}

type Getbuffer = (flags: number) => BufferView;

/** `obj`'s bf_getbuffer when `obj` is a function (an exporter may be one); else TypeError. */
function otherMethodOf(obj: unknown): Getbuffer {
  if (checkBuffer(obj)) {
    const method = obj[bf_getbuffer];
    if (typeof method === "function") return method;
  }
  throw notAnExporter(obj);
}

/**
 * A view that is not a fresh checked one: a fresh, unchanged view from `layoutView` over
 * a verified layout, or anything else (full check).
 */
function sealedOrOther(obj: Exporter, returned: unknown, flags: number): BufferView {
  const layout = ViewRecord.trusted(returned) as VerifiedLayout | null;
  if (layout === null) return untrusted(obj, returned, flags);
  const view = returned as ViewRecord;
  // Left to check is what can change between requests (the memory's length, a detached
  // buffer) and the request, both O(1); the request's shape, strides and contiguity
  // demands depend on the layout and the flags only, so once met they are met again.
  const lo = view.buf + layout.lo;
  const hi = view.buf + layout.hi;
  if (
    !(hi > lo && lo >= 0 && hi <= view.memory.byteLength) ||
    (reqWritable(flags) && view.readonly) ||
    !VerifiedLayout._meets(layout, flags)
  ) {
    refuseOrMeet(obj, view, layout, flags);
  }
  return handOut(obj, view);
}

function handOut(obj: object, view: ViewRecord): ViewRecord {
  view.obj = obj;
  ViewRecord.markLive(view);
  if (!Exportable._count(obj, 1)) countExport(obj);
  return view;
}

/**
 * The methods trustGetbuffer marked, compared by identity: a mark on the function itself
 * could be faked by a Proxy whose `get` answers `true` for any key.
 */
const trustedMethods: Getbuffer[] = [];

/**
 * @internal Marks `method` as a `bf_getbuffer` of core's own whose records, when marked
 * checked (`sealedView(…, true)`), need no second look from getBuffer: the method has
 * checked the memory bounds and the request: NDBuffer's and LayoutExporter's. A subclass that
 * overrides the method gets its own function, unmarked, so its views get every check.
 */
export function trustGetbuffer(method: (flags: number) => BufferView): void {
  if (!trustedMethods.includes(method)) trustedMethods.push(method);
  // Frozen, so that no own `call` can stand in for Function.prototype.call on it.
  Object.freeze(method);
}

/** getBuffer's error for an exporter whose view is `what`. */
function returnedError(obj: object, what: string): BufferError {
  return new BufferError(`bf_getbuffer of '${pythonTypeName(obj)}' returned ${what}`);
}

function notAnExporter(obj: unknown): TypeError {
  return new TypeError(`a bytes-like object is required, not '${pythonTypeName(obj)}'`);
}

function countExport(obj: object): void {
  exportCounts.set(obj, (exportCounts.get(obj) ?? 0) + 1);
}

/**
 * The slow part of the fast road: throws (after giving the view back to its exporter)
 * when the memory is too short or the request is not met; otherwise records the flags
 * as met for the layout.
 */
function refuseOrMeet(obj: object, view: ViewRecord, layout: VerifiedLayout, flags: number): void {
  try {
    const lo = view.buf + layout.lo;
    checkRange(view.memory, lo, view.buf + layout.hi);
    const unmet = unmetRequest(view, flags, layout.c, view.shape === null || layout.f);
    if (unmet !== null) throw returnedError(obj, unmet);
  } catch (error) {
    releaseRefused(obj, view);
    throw error;
  }
  VerifiedLayout._met(layout, flags);
}

/** A view that is not a fresh sealed one: a redirect, or anything else (full check). */
function untrusted(obj: Exporter, returned: unknown, flags: number): BufferView {
  if (ViewRecord.isLive(returned)) return redirected(obj, returned as BufferView, flags);
  const context = (): string => `bf_getbuffer of '${pythonTypeName(obj)}' returned an invalid view`;
  let view: ViewRecord;
  try {
    view = validateView(returned, context);
    const unmet = unmetRequest(view, flags);
    if (unmet !== null) throw returnedError(obj, unmet);
  } catch (error) {
    // The exporter counted an export it will never see released otherwise.
    if (typeof returned === "object" && returned !== null)
      releaseRefused(obj, returned as BufferView);
    throw error;
  }
  return handOut(obj, view);
}

/**
 * A redirect (typeobj.rst): the exporter forwarded the request with getBuffer and
 * returned that live view, whose `obj` is the root exporter. It is passed on as it
 * is, so releasing it releases the root's export.
 */
function redirected(obj: object, view: BufferView, flags: number): BufferView {
  const unmet = unmetRequest(view, flags);
  if (unmet !== null) {
    releaseBuffer(view);
    throw returnedError(obj, unmet);
  }
  return view;
}

function releaseHook(obj: object, view: BufferView): void {
  const hook = (obj as Partial<Exporter>)[bf_releasebuffer];
  if (typeof hook === "function") hook.call(obj, view);
}

/** The release hook for a view that was refused: its own errors must not hide ours. */
function releaseRefused(obj: object, view: BufferView): void {
  try {
    releaseHook(obj, view);
  } catch {
    // The refusal is the error to report.
  }
}

/**
 * `PyBuffer_Release(view)`: gives a view back. Calls the exporter's
 * `bf_releasebuffer` hook (once), uncounts the export and sets `view.obj = null`. A
 * view whose `obj` is already `null` (released before, or never owned) is left
 * alone, so a second release is harmless.
 *
 * @example
 * const view = getBuffer(nd, PyBUF_SIMPLE);
 * releaseBuffer(view);
 * releaseBuffer(view); // no effect
 */
export function releaseBuffer(view: BufferView): void {
  if (typeof view !== "object" || view === null) throw notAView(view);
  const obj = view.obj;
  if (obj === null || obj === undefined) return;
  view.obj = null;
  if (ViewRecord.markReleased(view)) {
    // As in getBuffer, written out: no helper call on the common road.
    const count = (obj as Counted)[EXPORTS];
    if (typeof count === "number") (obj as Counted)[EXPORTS] = count - 1;
    else uncountExport(obj);
  }
  releaseHook(obj, view);
}

function notAView(view: unknown): TypeError {
  return new TypeError(
    `releaseBuffer() argument must be a buffer view, not '${pythonTypeName(view)}'`,
  );
}

function uncountExport(obj: object): void {
  const count = exportCounts.get(obj) ?? 0;
  if (count <= 1) exportCounts.delete(obj);
  else exportCounts.set(obj, count - 1);
}

/**
 * How many views {@link getBuffer} has handed out for `obj` that are not released
 * yet (what `memoryview`'s and `bytearray`'s `exports` count).
 *
 * @example
 * const view = getBuffer(nd, PyBUF_SIMPLE);
 * exportCount(nd); // 1
 * releaseBuffer(view);
 * exportCount(nd); // 0
 */
export function exportCount(obj: object): number {
  if (typeof obj !== "object" && typeof obj !== "function") return 0;
  const own = obj === null ? -1 : Exportable._get(obj);
  return own >= 0 ? own : (exportCounts.get(obj) ?? 0);
}

/**
 * Whether `view` came from {@link getBuffer} and has been released since; every
 * operation refuses such a view (its memory may be gone).
 *
 * @example
 * releaseBuffer(view);
 * isReleased(view); // true
 */
export function isReleased(view: BufferView): boolean {
  return ViewRecord.isReleased(view);
}
