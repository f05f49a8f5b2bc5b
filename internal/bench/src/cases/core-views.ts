/**
 * `@pybuffer/core` rows for section `slice-release`: the cost of `getBuffer` +
 * `releaseBuffer` alone on an exporter that already exists (an `NDBuffer` over bytes
 * 10..19, the slice `with memoryview(b) as m: m[10:20]` ends with), the floor under
 * every memoryview and adapter row of the section.
 */
import { getBuffer, NDBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import type { OursCase } from "../case.js";

const RING = 64;

interface OpsData {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly ops: number;
}

export const cases: OursCase<OpsData>[] = [
  {
    section: "slice-release",
    name: "getBuffer(NDBuffer [10:20]) + releaseBuffer",
    output: "value",
    setup: (d) => {
      const nd = new NDBuffer(d.bytes.buffer, {
        shape: [10],
        offset: d.bytes.byteOffset + 10,
        readonly: true,
      });
      return () => {
        const ring = new Array<Uint8Array>(RING);
        for (let k = 0; k < d.ops; k++) {
          const view = getBuffer(nd, PyBUF_FULL_RO);
          ring[k & (RING - 1)] = new Uint8Array(view.memory, view.buf, view.len);
          releaseBuffer(view);
        }
        return ring;
      };
    },
  },
];
