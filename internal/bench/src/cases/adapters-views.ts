/**
 * Adapter rows (`@pybuffer/typedarray`, `@pybuffer/node-buffer`): the per-call cost of
 * wrapping a JavaScript binary value, getting a view and releasing it (section
 * `slice-release`: the wrap exports bytes 10..19, as `with memoryview(b) as m: m[10:20]`
 * ends with that slice), and zero-copy conversions whose cost does not depend on the size
 * (section `cast`: a 64 MiB byte array seen as a `Uint32Array` without copying).
 */
import { Buffer } from "node:buffer";
import {
  bf_getbuffer,
  bf_releasebuffer,
  getBuffer,
  PyBUF_FULL_RO,
  releaseBuffer,
} from "@pybuffer/core";
import { fromNodeBuffer } from "@pybuffer/node-buffer";
import { fromTypedArray, toTypedArray } from "@pybuffer/typedarray";
import type { OursCase } from "../case.js";

const RING = 64;

interface OpsData {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly ops: number;
}

export const cases: OursCase<OpsData>[] = [
  {
    section: "slice-release",
    name: "fromTypedArray(b, [10:20]) + getBuffer + releaseBuffer",
    output: "value",
    setup: (d) => () => {
      const ring = new Array<Uint8Array>(RING);
      for (let k = 0; k < d.ops; k++) {
        const view = getBuffer(fromTypedArray(d.bytes, { shape: [10], offset: 10 }), PyBUF_FULL_RO);
        ring[k & (RING - 1)] = new Uint8Array(view.memory, view.buf, view.len);
        releaseBuffer(view);
      }
      return ring;
    },
  },
  {
    section: "slice-release",
    name: "fromTypedArray(b, [10:20]) + bf_getbuffer + bf_releasebuffer",
    output: "value",
    setup: (d) => () => {
      const ring = new Array<Uint8Array>(RING);
      for (let k = 0; k < d.ops; k++) {
        const exporter = fromTypedArray(d.bytes, { shape: [10], offset: 10 });
        const view = exporter[bf_getbuffer](PyBUF_FULL_RO);
        ring[k & (RING - 1)] = new Uint8Array(view.memory, view.buf, view.len);
        exporter[bf_releasebuffer](view);
      }
      return ring;
    },
  },
  {
    section: "slice-release",
    name: "fromNodeBuffer(b.subarray(10, 20)) + getBuffer + releaseBuffer",
    output: "value",
    setup: (d) => {
      const buf = Buffer.from(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength);
      return () => {
        const ring = new Array<Uint8Array>(RING);
        for (let k = 0; k < d.ops; k++) {
          const view = getBuffer(fromNodeBuffer(buf.subarray(10, 20)), PyBUF_FULL_RO);
          ring[k & (RING - 1)] = new Uint8Array(view.memory, view.buf, view.len);
          releaseBuffer(view);
        }
        return ring;
      };
    },
  },
  {
    section: "cast",
    name: "toTypedArray(fromTypedArray(b, { format: 'I' })) (zero-copy)",
    output: "value",
    setup: (d) => () => {
      const ring = new Array<Uint32Array>(RING);
      for (let k = 0; k < d.ops; k++) {
        ring[k & (RING - 1)] = toTypedArray(
          fromTypedArray(d.bytes, { format: "I" }),
        ) as Uint32Array;
      }
      return ring;
    },
  },
];
