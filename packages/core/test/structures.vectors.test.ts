/**
 * Replays internal/oracle/vectors/core_structures.json: random, mostly invalid
 * NDBuffer layouts, accepted or refused exactly as `_testbuffer.ndarray` does.
 */
import { describe, expect, it } from "vitest";
import { NDBuffer } from "../src/nd-buffer.js";
import { outcomeOf } from "./support/helpers.js";
import { loadVectors } from "./support/oracle.js";

interface StructureCase {
  format: string;
  memlen: number;
  shape: number[];
  strides: number[] | null;
  offset: number;
  order: "C" | "F";
  result: { ok: unknown } | { error: string; message: string };
}

const { cases } = loadVectors<{ cases: StructureCase[] }>("core_structures");

describe("NDBuffer construction against _testbuffer.ndarray", () => {
  it("covers every refusal _testbuffer makes", () => {
    const messages = new Set(cases.map((c) => ("error" in c.result ? c.result.message : "ok")));
    expect(messages.size).toBeGreaterThanOrEqual(10);
  });

  cases.forEach((c, i) => {
    it(`#${i} ${c.format} shape=[${c.shape}] strides=[${c.strides}] offset=${c.offset} ${c.order}`, () => {
      const got = outcomeOf(() => {
        const nd = new NDBuffer(new ArrayBuffer(c.memlen), {
          shape: c.shape,
          strides: c.strides,
          offset: c.offset,
          format: c.format,
          order: c.order,
        });
        return {
          shape: nd.shape,
          strides: nd.strides,
          len: nd.nbytes,
          c: nd.cContiguous,
          f: nd.fContiguous,
        };
      });
      expect(got).toEqual(c.result);
    });
  });
});
