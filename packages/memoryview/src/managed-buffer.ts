/**
 * The managed buffer (`_PyManagedBufferObject`): one master view taken from the exporter
 * once, shared by every memoryview derived from it (slices, casts, `memoryview(m)`,
 * `toReadOnly()`). Each memoryview registers on it; the master is given back to the
 * exporter (`releaseBuffer`) when the last registered view is released.
 *
 * Ownership rules, as in CPython: the master's fields are never written; every
 * memoryview owns private copies of shape, strides and suboffsets.
 */
import { type BufferView, releaseBuffer } from "@pybuffer/core";

/**
 * One export of an object, shared by the memoryviews made from it.
 *
 * @example
 * const mbuf = new ManagedBuffer(getBuffer(nd, PyBUF_FULL_RO), true);
 */
export class ManagedBuffer {
  // `declare`: assigned by the constructor only, without class-field definitions first.
  /** The exporter's view, read-only for everyone. */
  declare readonly master: BufferView;
  /** The exporter (`master.obj` at creation), or `null` for views over bare memory. */
  declare readonly obj: object | null;
  /** How many memoryviews are registered (CPython's `mbuf->exports`). */
  declare exports: number;
  /** Whether the master has been given back. */
  declare released: boolean;
  /** Whether the master came from `getBuffer` and must go back through `releaseBuffer`. */
  declare private readonly owned: boolean;
  /** A DataView over the whole memory, made on first use. */
  declare private dataView: DataView | null;

  constructor(master: BufferView, owned: boolean) {
    this.master = master;
    this.obj = master.obj;
    this.exports = 0;
    this.released = false;
    this.owned = owned;
    this.dataView = null;
  }

  /**
   * A DataView over all of the memory. The caller has checked that the bytes it reads
   * exist (a detached buffer has none).
   *
   * @example
   * mbuf.dv().getUint8(0);
   */
  dv(): DataView {
    // Without a length, a DataView over a resizable or growable buffer tracks its length.
    if (this.dataView === null) this.dataView = new DataView(this.master.memory);
    return this.dataView;
  }

  /**
   * `mbuf_release` when the last registered view goes: gives the master back.
   *
   * @example
   * mbuf.unregister();
   */
  unregister(): void {
    if (--this.exports === 0 && !this.released) {
      this.released = true;
      if (this.owned) releaseBuffer(this.master);
    }
  }
}
