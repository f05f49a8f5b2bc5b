import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../src/blocks.js";
import {
  docsWithFigures,
  figureValue,
  findFigures,
  renderFigures,
  staleFigures,
} from "../src/figures.js";
import { committedReports, tablesOf } from "../src/report-tables.js";

const SIZE = `# Bundle size

| entry | own, gzip bytes | with deps, gzip bytes |
|---|---:|---:|
| \`@pybuffer/struct {unpack}\` | 6466 | 6466 |
| \`pybuffer\` | 1814 | 47142 |
`;

const BENCH = `# Benchmarks

### pack-IHHd: pack \`<IHHd\` into one buffer (ns per record)

| implementation | ns/record | × JS | × CPython |
|---|---:|---:|---:|
| JS DataView loop | 10.8 | 1 (ref) | 0.08 |
| pybuffer Struct.packInto loop (prealloc buffer) | 20.4 | 1.93 | 0.15 |

### start: start a process, 1 starts (ns per start)

| implementation | ns/start | × JS | × CPython |
|---|---:|---:|---:|
| JS DataView loop | 28,661,144 | 1 (ref) | 1.32 |
`;

const reports = new Map([
  ["size", tablesOf(SIZE)],
  ["bench", tablesOf(BENCH)],
]);

describe("tablesOf", () => {
  it("keys each table by its ### heading's id and each row by its first cell", () => {
    const bench = tablesOf(BENCH);
    expect([...bench.keys()]).toEqual(["pack-IHHd", "start"]);
    expect(bench.get("start")?.rows.get("JS DataView loop")?.[1]).toBe("28,661,144");
    expect(tablesOf(SIZE).get("")?.columns).toEqual([
      "entry",
      "own, gzip bytes",
      "with deps, gzip bytes",
    ]);
    expect(tablesOf(SIZE).get("")?.rows.get("pybuffer")).toEqual(["pybuffer", "1814", "47142"]);
  });

  it("ignores lines that look like a table without a separator row under the header", () => {
    expect(tablesOf("| a | b |\n| c | d |\n").size).toBe(0);
  });
});

describe("figureValue", () => {
  it("gives a cell as the report prints it, or a byte count in KiB", () => {
    const v = (spec: string) => figureValue(spec, reports);
    expect(v("bench/pack-IHHd | pybuffer Struct.packInto loop (prealloc buffer) | × JS")).toBe(
      "1.93",
    );
    expect(v("bench/start | JS DataView loop | ns/start")).toBe("28,661,144");
    expect(v("size | @pybuffer/struct {unpack} | with deps, gzip bytes | KiB")).toBe("6.3 KiB");
    expect(v("size | pybuffer | with deps, gzip bytes | KiB")).toBe("46.0 KiB");
  });

  it("says what is missing", () => {
    const v = (spec: string) => () => figureValue(spec, reports);
    expect(v("sizes | pybuffer | x")).toThrow("no report named 'sizes'");
    expect(v("bench/pack | JS DataView loop | × JS")).toThrow("no table 'pack' in bench");
    expect(v("size | pybufer | own, gzip bytes")).toThrow("no row 'pybufer'");
    expect(v("size | pybuffer | gzip")).toThrow(
      "no column 'gzip' (entry, own, gzip bytes, with deps, gzip bytes)",
    );
    expect(v("size | pybuffer | own, gzip bytes | MB")).toThrow("optional '| KiB'");
    expect(v("bench/start | JS DataView loop | × JS | KiB")).toThrow(
      "'1 (ref)' is not a byte count",
    );
  });
});

describe("renderFigures and staleFigures", () => {
  const doc = [
    "`{ unpack }` is <!-- figure: size | @pybuffer/struct {unpack} | with deps, gzip bytes | KiB -->7.1 KiB<!-- /figure -->,",
    "| packInto | <!-- figure: bench/pack-IHHd | pybuffer Struct.packInto loop (prealloc buffer) | × JS -->1.93<!-- /figure -->× |",
  ].join("\n");

  it("finds each figure with its line and text", () => {
    expect(findFigures(doc).map((f) => [f.line, f.text])).toEqual([
      [1, "7.1 KiB"],
      [2, "1.93"],
    ]);
    const arrow = "<!-- figure: bench/x | a -> b | × JS -->1<!-- /figure -->";
    expect(findFigures(arrow).map((f) => f.spec)).toEqual(["bench/x | a -> b | × JS"]);
  });

  it("rewrites only the text between the comments", () => {
    const fresh = renderFigures(doc, reports);
    expect(fresh).toBe(doc.replace(">7.1 KiB<", ">6.3 KiB<"));
    expect(staleFigures(fresh, reports)).toEqual([]);
  });

  it("lists a stale figure and one naming nothing", () => {
    const broken = `${doc}\n<!-- figure: size | nothing | own, gzip bytes -->1<!-- /figure -->`;
    expect(staleFigures(broken, reports)).toEqual([
      "line 1: '7.1 KiB', the report says '6.3 KiB'",
      "line 3: 'size | nothing | own, gzip bytes': no row 'nothing'",
    ]);
  });
});

describe("the committed docs", () => {
  const committed = committedReports();

  it("quote the committed reports (run `pnpm figures` after `pnpm size` or `pnpm bench`)", () => {
    const docs = docsWithFigures();
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      const problems = staleFigures(readFileSync(join(ROOT, doc), "utf8"), committed);
      expect(problems, doc).toEqual([]);
    }
  });
});
