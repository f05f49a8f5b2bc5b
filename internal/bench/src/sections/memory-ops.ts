/**
 * Per-call costs (perf-baseline 4c, 4d): create a view, slice it, release it; and
 * `cast('B').cast('I')` of a 64 MiB view (no data touched). The JS references build the
 * nearest typed-array equivalents; results go into a ring so they cannot be optimised away.
 */
import type { Section } from "../case.js";
import { check } from "../case.js";
import { BIG, OPS, randomBytes } from "../data-memory.js";

interface OpsData {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly ops: number;
}

const RING = 64;

/** The floor row's objects: the fields CPython's Py_buffer, managed buffer and memoryview hold. */
class FloorLayout {
  readonly obj: object | null = null;
  readonly memory: ArrayBuffer;
  readonly buf: number;
  readonly len: number;
  readonly readonly = true;
  readonly itemsize = 1;
  readonly format = "B";
  readonly ndim = 1;
  readonly shape: number[];
  readonly strides: number[];
  readonly suboffsets = null;
  readonly abi = "lp64";
  readonly internal = null;
  constructor(memory: ArrayBuffer, buf: number, shape: number[], strides: number[]) {
    this.memory = memory;
    this.buf = buf;
    this.len = shape[0]!;
    this.shape = shape;
    this.strides = strides;
  }
}
class FloorExporter {
  readonly source: Uint8Array;
  readonly memory: ArrayBuffer;
  readonly base: number;
  readonly shape: number[];
  exports = 0;
  constructor(source: Uint8Array<ArrayBuffer>, offset: number, shape: number[]) {
    this.source = source;
    this.memory = source.buffer;
    this.base = source.byteOffset + offset;
    this.shape = shape;
  }
}
class FloorManaged {
  readonly master: FloorLayout;
  exports = 0;
  released = false;
  constructor(master: FloorLayout) {
    this.master = master;
  }
}
class FloorView {
  readonly mbuf: FloorManaged;
  readonly layout: FloorLayout;
  flags = 0;
  exports = 0;
  hash = null;
  constructor(mbuf: FloorManaged, layout: FloorLayout) {
    this.mbuf = mbuf;
    this.layout = layout;
    mbuf.exports++;
  }
  release(): void {
    this.flags |= 8;
    if (--this.mbuf.exports === 0) this.mbuf.released = true;
  }
}

export const sliceRelease: Section<OpsData> = {
  id: "slice-release",
  title: "`with memoryview(b) as m: m[10:20]`",
  unit: "op",
  make: (scale) => ({ bytes: randomBytes(4096, 9), ops: OPS[scale] }),
  items: (d) => d.ops,
  checks: {
    value: (out, d) => {
      const ring = out as Uint8Array[];
      check(
        ring.length === RING && ring[0]?.length === 10,
        () => "expected a ring of 10-byte views",
      );
      check(
        ring[0]![0] === d.bytes[10] && ring[0]![9] === d.bytes[19],
        () => "slice holds other bytes",
      );
    },
  },
  rows: () => [
    {
      name: "new Uint8Array(buffer).subarray(10, 20)",
      kind: "js",
      output: "value",
      setup:
        ({ bytes, ops }) =>
        () => {
          const ring = new Array<Uint8Array>(RING);
          for (let k = 0; k < ops; k++)
            ring[k & (RING - 1)] = new Uint8Array(bytes.buffer).subarray(10, 20);
          return ring;
        },
    },
    {
      // The allocation floor of CPython's object model for this line, with no checks at
      // all: the exporter's view, the managed buffer, two memoryviews and the slice's
      // layout (with its shape array), the older slice released as it leaves the ring.
      name: "floor: the 5 objects of memoryview + slice, plain, unchecked",
      kind: "js",
      output: "value",
      setup:
        ({ bytes, ops }) =>
        () => {
          const ring = new Array<FloorView>(RING);
          const memory = bytes.buffer;
          const shape = [bytes.length];
          const strides = [1];
          for (let k = 0; k < ops; k++) {
            const master = new FloorLayout(memory, 0, shape, strides);
            const m = new FloorView(new FloorManaged(master), master);
            const s = new FloorView(m.mbuf, new FloorLayout(memory, 10, [10], strides));
            m.release();
            ring[k & (RING - 1)]?.release();
            ring[k & (RING - 1)] = s;
          }
          return ring.map((v) => new Uint8Array(memory, v.layout.buf, v.layout.shape[0]));
        },
    },
    {
      // The allocation floor of the adapters' rows, with no checks at all: the options,
      // an exporter over the TypedArray's bytes, the view it exports, the row's Uint8Array.
      name: "floor: wrap + view of a TypedArray, plain, unchecked",
      kind: "js",
      output: "value",
      setup:
        ({ bytes, ops }) =>
        () => {
          const ring = new Array<Uint8Array>(RING);
          const strides = [1];
          for (let k = 0; k < ops; k++) {
            const options = { shape: [10], offset: 10 };
            const exporter = new FloorExporter(bytes, options.offset, options.shape);
            const view = new FloorLayout(exporter.memory, exporter.base, exporter.shape, strides);
            exporter.exports++;
            ring[k & (RING - 1)] = new Uint8Array(view.memory, view.buf, view.len);
            exporter.exports--;
          }
          return ring;
        },
    },
  ],
  pythonFiles: (d) => ({
    "slice-release.bin": d.bytes,
    "slice-release.json": JSON.stringify({ ops: d.ops }),
  }),
};

export const cast: Section<OpsData> = {
  id: "cast",
  title: "`m.cast('B').cast('I')` of a 64 MiB view",
  unit: "op",
  make: (scale) => ({ bytes: new Uint8Array(BIG[scale]), ops: OPS[scale] }),
  items: (d) => d.ops,
  checks: {
    value: (out, d) => {
      const ring = out as Uint32Array[];
      check(ring.length === RING, () => "expected a ring of views");
      check(ring[0]?.length === d.bytes.length / 4, () => `expected ${d.bytes.length / 4} items`);
    },
  },
  rows: () => [
    {
      name: "new Uint8Array(buffer) -> new Uint32Array(buffer)",
      kind: "js",
      output: "value",
      setup:
        ({ bytes, ops }) =>
        () => {
          const ring = new Array<Uint32Array>(RING);
          for (let k = 0; k < ops; k++) {
            const b = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
            ring[k & (RING - 1)] = new Uint32Array(b.buffer, b.byteOffset, b.byteLength >>> 2);
          }
          return ring;
        },
    },
  ],
  pythonFiles: (d) => ({ "cast.json": JSON.stringify({ ops: d.ops, size: d.bytes.length }) }),
};
