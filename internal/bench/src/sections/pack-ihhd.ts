/**
 * pack `<IHHd` × N records into one buffer (perf-baseline section 2). Input:
 * `IHHdData.tuples` (or `.columns`); every byte of the output is checked.
 */
import structjs from "@aksel/structjs";
import bufferpack from "bufferpack";
import jspackModule from "jspack";
import { Struct as UmbrellaStruct } from "pybuffer";
import pythonStruct from "python-struct";
import type { Section } from "../case.js";
import { checkBytes } from "../checks.js";
import { type IHHdData, makeIHHd, RECORDS } from "../data-struct.js";
import { structRow } from "../ours/struct.js";

const FORMAT = "<IHHd";
const { jspack } = jspackModule;

export const packIHHd: Section<IHHdData> = {
  id: "pack-IHHd",
  title: "pack `<IHHd` into one buffer",
  unit: "record",
  make: (scale) => makeIHHd(RECORDS[scale]),
  items: (d) => d.n,
  checks: { bytes: (out, d) => checkBytes(out, d.bytes) },
  rows: () => [
    {
      name: "DataView loop (array of 4-arrays -> prealloc buffer)",
      kind: "js",
      output: "bytes",
      setup: ({ n, tuples }) => {
        const out = new Uint8Array(n * 16);
        const dv = new DataView(out.buffer);
        return () => {
          for (let i = 0, p = 0; i < n; i++, p += 16) {
            const r = tuples[i]!;
            dv.setUint32(p, r[0], true);
            dv.setUint16(p + 4, r[1], true);
            dv.setUint16(p + 6, r[2], true);
            dv.setFloat64(p + 8, r[3], true);
          }
          return out;
        };
      },
    },
    {
      // The hand-written twin of `Struct.pack` one record at a time: new bytes per record
      // (copied into the section's buffer, as the Struct.pack row does, so both are checked).
      name: "DataView, new Uint8Array(16) per record (+ set into prealloc)",
      kind: "js",
      output: "bytes",
      setup: ({ n, tuples }) => {
        const out = new Uint8Array(n * 16);
        return () => {
          for (let i = 0; i < n; i++) {
            const r = tuples[i]!;
            const b = new Uint8Array(16);
            const dv = new DataView(b.buffer);
            dv.setUint32(0, r[0], true);
            dv.setUint16(4, r[1], true);
            dv.setUint16(6, r[2], true);
            dv.setFloat64(8, r[3], true);
            out.set(b, i * 16);
          }
          return out;
        };
      },
    },
    structRow(
      "Struct.packInto loop (prealloc buffer)",
      "bytes",
      FORMAT,
      "packInto",
      (s, d: IHHdData) => {
        const out = new Uint8Array(d.n * 16);
        return () => {
          for (let i = 0; i < d.n; i++) {
            const r = d.tuples[i]!;
            s.packInto(out, i * 16, r[0], r[1], r[2], r[3]);
          }
          return out;
        };
      },
    ),
    {
      // The class most users get (`import { Struct } from "pybuffer"`), a subclass whose
      // methods also take exporters.
      name: "the umbrella's: pybuffer's Struct.packInto loop (prealloc buffer)",
      kind: "ours",
      output: "bytes",
      setup: ({ n, tuples }) => {
        const s = new UmbrellaStruct(FORMAT);
        const out = new Uint8Array(n * 16);
        return () => {
          for (let i = 0; i < n; i++) {
            const r = tuples[i]!;
            s.packInto(out, i * 16, r[0], r[1], r[2], r[3]);
          }
          return out;
        };
      },
    },
    {
      name: "@aksel/structjs pack_into loop",
      kind: "peer",
      output: "bytes",
      setup: ({ n, tuples }) => {
        const s = structjs(FORMAT);
        const out = new ArrayBuffer(n * 16);
        return () => {
          for (let i = 0; i < n; i++) s.pack_into(out, i * 16, ...tuples[i]!);
          return out;
        };
      },
    },
    {
      name: "python-struct pack + set into prealloc",
      kind: "peer",
      output: "bytes",
      setup: ({ n, tuples }) => {
        const out = new Uint8Array(n * 16);
        return () => {
          for (let i = 0; i < n; i++) out.set(pythonStruct.pack(FORMAT, tuples[i]!), i * 16);
          return out;
        };
      },
    },
    {
      name: "bufferpack packTo loop",
      kind: "peer",
      output: "bytes",
      setup: ({ n, tuples }) => {
        const out = Buffer.alloc(n * 16);
        return () => {
          for (let i = 0; i < n; i++) bufferpack.packTo(FORMAT, out, i * 16, tuples[i]!);
          return out;
        };
      },
    },
    {
      name: "jspack PackTo loop",
      kind: "peer",
      output: "bytes",
      setup: ({ n, tuples }) => {
        const out = Buffer.alloc(n * 16);
        return () => {
          for (let i = 0; i < n; i++) jspack.PackTo(FORMAT, out, i * 16, tuples[i]!);
          return out;
        };
      },
    },
  ],
  pythonFiles: (d) => ({ "pack-IHHd.bin": d.bytes }),
};
