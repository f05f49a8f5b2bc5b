/**
 * An exporter of one verified layout placed at a byte of a memory: the base of the
 * adapters (a TypedArray, a DataView, an ArrayBuffer, a Node Buffer wrapped per request).
 * Its `bf_getbuffer` is core's own: it checks at each request that the layout's bytes are
 * still inside the memory (JavaScript lets anyone shrink or detach an ArrayBuffer) and
 * that the layout meets the request, then hands out a view getBuffer takes without a
 * second look, as NDBuffer's.
 *
 * Its state lives under keys only this module holds (see `State` below).
 */
import { BufferError } from "@pybuffer/struct";
import { bf_getbuffer, bf_releasebuffer, Exportable, trustGetbuffer } from "./exporter.js";
import { isDetached, isMemory } from "./memory.js";
import {
  checkFlags,
  reqAnyContiguous,
  reqCContiguous,
  reqFContiguous,
  reqStrides,
  reqWritable,
} from "./request.js";
import { pythonTypeName } from "./type-name.js";
import { sealedView, VerifiedLayout } from "./verified-layout.js";
import type { BufferView, Memory } from "./view.js";
import { ViewRecord } from "./view-record.js";

// The exporter's state, under keys only this module holds. Not private fields: Node 20
// builds an instance of a class derived from a base with fields ~10 ns slower, and the
// adapters' subclasses are made per request. Not trusted either: the request road checks
// each value's type again (a few compares), so state changed by reflection can only make
// a request fail, never hand out a view getBuffer has not checked.
const MEMORY: unique symbol = Symbol("pybuffer: LayoutExporter memory");
const BUF: unique symbol = Symbol("pybuffer: LayoutExporter buf");
const LAYOUT: unique symbol = Symbol("pybuffer: LayoutExporter layout");
const READONLY: unique symbol = Symbol("pybuffer: LayoutExporter readonly");
const NAME: unique symbol = Symbol("pybuffer: LayoutExporter name");
const EXPORTS: unique symbol = Symbol("pybuffer: LayoutExporter exports");
const MOVES: unique symbol = Symbol("pybuffer: LayoutExporter calls update()");

interface State {
  [MEMORY]: unknown;
  [BUF]: unknown;
  [LAYOUT]: unknown;
  [READONLY]: unknown;
  [NAME]: unknown;
  [EXPORTS]: unknown;
  [MOVES]: unknown;
}

/**
 * The view for `flags`, checked here in full: getBuffer hands it on as it is. Each value
 * of the state is read once, and the values checked are the values used (a Proxy standing
 * in for the exporter could answer differently at a second read).
 */
function exportFrom(owner: LayoutExporter, flags: number): BufferView {
  const state = owner as unknown as State;
  const memory = state[MEMORY];
  const buf = state[BUF];
  let layout = state[LAYOUT];
  let readonly = state[READONLY];
  // The fast road, small enough for engines to inline: state of the right types, a
  // request that passed over this layout before (the layout keeps the flags: a wrap per
  // request shares one), a layout still intact, its bytes present. Else: answer().
  if (
    !(memory instanceof ArrayBuffer) ||
    !VerifiedLayout._is(layout) ||
    !Number.isSafeInteger(buf) ||
    typeof readonly !== "boolean" ||
    !VerifiedLayout._meets(layout, flags) ||
    (reqWritable(flags) && readonly) ||
    !layout.intact() ||
    !(layout.lo < layout.hi && (buf as number) + layout.lo >= 0) ||
    !((buf as number) + layout.hi <= memory.byteLength)
  ) {
    layout = answer(state, memory, buf, layout, readonly, flags);
    readonly = readonly !== false;
  }
  countExport(state, 1);
  return sealedView(
    layout as VerifiedLayout,
    owner,
    memory as Memory,
    buf as number,
    readonly as boolean,
    flags,
    null,
    true,
  );
}

function countExport(state: State, delta: number): void {
  const count = state[EXPORTS];
  state[EXPORTS] = typeof count === "number" ? count + delta : Math.max(delta, 0);
}

/**
 * A record of ours ends its export once (endExport). A view from another copy of core (a
 * duplicated install copies the record it is given) cannot be told apart from the
 * record it copied: it ends one export, while there is one.
 */
