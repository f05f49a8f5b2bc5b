import { describe, expect, it } from "vitest";
import { type BenchCase, isUnavailable, type Section } from "../src/case.js";
import { runSection } from "../src/harness.js";
import { SECTIONS } from "../src/sections/index.js";

const timing = { rounds: 1, warmup: 1 };

function section(id: string) {
  // biome-ignore lint/suspicious/noExplicitAny: sections take their own input types
  const found = SECTIONS.find((s) => s.id === id) as Section<any> | undefined;
  if (found === undefined) throw new Error(`no section ${id}`);
  return found;
}

/** The section's first hand-written row, with its output passed through `corrupt`. */
function corrupted(id: string, corrupt: (out: unknown) => unknown): BenchCase<unknown> {
  const s = section(id);
  const js = s.rows(s.make("quick")).find((r): r is BenchCase<unknown> => r.kind === "js")!;
  return {
    ...js,
    name: "wrong fast path",
    setup: (d) => {
      const fn = js.setup(d);
      return () => corrupt(fn());
    },
  };
}

describe("benchmark checks", () => {
  it("accept every hand-written row of every section", () => {
    for (const s of SECTIONS) {
      const data = s.make("quick");
      // (A row that cannot run here, start-node24's without a Node 24, says so instead.)
      const js = s.rows(data).filter((r) => r.kind === "js" && !isUnavailable(r));
      expect(runSection(s, data, js, timing).length, s.id).toBe(js.length);
    }
  });

  it("stop the run on a wrong unpacked value, naming the case", () => {
    const s = section("unpack-IHHd");
    const wrong = corrupted("unpack-IHHd", (out) => {
      const records = out as number[][];
      records[997]![3] = records[997]![3]! + 1e-9;
      return records;
    });
    expect(() => runSection(s, s.make("quick"), [wrong], timing)).toThrow(
      /unpack-IHHd \/ wrong fast path: check failed: record 997 field 3/,
    );
  });

  it("stop the run on one wrong packed byte", () => {
    const s = section("pack-qQ-full");
    const wrong = corrupted("pack-qQ-full", (out) => {
      const bytes = new Uint8Array(out as Uint8Array);
      bytes[bytes.length - 1]! ^= 1;
      return bytes;
    });
    expect(() => runSection(s, s.make("quick"), [wrong], timing)).toThrow(/check failed: byte \d+/);
  });

  it("stop the run on a bigint that lost precision as a number", () => {
    const s = section("unpack-qQ-full");
    const wrong = corrupted("unpack-qQ-full", (out) =>
      (out as bigint[][]).map(([q, Q]) => [Number(q), Q]),
    );
    expect(() => runSection(s, s.make("quick"), [wrong], timing)).toThrow(/record 0 field 0/);
  });

  it("stop the run on a wrong copy", () => {
    const s = section("tobytes-transpose");
    const wrong = corrupted("tobytes-transpose", (out) =>
      new Uint32Array(out as Uint32Array).reverse(),
    );
    expect(() => runSection(s, s.make("quick"), [wrong], timing)).toThrow(/check failed: byte 0/);
  });
});
