/**
 * CPython 3.13 vectors over random `_testbuffer` exporters (memoryview_random): ndim
 * 0–4, negative and zero strides, offsets, empty dimensions, PIL-style suboffsets,
 * read-only and writable, every native format.
 */
import { loadVectors } from "@pybuffer-internal/oracle";
import { describe, expect, it } from "vitest";
import { Ellipsis, MemoryView, memoryview, Slice } from "../src/index.js";
import {
  bytesExporter,
  type Desc,
  expectOutcome,
  exporterFrom,
  keyFrom,
  type Outcome,
  outcome,
  run,
  summary,
} from "./helpers.js";

interface Case {
  desc: Desc;
  view: unknown;
  tobytes: Record<"C" | "F" | "A", Outcome>;
  hex: Outcome;
  hex_sep: [number, Outcome];
  gets: [unknown, Outcome][];
  casts: [string, number[] | null, Outcome][];
  eq: { self: boolean; copy: boolean; bytes: boolean; tolist_copy: Outcome };
  sets?: [unknown, unknown, Outcome][];
  slice_assign?: [unknown, unknown, Outcome];
}

const { cases } = loadVectors<{ cases: Case[] }>("memoryview_random");

function label(c: Case, i: number): string {
  const d = c.desc;
  return `#${i} ${d.fmt} shape=${JSON.stringify(d.shape)} strides=${JSON.stringify(d.strides)} off=${d.offset}${d.pil ? " PIL" : ""}${d.readonly ? " RO" : ""}`;
}

describe("memoryview over random exporters (CPython 3.13 vectors)", () => {
  it("has cases", () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  cases.forEach((c, i) => {
    it(label(c, i), () => {
      const m = memoryview(exporterFrom(c.desc));
      expect(summary(m), "attributes").toEqual({ view: c.view });
      for (const order of ["C", "F", "A"] as const) {
        expectOutcome(() => m.toBytes(order), c.tobytes[order], `tobytes ${order}`);
      }
      expectOutcome(() => m.hex(), c.hex, "hex");
      expectOutcome(() => m.hex(":", c.hex_sep[0]), c.hex_sep[1], "hex sep");
      for (const [json, expected] of c.gets) {
        const key = keyFrom(json);
        if ("ok" in expected && expected.ok === "self") {
          expect(m.get(key), "m[...]").toBe(m);
          continue;
        }
        expect(
          run(() => m.get(key)),
          `get ${JSON.stringify(json)}`,
        ).toEqual(expected);
      }
      for (const [what, shape, expected] of c.casts) {
        const [, target] = what.split(">");
        const fn =
          target === undefined
            ? () => m.cast("B")
            : shape === null
              ? () => m.cast("B").cast(target)
              : () => m.cast("B").cast(c.desc.fmt, shape);
        expect(run(fn), `cast ${what}`).toEqual(expected);
      }
      const copy = memoryview(exporterFrom({ ...c.desc, readonly: true, pil: false }));
      expect(m.equals(m), "m == m").toBe(c.eq.self);
      expect(m.equals(copy), "m == copy").toBe(c.eq.copy);
      expect(m.equals(bytesExporter(m.toBytes())), "m == m.tobytes()").toBe(c.eq.bytes);
      for (const [json, value, expected] of c.sets ?? []) {
        const fresh = new MemoryView(exporterFrom(c.desc));
        expect(
          outcome(() => {
            fresh.set(keyFrom(json), value);
            return fresh.toBytes();
          }),
          `set ${JSON.stringify(json)} = ${String(value)}`,
        ).toEqual(expected);
      }
      if (c.slice_assign !== undefined) {
        const [lkey, rkey, expected] = c.slice_assign;
        const fresh = memoryview(exporterFrom(c.desc));
        const src = memoryview(exporterFrom(c.desc));
        expect(
          outcome(() => {
            fresh.set(keyFrom(lkey), src.get(keyFrom(rkey)));
            return fresh.toBytes();
          }),
          `slice assign ${JSON.stringify(lkey)} = ${JSON.stringify(rkey)}`,
        ).toEqual(expected);
      }
      m.release();
      expect(() => m.get(Ellipsis)).toThrow("operation forbidden on released memoryview object");
      expect(() => m.slice(new Slice().start)).toThrow("released");
    });
  });
});
