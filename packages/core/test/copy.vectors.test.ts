/**
 * Replays internal/oracle/vectors/core_copy.json: PyObject_CopyData and
 * PyBuffer_FromContiguous (whole and partial, C and F order) into destinations whose
 * items share bytes, as CPython 3.13 leaves them (its write order decides).
 */
import { describe, expect, it } from "vitest";
import { copyData } from "../src/copy-data.js";
import { getBuffer } from "../src/exporter.js";
import { PyBUF_FULL } from "../src/flags.js";
import { fromContiguous } from "../src/from-contiguous.js";
import { NDBuffer } from "../src/nd-buffer.js";
import { loadVectors } from "./support/oracle.js";

interface CopyCase {
  format: string;
  memlen: number;
  shape: number[];
  strides: number[];
  offset: number;
  kind: "copyData" | "C" | "F" | "partial";
  order?: "C" | "F";
  data?: Uint8Array;
  source?: Uint8Array;
  transpose?: boolean;
  result: Uint8Array;
}

const { cases } = loadVectors<{ cases: CopyCase[] }>("core_copy");

/** The destination: items i % 7 in memory, as the generator made it. */
function destination(c: CopyCase): NDBuffer {
  const size = c.format === "B" ? 1 : 2;
  const memory = new ArrayBuffer(c.memlen);
  const dv = new DataView(memory);
  for (let i = 0; i < c.memlen / size; i++) {
    if (size === 1) dv.setUint8(i, i % 7);
    else dv.setUint16(2 * i, i % 7, true);
  }
  return new NDBuffer(memory, {
    shape: c.shape,
    strides: c.strides,
    offset: c.offset,
    format: c.format,
  });
}

describe("copies into self-overlapping destinations, against CPython", () => {
  it("has every kind of copy", () => {
    expect(new Set(cases.map((c) => c.kind)).size).toBe(4);
  });

  cases.forEach((c, i) => {
    it(`#${i} ${c.kind} ${c.format} shape=[${c.shape}] strides=[${c.strides}]`, () => {
      const dest = destination(c);
      if (c.kind === "copyData") {
        const source = c.source as Uint8Array;
        const copy = new Uint8Array(source).buffer;
        const src = new NDBuffer(copy, { shape: c.shape, format: c.format });
        if (c.transpose === true && c.shape.length > 1) {
          // CPython's source was Fortran-ordered: the same items in F layout.
          const f = new NDBuffer(new ArrayBuffer(source.length), {
            shape: c.shape,
            format: c.format,
            order: "F",
          });
          copyData(f, src);
          copyData(dest, f);
        } else {
          copyData(dest, src);
        }
      } else {
        fromContiguous(getBuffer(dest, PyBUF_FULL), c.data as Uint8Array, c.order ?? "C");
      }
      expect(dest.toBytes("C")).toEqual(c.result);
    });
  });
});