function releaseForeign(state: State, view: unknown): void {
  const count = state[EXPORTS];
  if (!ViewRecord.isRecord(view) && typeof count === "number" && count > 0) {
    countExport(state, -1);
  }
}

/**
 * Every check of the fast road on the values it read, with its error; records `flags`
 * as met once they pass and returns the layout to export (a read-only flag that is not a
 * boolean, changed by reflection, reads as read-only).
 */
function answer(
  state: State,
  memory: unknown,
  buf: unknown,
  layout: unknown,
  readonly: unknown,
  flags: number,
): VerifiedLayout {
  checkFlags(flags);
  const named = state[NAME];
  const name = typeof named === "string" ? named : "LayoutExporter";
  checkPlacement(memory, buf, layout, name);
  // A consumer wrote into the shared shape or strides: export the verified values again.
  const pristine = VerifiedLayout._pristine(layout as VerifiedLayout);
  if (pristine !== layout) state[LAYOUT] = pristine;
  const lo = (buf as number) + pristine.lo;
  const hi = (buf as number) + pristine.hi;
  if (isDetached(memory as Memory)) {
    throw new BufferError(`${name}: the underlying ArrayBuffer is detached`);
  }
  const size = (memory as Memory).byteLength;
  if (hi > size) {
    throw new BufferError(
      `${name}: the underlying buffer was shrunk to ${size} bytes, but the view needs bytes ${lo} to ${hi}`,
    );
  }
  if (reqWritable(flags) && readonly !== false) throw new BufferError("Object is not writable.");
  const { c, f } = pristine;
  const refused = (demand: string): BufferError =>
    new BufferError(`${name}: underlying buffer is not ${demand}`);
  if (!reqStrides(flags) && !c) throw refused("C-contiguous");
  if (reqCContiguous(flags) && !c) throw refused("C-contiguous");
  if (reqFContiguous(flags) && !f) throw refused("Fortran contiguous");
  if (reqAnyContiguous(flags) && !c && !f) throw refused("contiguous");
  VerifiedLayout._met(pristine, flags);
  return pristine;
}

/** The constructor's checks: a quick test that engines inline, the messages apart. */
function checkPlacement(memory: unknown, buf: unknown, layout: unknown, what: string): void {
  if (
    memory instanceof ArrayBuffer &&
    typeof buf === "number" &&
    buf >= 0 &&
    Number.isSafeInteger(buf) &&
    VerifiedLayout._is(layout) &&
    buf + layout.lo >= 0
  ) {
    return;
  }
  placementError(memory, buf, layout, what);
}

function placementError(memory: unknown, buf: unknown, layout: unknown, what: string): void {
  if (!isMemory(memory)) {
    throw new TypeError(
      `${what} memory must be an ArrayBuffer or SharedArrayBuffer, not '${pythonTypeName(memory)}'`,
    );
  }
  if (!Number.isSafeInteger(buf) || (buf as number) < 0) {
    throw new TypeError(`${what} buf must be a non-negative integer`);
  }
  if (!VerifiedLayout._is(layout)) {
    throw new TypeError(`${what} layout must come from verifyLayout()`);
  }
  if ((buf as number) + layout.lo < 0) {
    throw new BufferError(`${what}: the layout reaches ${-layout.lo} bytes before buf ${buf}`);
  }
}

/**
 * An exporter of the verified `layout` whose first item is byte `buf` of `memory`:
 * `PyBuffer_FillInfo` generalised to any format, shape and strides. Each request checks
 * that the layout's bytes lie inside the memory as it is then, and answers the request
 * flags as CPython's exporters do (`format` only with `PyBUF_FORMAT`, `shape` only with
 * `PyBUF_ND`, `strides` only with `PyBUF_STRIDES`), or throws `BufferError`: `Object is not
 * writable.`, `<name>: underlying buffer is not C-contiguous` (or `Fortran contiguous`,
 * `contiguous`), `<name>: the underlying ArrayBuffer is detached`, `<name>: the underlying
 * buffer was shrunk to N bytes, but the view needs bytes LO to HI`. getBuffer takes its
 * views without a second look. `name` names the exporter in messages.
 *
 * A subclass whose memory can move (a `WebAssembly.Memory` that grows, a buffer that is
 * resized) passes `moves: true` and overrides {@link LayoutExporter.update}, which every
 * request then calls first, and moves the export there with {@link LayoutExporter.relocate}.
 * (Only then: a call per request through a method that subclasses override cost ~12 ns of
 * a wrap + getBuffer + release, bench slice-release.)
 *
 * @example
 * const layout = verifyLayout({ format: "<i", itemsize: 4, shape: [2, 2] });
 * const exporter = new LayoutExporter(new ArrayBuffer(20), 4, layout, false, "ints");
 * const view = getBuffer(exporter, PyBUF_FULL_RO);
 * view.strides; // [8, 4]
 * releaseBuffer(view);
 */
