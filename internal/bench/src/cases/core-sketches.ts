/**
 * Sketches for sections `slice-release` and `cast`: the least a checked implementation does over
 * core's protocol, written as plainly as possible. They are not our packages' code. They
 * show which part of a row's time is the protocol itself (`getBuffer` + `releaseBuffer` of
 * a verified export), and so whether a target for the row can be reached by making our
 * packages leaner, or not at all over this protocol on this machine.
 *
 * - The memoryview sketch: one object per view (no managed-buffer object, no layout
 *   object, a 1-D slice kept as three numbers), a released flag, an export count, slice
 *   bounds clamped as `PySlice_AdjustIndices` does for a step of 1, and the master export
 *   given back when the last view goes. A second one keeps, as CPython's memoryview and
 *   ours do, a layout object (with its shape and strides arrays) per view: the gap
 *   between the two is the cost of that object model, not of our checks.
 * - The wrap sketch: the TypedArray's kind through the platform's tag getter, the options
 *   read once and checked, the region read through the platform's getters and checked to
 *   hold the export, a verified layout kept for the last length, core's `LayoutExporter`.
 *   Twice more: over `b.subarray(10, 20)` of a Node Buffer (what the `fromNodeBuffer` row
 *   pays in Node's own `subarray`), and, in section `cast`, as a `'I'` export turned into a
 *   `Uint32Array` (the least `toTypedArray(fromTypedArray(b, { format: 'I' }))` does).
 */

import { Buffer } from "node:buffer";
import {
  type BufferView,
  getBuffer,
  LayoutExporter,
  NDBuffer,
  PyBUF_FULL_RO,
  releaseBuffer,
  type VerifiedLayout,
  verifyLayout,
} from "@pybuffer/core";
import type { OursCase } from "../case.js";

const RING = 64;

interface OpsData {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly ops: number;
}

// Fields are assigned in the constructors (`declare`, no class-field definitions), as in
// our packages: engines build such objects faster.

/** The export every view of one `SketchView.of` call shares. */
class SketchShared {
  declare readonly master: BufferView;
  declare exports: number;
  declare released: boolean;
  constructor(master: BufferView) {
    this.master = master;
    this.exports = 0;
    this.released = false;
  }
}

class SketchView {
  declare readonly shared: SketchShared;
  declare readonly buf: number;
  declare readonly n: number;
  declare readonly stride: number;
  declare flags: number;
  declare exports: number;
  constructor(shared: SketchShared, buf: number, n: number, stride: number) {
    this.shared = shared;
    this.buf = buf;
    this.n = n;
    this.stride = stride;
    this.flags = 0;
    this.exports = 0;
    shared.exports++;
  }

  static of(obj: unknown): SketchView {
    const master = getBuffer(obj, PyBUF_FULL_RO);
    const shape = master.shape;
    const strides = master.strides;
    if (master.ndim !== 1 || shape === null || strides === null) {
      releaseBuffer(master);
      throw new TypeError("the sketch takes one-dimensional exports only");
    }
    return new SketchView(new SketchShared(master), master.buf, shape[0]!, strides[0]!);
  }

  slice(start: number, stop: number): SketchView {
    if ((this.flags & 1) !== 0)
      throw new Error("operation forbidden on released memoryview object");
    const n = this.n;
    const a = start < 0 ? Math.max(start + n, 0) : Math.min(start, n);
    const b = stop < 0 ? Math.max(stop + n, 0) : Math.min(stop, n);
    return new SketchView(this.shared, this.buf + a * this.stride, b > a ? b - a : 0, this.stride);
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.shared.master.memory, this.buf, this.n).slice();
  }

  release(): void {
    if ((this.flags & 1) !== 0) return;
    if (this.exports > 0) throw new Error(`memoryview has ${this.exports} exported buffer`);
    this.flags |= 1;
    const shared = this.shared;
    if (--shared.exports === 0 && !shared.released) {
      shared.released = true;
      releaseBuffer(shared.master);
    }
  }
}

/**
 * A view as CPython's memoryview keeps one, and ours does: its own layout (a complete
 * `Py_buffer`, with its shape and strides arrays) beside the flags; the root shares the
 * export's, each slice makes a new one. Otherwise as plain as {@link SketchView}: the
 * difference between the two rows is what that object model costs.
 */
