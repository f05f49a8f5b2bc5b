/**
 * Per-call costs (perf-baseline 4c, 4d): create a view, slice it, release it; and
 * `cast('B').cast('I')` of a 64 MiB view (no data touched). The JS references build the
 * nearest typed-array equivalents; results go into a ring so they cannot be optimised away.
 */
import type { Section } from "../case.js";
import { check } from "../case.js";
import { BIG, OPS, randomBytes } from "../data-memory.js";
import { FloorExporter, FloorLayout, FloorManaged, FloorView } from "./floor-objects.js";

interface OpsData {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly ops: number;
}

const RING = 64;

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