// Symbol-keyed methods are declared here and installed by the static block below:
// isolatedDeclarations cannot emit computed method names of a class.
export interface LayoutExporter {
  /** `bf_getbuffer`: a view for `flags`, or `BufferError`. */
  [bf_getbuffer](flags: number): BufferView;
  /** `bf_releasebuffer`: ends the export of a view this exporter made. */
  [bf_releasebuffer](view: BufferView): void;
}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the static block installs the symbol methods
export class LayoutExporter extends Exportable {
  static {
    Object.defineProperties(LayoutExporter.prototype, {
      [bf_getbuffer]: {
        value(this: LayoutExporter, flags: number): BufferView {
          if ((this as unknown as State)[MOVES] === true) this.update();
          return exportFrom(this, flags);
        },
        writable: true,
        configurable: true,
      },
      [bf_releasebuffer]: {
        value(this: LayoutExporter, view: BufferView): void {
          if (ViewRecord.endExport(view, this)) countExport(this as unknown as State, -1);
          else releaseForeign(this as unknown as State, view);
        },
        writable: true,
        configurable: true,
      },
    });
    trustGetbuffer(LayoutExporter.prototype[bf_getbuffer]);
  }

  constructor(
    memory: Memory,
    buf: number,
    layout: VerifiedLayout,
    readonly: boolean,
    name: string,
    moves = false,
  ) {
    checkPlacement(memory, buf, layout, "LayoutExporter()");
    if (typeof name !== "string") {
      throw new TypeError(`LayoutExporter() name must be a string, not '${pythonTypeName(name)}'`);
    }
    super();
    const state = this as unknown as State;
    state[MEMORY] = memory;
    state[BUF] = buf;
    state[LAYOUT] = layout;
    state[READONLY] = readonly === true;
    state[NAME] = name;
    state[EXPORTS] = 0;
    state[MOVES] = moves === true;
  }

  /**
   * Views handed out by this exporter's `bf_getbuffer` and not given back yet
   * (bytearray's `ob_exports`).
   *
   * @example
   * exporter.exports; // 0
   */
  get exports(): number {
    const count = (this as unknown as State)[EXPORTS];
    return typeof count === "number" ? count : 0;
  }

  /**
   * Called first by every request of an exporter made with `moves: true`. The base does
   * nothing; a subclass whose memory can move (or change length) calls
   * {@link LayoutExporter.relocate} here.
   *
   * @example
   * class Growing extends LayoutExporter {
   *   override update() { if (this.memoryNow() !== this.exportedMemory()) this.relocate(…); }
   * }
   */
  protected update(): void {}

  /**
   * Moves the export to byte `buf` of `memory` with `layout` (checked as the
   * constructor checks them). Views already handed out keep what they had.
   *
   * @example
   * this.relocate(wasmMemory.buffer, 0, verifyLayout({ format: "B", itemsize: 1, shape: [n] }));
   */
  protected relocate(memory: Memory, buf: number, layout: VerifiedLayout): void {
    checkPlacement(memory, buf, layout, "relocate()");
    const state = this as unknown as State;
    state[MEMORY] = memory;
    state[BUF] = buf;
    state[LAYOUT] = layout;
  }

  /**
   * The memory the exporter's items lie in now (as of the last request or relocation).
   *
   * @example
   * exporter.exportedMemory().byteLength;
   */
  protected exportedMemory(): Memory {
    return (this as unknown as State)[MEMORY] as Memory;
  }
}
