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
