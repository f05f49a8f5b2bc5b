import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { compareWithCommitted, parseReport } from "../src/compare.js";
import type { Measured } from "../src/measure.js";
import { measure } from "../src/measure.js";
import { judge, renderReport } from "../src/report.js";

// Inside this package, so `@pybuffer/struct` resolves from its node_modules (built by CI first).
const dir = mkdtempSync(join(fileURLToPath(new URL("..", import.meta.url)), ".size-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("measure", () => {
  it("bundles relative imports, and leaves family packages out of the own size", async () => {
    writeFileSync(
      join(dir, "dep.js"),
      `export const table = ${JSON.stringify("x".repeat(300))};\n`,
    );
    writeFileSync(
      join(dir, "entry.js"),
      'import { table } from "./dep.js";\nimport { StructError } from "@pybuffer/struct";\n' +
        "export function useIt() { return [table, StructError]; }\n",
    );
    const m = await measure({ pkg: "p", specifier: "p", file: join(dir, "entry.js") });
    expect(m.own.minified).toBeGreaterThan(300);
    expect(m.own.minified).toBeLessThan(500);
    expect(m.own.gzip).toBeLessThan(m.own.minified);
    expect(m.full.minified).toBeGreaterThan(m.own.minified + 200); // + StructError, PyError
  }, 30_000);

  it("measures a per-function entry as the bundle of just those names", async () => {
    writeFileSync(
      join(dir, "two.js"),
      `export const big = ${JSON.stringify("y".repeat(600))};\nexport function small() { return 1; }\n`,
    );
    const file = join(dir, "two.js");
    const whole = await measure({ pkg: "p", specifier: "p", file });
    const small = await measure({
      pkg: "p {small}",
      specifier: "p {small}",
      file,
      names: ["small"],
    });
    expect(whole.own.minified).toBeGreaterThan(600);
    expect(small.own.minified).toBeLessThan(100);
  }, 30_000);

  it("fails clearly when the entry was not built", async () => {
    await expect(
      measure({ pkg: "p", specifier: "p", file: join(dir, "missing.js") }),
    ).rejects.toThrow(/does not exist \(run the build first\)/);
  });
});

describe("judge and renderReport", () => {
  const entry = (pkg: string, own: number, full: number): Measured => ({
    pkg,
    specifier: pkg,
    file: "",
    own: { minified: 1, gzip: own },
    full: { minified: 2, gzip: full },
  });

  it("charges packages their own size and the umbrella its full size", () => {
    const verdicts = judge(
      [entry("a", 100, 900), entry("b", 101, 101), entry("c", 5, 5), entry("pybuffer", 1, 300)],
      { a: 100, b: 100, pybuffer: 200 },
    );
    expect(verdicts.map((v) => v.ok)).toEqual([true, false, false, false]);
    const report = renderReport(verdicts);
    expect(report).toContain("| `a` | 1 | 100 | 900 | 0.10 KiB | 100% | ok |");
    expect(report).toContain("| `b` | 1 | 101 | 101 | 0.10 KiB | 101% | **over** |");
    expect(report).toContain("| `c` | 1 | 5 | 5 | — | — | no budget |");
    expect(report).toContain("| `pybuffer` | 1 | 1 | 300 | 0.20 KiB | 150% | **over** |");
  });
});

describe("compareWithCommitted", () => {
  const measured = (own: number, full: number): Measured => ({
    pkg: "p",
    specifier: "@pybuffer/p",
    file: "",
    own: { minified: 1, gzip: own },
    full: { minified: 2, gzip: full },
  });
  const committed = renderReport(judge([measured(10_000, 20_000)], { p: 16_384 }));

  it("reads back the figures it wrote", () => {
    expect(parseReport(committed)).toEqual(
      new Map([["@pybuffer/p", { own: 10_000, full: 20_000 }]]),
    );
  });

  it("lets small drift pass and fails a real change", () => {
    expect(compareWithCommitted([measured(10_250, 20_500)], committed)).toEqual([]);
    expect(compareWithCommitted([measured(10_400, 20_000)], committed)).toEqual([
      "@pybuffer/p own: 10000 -> 10400 B gzip",
    ]);
  });

  it("fails on entries added or removed", () => {
    const other = { ...measured(1, 1), specifier: "@pybuffer/q" };
    expect(compareWithCommitted([other], committed)).toEqual([
      "@pybuffer/q is not in the committed report",
      "@pybuffer/p is in the committed report but not built",
    ]);
  });
});