class SketchLayoutView {
  declare readonly shared: SketchShared;
  declare readonly layout: BufferView;
  declare flags: number;
  declare exports: number;
  constructor(shared: SketchShared, layout: BufferView) {
    this.shared = shared;
    this.layout = layout;
    this.flags = 0;
    this.exports = 0;
    shared.exports++;
  }

  static of(obj: unknown): SketchLayoutView {
    const master = getBuffer(obj, PyBUF_FULL_RO);
    if (master.ndim !== 1 || master.shape === null || master.strides === null) {
      releaseBuffer(master);
      throw new TypeError("the sketch takes one-dimensional exports only");
    }
    return new SketchLayoutView(new SketchShared(master), master);
  }

  slice(start: number, stop: number): SketchLayoutView {
    if ((this.flags & 1) !== 0)
      throw new Error("operation forbidden on released memoryview object");
    const v = this.layout;
    const n = (v.shape as number[])[0] as number;
    const stride = (v.strides as number[])[0] as number;
    const a = start < 0 ? Math.max(start + n, 0) : Math.min(start, n);
    const b = stop < 0 ? Math.max(stop + n, 0) : Math.min(stop, n);
    const length = b > a ? b - a : 0;
    return new SketchLayoutView(this.shared, {
      obj: v.obj,
      memory: v.memory,
      buf: v.buf + a * stride,
      len: length * v.itemsize,
      readonly: v.readonly,
      itemsize: v.itemsize,
      format: v.format,
      ndim: 1,
      shape: [length],
      strides: v.strides,
      suboffsets: null,
      abi: v.abi,
      internal: null,
    });
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.layout.memory, this.layout.buf, this.layout.len).slice();
  }

  release(): void {
    if ((this.flags & 1) !== 0) return;
    if (this.exports > 0) throw new Error(`memoryview has ${this.exports} exported buffer`);
    this.flags |= 1;
    const shared = this.shared;
    if (--shared.exports === 0 && !shared.released) {
      shared.released = true;
      releaseBuffer(shared.master);
    }
  }
}

type Getter<T> = (this: unknown) => T;
const TYPED_ARRAY = Object.getPrototypeOf(Int8Array.prototype) as object;
function getter<T>(key: string | symbol): Getter<T> {
  return Object.getOwnPropertyDescriptor(TYPED_ARRAY, key)?.get as Getter<T>;
}
const tagOf = getter<string | undefined>(Symbol.toStringTag);
const bufferOf = getter<ArrayBuffer>("buffer");
const offsetOf = getter<number>("byteOffset");
const lengthOf = getter<number>("byteLength");

let lastItems = -1;
let lastFormat = "";
let lastLayout: VerifiedLayout | null = null;

function itemLayout(format: "B" | "I", items: number): VerifiedLayout {
  if (items !== lastItems || format !== lastFormat || lastLayout === null) {
    lastLayout = verifyLayout({ format, itemsize: format === "B" ? 1 : 4, shape: [items] });
    lastItems = items;
    lastFormat = format;
  }
  return lastLayout;
}

function sketchWrap(
  ta: Uint8Array,
  options: { shape: number[]; offset: number; format?: "B" | "I" },
): LayoutExporter {
  if (tagOf.call(ta) !== "Uint8Array") throw new TypeError("expected a Uint8Array");
  const shape = options.shape;
  const offset = options.offset;
  const format = options.format ?? "B";
  if (!Array.isArray(shape) || shape.length !== 1) throw new TypeError("shape must be [n]");
  const items = shape[0];
  if (!Number.isSafeInteger(items) || (items as number) < 0) throw new TypeError("bad shape");
  if (!Number.isSafeInteger(offset) || offset < 0) throw new TypeError("bad offset");
  const memory = bufferOf.call(ta);
  const base = offsetOf.call(ta);
  const bytes = (items as number) * (format === "B" ? 1 : 4);
  if (offset + bytes > lengthOf.call(ta)) throw new RangeError("outside the array");
  const layout = itemLayout(format, items as number);
  return new LayoutExporter(memory, base + offset, layout, false, "sketch");
}

