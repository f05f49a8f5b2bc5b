/**
 * `count` and `index`, new in Python 3.14, against CPython 3.14 (Pyodide) vectors
 * (memoryview_314): every native format kind, strided and reversed views, 0-d and 2-D
 * views, NaN, mixed int / float / bool / bytes values, start and stop bounds of every
 * kind, and released views.
 */
import { loadVectors } from "@pybuffer-internal/oracle";
import { describe, expect, it } from "vitest";
import { type MemoryView, memoryview } from "../src/index.js";
import { bytesExporter, type Outcome, outcome } from "./helpers.js";

interface View {
  mem: Uint8Array;
  fmt: string;
  shape: number[] | null;
  slice: [number | null, number | null, number | null] | null;
}
interface Case {
  kind: "count" | "index" | "released";
  desc: View;
  args: unknown[];
  out: Outcome;
}

const { cases } = loadVectors<{ cases: Case[] }>("memoryview_314");

function build(d: View): MemoryView {
  let m = memoryview(bytesExporter(d.mem));
  if (d.fmt !== "B" || d.shape !== null)
    m = d.shape === null ? m.cast(d.fmt) : m.cast(d.fmt, d.shape);
  if (d.slice !== null) m = m.slice(...d.slice);
  return m;
}

function perform(c: Case): Outcome {
  return outcome(() => {
    const m = build(c.desc);
    if (c.kind === "released") {
      m.release();
      return c.args[1] === "index" ? m.index(c.args[0]) : m.count(c.args[0]);
    }
    if (c.kind === "count") return m.count(c.args[0]);
    return (m.index as (...a: unknown[]) => number)(...c.args);
  });
}

describe("count / index (CPython 3.14 vectors through Pyodide)", () => {
  it("has cases", () => {
    expect(cases.length).toBeGreaterThan(500);
  });
  const groups = new Map<string, Case[]>();
  for (const c of cases) {
    const name = `${c.kind} on ${c.desc.fmt}${c.desc.shape ? ` shape=${JSON.stringify(c.desc.shape)}` : ""}${c.desc.slice ? ` [${c.desc.slice.join(":")}]` : ""}`;
    groups.set(name, [...(groups.get(name) ?? []), c]);
  }
  for (const [name, group] of groups) {
    it(`${name} (${group.length} cases)`, () => {
      for (const c of group) {
        const context = `${c.kind}(${JSON.stringify(c.args, (_k, v) => (typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? [...v] : v))})`;
        expect(perform(c), context).toEqual(c.out);
      }
    });
  }
});
