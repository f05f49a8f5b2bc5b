/**
 * One Python export as this package holds it: where its items lie on the Pyodide heap
 * and in what layout, how many of our views use it, and how to give it back to Python.
 * Read from Pyodide's `PyBufferView`, whose `offset` and `strides` count elements of the
 * TypedArray it chose (bytes for `'u8'`), or from a `PyBUF_FULL_RO` export made through
 * ctypes (the road for suboffsets, which `getBuffer` refuses).
 */
import { type Memory, type VerifiedLayout, verifyLayout } from "@pybuffer/core";
import { BufferError } from "@pybuffer/struct";
import type { PyBufferViewLike } from "./types.js";

/** What a view of one export needs beyond its memory: its fields as CPython reports them. */
export interface HeldLayout {
  /** The verified layout, or `null` for one with suboffsets (checked in full by getBuffer). */
  readonly verified: VerifiedLayout | null;
  readonly format: string;
  readonly itemsize: number;
  readonly len: number;
  readonly shape: number[];
  readonly strides: number[];
  readonly suboffsets: number[] | null;
}

/** A Python export to give back: a PyBufferView, or the ctypes road's export. */
export interface Releasable {
  release(): void;
}

export class Hold {
  /** The heap as of the last request (replaced when the heap grows). */
  memory: Memory;
  /** Byte address of the logical first item on the heap. */
  readonly address: number;
  readonly readonly: boolean;
  readonly layout: HeldLayout;
  /** Our views of this export not yet released. */
  count = 0;
  /**
   * What gives the Python export back (our own PyBufferView, or a ctypes export); `null`:
   * not ours to give, the caller's PyBufferView.
   */
  readonly #export: Releasable | null;

  constructor(
    memory: Memory,
    address: number,
    readonly: boolean,
    layout: HeldLayout,
    release: Releasable | null,
  ) {
    this.memory = memory;
    this.address = address;
    this.readonly = readonly;
    this.layout = layout;
    this.#export = release;
  }

  /** Whether releasing our last view gives the export back to Python. */
  get owned(): boolean {
    return this.#export !== null;
  }

  /** Gives the export back to Python (once). */
  drop(): void {
    this.#export?.release();
  }
}

// The last layout verified, reused while exports keep the same one (a re-wrap per request).
let lastLayout: HeldLayout | null = null;

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The held layout of an export with these fields (wasm32 ABI); `BufferError` when the
 * format does not describe items of `itemsize` bytes.
 */
export function heldLayout(
  format: string,
  itemsize: number,
  shape: readonly number[],
  strides: readonly number[],
  suboffsets: readonly number[] | null,
): HeldLayout {
  const last = lastLayout;
  if (
    suboffsets === null &&
    last !== null &&
    last.suboffsets === null &&
    last.format === format &&
    last.itemsize === itemsize &&
    sameNumbers(last.shape, shape) &&
    sameNumbers(last.strides, strides)
  ) {
    return last;
  }
  let len = itemsize;
  for (const n of shape) len *= n;
  const verified =
    suboffsets === null
      ? verifyLayout({ format, itemsize, shape, strides, abi: "wasm32" }, "fromPyodide")
      : null;
  if (suboffsets !== null) {
    // The full check happens in getBuffer; the format is checked here all the same.
    verifyLayout({ format, itemsize, shape: [], abi: "wasm32" }, "fromPyodide");
  }
  const layout: HeldLayout = {
    verified,
    format,
    itemsize,
    len,
    shape: shape.slice(),
    strides: strides.slice(),
    suboffsets: suboffsets === null ? null : suboffsets.slice(),
  };
  if (suboffsets === null) lastLayout = layout;
  return layout;
}

/** The element size of a PyBufferView's `data` (1 for a DataView). */
function elementSize(data: ArrayBufferView): number {
  const size = (data as { BYTES_PER_ELEMENT?: unknown }).BYTES_PER_ELEMENT;
  return typeof size === "number" ? size : 1;
}

/** A PyBufferView's `data`; `BufferError` once the view was released. */
export function dataOf(pb: PyBufferViewLike): ArrayBufferView {
  const data = pb.data;
  if (!ArrayBuffer.isView(data)) {
    throw new BufferError("fromPyodide: the PyBufferView was released");
  }
  return data;
}

/** The error for a PyBufferView whose heap grew, when the new heap cannot be found. */
export function detachedViewError(): BufferError {
  return new BufferError(
    "fromPyodide: the PyBufferView's data is detached (the Pyodide heap grew): make a new one, pass the PyProxy, or pass { pyodide }",
  );
}

/**
 * The export of a PyBufferView (from `proxy.getBuffer('u8')`, or any type) as a hold that
 * releases it when `owned`: the byte address of item 0 and byte strides (Pyodide's
 * `offset` and `strides` count elements of `data`), over `data`'s memory. `BufferError`
 * when it was released or its heap is detached.
 */
export function holdOf(pb: PyBufferViewLike, owned: boolean): Hold {
  const data = dataOf(pb);
  const size = elementSize(data);
  const memory = data.buffer as Memory;
  if (memory.byteLength === 0 && pb.nbytes !== 0) throw detachedViewError();
  // Pyodide's own views have both; anything else is refused here, not by the engine.
  if (!Array.isArray(pb.shape) || !Array.isArray(pb.strides)) {
    throw new BufferError("fromPyodide: the PyBufferView's shape and strides must be arrays");
  }
  const strides = size === 1 ? pb.strides : pb.strides.map((s) => s * size);
  const format = typeof pb.format === "string" && pb.format !== "" ? pb.format : "B";
  return new Hold(
    memory,
    data.byteOffset + pb.offset * size,
    pb.readonly === true || pb.readonly === 1,
    heldLayout(format, pb.itemsize, pb.shape, strides, null),
    owned ? pb : null,
  );
}