/** The TypedArray of a `B` or `I` view, checked as a conversion must: kind, order, alignment. */
function sketchTypedArray(view: BufferView): Uint8Array | Uint32Array {
  const strides = view.strides;
  if (view.ndim !== 1 || strides === null || strides[0] !== view.itemsize) {
    throw new TypeError("the sketch converts contiguous 1-D views only");
  }
  if (view.format === "B") return new Uint8Array(view.memory, view.buf, view.len);
  if (view.format !== "I" || view.buf % 4 !== 0) throw new TypeError("not an aligned 'I' view");
  return new Uint32Array(view.memory, view.buf, view.len / 4);
}

export const cases: OursCase<OpsData>[] = [
  {
    section: "slice-release",
    name: "sketch: checked wrap of b.subarray(10, 20) as a LayoutExporter + getBuffer + releaseBuffer",
    output: "value",
    setup: (d) => {
      // What fromNodeBuffer(b.subarray(10, 20)) pays before any of our code runs: Node's
      // Buffer#subarray makes a Buffer (~20-40 ns here), which the row above does not.
      const buf = Buffer.from(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength);
      return () => {
        const ring = new Array<Uint8Array>(RING);
        for (let k = 0; k < d.ops; k++) {
          const wrapped = sketchWrap(buf.subarray(10, 20), { shape: [10], offset: 0 });
          const view = getBuffer(wrapped, PyBUF_FULL_RO);
          ring[k & (RING - 1)] = new Uint8Array(view.memory, view.buf, view.len);
          releaseBuffer(view);
        }
        return ring;
      };
    },
  },
  {
    section: "cast",
    name: "sketch: checked wrap as a LayoutExporter + getBuffer + new Uint32Array + releaseBuffer",
    output: "value",
    setup: (d) => () => {
      const ring = new Array<Uint8Array | Uint32Array>(RING);
      const items = d.bytes.length / 4;
      for (let k = 0; k < d.ops; k++) {
        const wrapped = sketchWrap(d.bytes, { shape: [items], offset: 0, format: "I" });
        const view = getBuffer(wrapped, PyBUF_FULL_RO);
        try {
          ring[k & (RING - 1)] = sketchTypedArray(view);
        } finally {
          releaseBuffer(view);
        }
      }
      return ring;
    },
  },
  {
    section: "slice-release",
    name: "sketch: one-object memoryview over getBuffer; slice; release",
    output: "value",
    setup: (d) => {
      const exporter = new NDBuffer(d.bytes.buffer, { shape: [d.bytes.length], readonly: true });
      return () => {
        const ring = new Array<SketchView>(RING);
        for (let k = 0; k < d.ops; k++) {
          const m = SketchView.of(exporter);
          const s = m.slice(10, 20);
          m.release();
          ring[k & (RING - 1)]?.release();
          ring[k & (RING - 1)] = s;
        }
        const out = ring.map((s) => s.bytes());
        for (const s of ring) s.release();
        return out;
      };
    },
  },
  {
    section: "slice-release",
    name: "sketch: memoryview with its own layout object per view (as CPython's); slice; release",
    output: "value",
    // Written out rather than shared with the row above: closures made at one site share
    // V8's type feedback, so both sketch classes would meet one polymorphic loop.
    setup: (d) => {
      const exporter = new NDBuffer(d.bytes.buffer, { shape: [d.bytes.length], readonly: true });
      return () => {
        const ring = new Array<SketchLayoutView>(RING);
        for (let k = 0; k < d.ops; k++) {
          const m = SketchLayoutView.of(exporter);
          const s = m.slice(10, 20);
          m.release();
          ring[k & (RING - 1)]?.release();
          ring[k & (RING - 1)] = s;
        }
        const out = ring.map((s) => s.bytes());
        for (const s of ring) s.release();
        return out;
      };
    },
  },
  {
    section: "slice-release",
    name: "sketch: checked wrap as a LayoutExporter + getBuffer + releaseBuffer",
    output: "value",
    setup: (d) => () => {
      const ring = new Array<Uint8Array>(RING);
      for (let k = 0; k < d.ops; k++) {
        const view = getBuffer(sketchWrap(d.bytes, { shape: [10], offset: 10 }), PyBUF_FULL_RO);
        ring[k & (RING - 1)] = new Uint8Array(view.memory, view.buf, view.len);
        releaseBuffer(view);
      }
      return ring;
    },
  },
];
