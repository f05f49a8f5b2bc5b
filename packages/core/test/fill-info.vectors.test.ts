/**
 * Replays internal/oracle/vectors/core_fill_info.json: what PyBuffer_FillInfo fills
 * for bytes (read-only) and bytearray (writable) under every request.
 */
import { describe, expect, it } from "vitest";
import { bf_getbuffer, getBuffer, releaseBuffer } from "../src/exporter.js";
import { fillInfo } from "../src/fill-info.js";
import { outcomeOf, viewFieldsWithContiguity } from "./support/helpers.js";
import { loadVectors } from "./support/oracle.js";

interface FillCase {
  exporter: string;
  len: number;
  readonly: boolean;
  flags: number;
  result: { ok: unknown } | { error: string; message: string };
}

const { cases } = loadVectors<{ cases: FillCase[] }>("core_fill_info");

describe("fillInfo against CPython's bytes and bytearray exports", () => {
  it("covers every request, the 3.13 PyBUF_READ/WRITE refusal and negative masks", () => {
    expect(cases.length).toBeGreaterThan(90);
    expect(cases.some((c) => "error" in c.result && c.result.error === "SystemError")).toBe(true);
  });

  for (const c of cases) {
    it(`${c.exporter} flags=${c.flags}`, () => {
      const memory = new ArrayBuffer(c.len + 3);
      const exporter = {
        [bf_getbuffer](flags: number) {
          return fillInfo(this, memory, 3, c.len, c.readonly, flags);
        },
      };
      const got = outcomeOf(() => {
        const view = getBuffer(exporter, c.flags);
        const fields = viewFieldsWithContiguity(view);
        expect(view.obj).toBe(exporter);
        releaseBuffer(view);
        return fields;
      });
      expect(got).toEqual(c.result);
    });
  }
});
