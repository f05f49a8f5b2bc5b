/**
 * `@pybuffer/core` copy rows beside the built-in `toContiguous(view, 'C')` ones: the
 * same copies into a preallocated destination (PyBuffer_ToContiguous's own contract:
 * the caller owns the buffer), which shows the copy loops without the page faults of
 * a fresh 32–64 MiB allocation, and a contiguous copy through an NDBuffer export.
 */
import { getBuffer, NDBuffer, PyBUF_FULL_RO, toContiguous } from "@pybuffer/core";
import type { OursCase } from "../case.js";

interface StridedData {
  readonly src: Uint8Array<ArrayBuffer>;
}
interface MatrixData {
  readonly side: number;
  readonly src: Uint32Array<ArrayBuffer>;
}

export const cases: OursCase<never>[] = [
  {
    section: "tobytes-step2",
    name: "toContiguous(view, 'C', dest) (prealloc)",
    output: "bytes",
    setup: ((d: StridedData) => {
      const n = d.src.length >> 1;
      const nd = new NDBuffer(d.src.buffer, { shape: [n], strides: [2], readonly: true });
      const view = getBuffer(nd, PyBUF_FULL_RO);
      const dest = new Uint8Array(n);
      return () => toContiguous(view, "C", dest);
    }) as never,
  },
  {
    section: "tobytes-transpose",
    name: "toContiguous(view, 'C', dest) (prealloc)",
    output: "bytes",
    setup: ((d: MatrixData) => {
      const nd = new NDBuffer(d.src.buffer, {
        shape: [d.side, d.side],
        strides: [4, 4 * d.side],
        format: "I",
        readonly: true,
      });
      const view = getBuffer(nd, PyBUF_FULL_RO);
      const dest = new Uint8Array(d.src.byteLength);
      return () => toContiguous(view, "C", dest);
    }) as never,
  },
  {
    section: "copy-contiguous",
    name: "toContiguous(view, 'C', dest) (prealloc)",
    output: "bytes",
    setup: ((d: StridedData) => {
      const view = getBuffer(new NDBuffer(d.src.buffer, { shape: [d.src.length] }), PyBUF_FULL_RO);
      const dest = new Uint8Array(d.src.length);
      return () => toContiguous(view, "C", dest);
    }) as never,
  },
  {
    section: "copy-contiguous",
    name: "toContiguous(view, 'C') (alloc + copy)",
    output: "bytes",
    setup: ((d: StridedData) => {
      const view = getBuffer(new NDBuffer(d.src.buffer, { shape: [d.src.length] }), PyBUF_FULL_RO);
      return () => toContiguous(view, "C");
    }) as never,
  },
];
