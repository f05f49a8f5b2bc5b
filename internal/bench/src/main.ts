/**
 * `pnpm bench`: every section in one run: our packages, CPython on the same bytes, the npm
 * peers and hand-written loops, ns/op with time ratios; writes ../report.md.
 *
 *   --quick        small sizes, 1 round, no report (the CI smoke run: checks, no timings)
 *   --filter TEXT  only sections whose id contains TEXT, or one of several comma-separated
 *                  TEXTs (no report written)
 *   --rows REGEX   only rows whose name matches REGEX (no report written)
 *   --no-python    leave CPython out
 *   --node 24      run on that pinned Node version (node-versions.json, fetched by npx) and
 *                  write report-node24.md instead, so versions can be compared
 */
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { Row, Scale } from "./case.js";
import { loadCaseFiles } from "./case-files.js";
import { hasGc, runSection, type Timing } from "./harness.js";
import { loadCore } from "./ours/core.js";
import { loadStruct } from "./ours/struct.js";
import { cpython, numpyPython, runPython } from "./python.js";
import {
  consoleTable,
  markdownSection,
  measuredRow,
  type SectionResult,
  unavailableRow,
} from "./report.js";
import { SECTIONS } from "./sections/index.js";

// scripts/with-node.mjs sets PYBUFFER_NODE when the run was asked for another Node version.
const otherNode = process.env.PYBUFFER_NODE?.split(".")[0];
const REPORT = fileURLToPath(
  new URL(
    otherNode === undefined ? "../report.md" : `../report-node${otherNode}.md`,
    import.meta.url,
  ),
);
const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const filter = argv.includes("--filter")
  ? argv[argv.indexOf("--filter") + 1]?.split(",")
  : undefined;
const rowsArg = argv.includes("--rows") ? argv[argv.indexOf("--rows") + 1] : undefined;
const rowFilter = rowsArg === undefined ? undefined : new RegExp(rowsArg);
const scale: Scale = quick ? "quick" : "full";
// perf-baseline: Node 2 warm-up calls, CPython 1, then 5 timed rounds; Node gets 9 rounds
// here, because its per-call spread (GC of a million results) moved 5-round medians by 10–20%.
const timing: Timing = quick ? { rounds: 1, warmup: 1 } : { rounds: 9, warmup: 2 };
const pyTiming: Timing = quick ? timing : { rounds: 5, warmup: 1 };

if (!hasGc()) console.warn("warning: run with node --expose-gc, or GC lands inside the timings");
await Promise.all([loadStruct(), loadCore()]);
const caseFiles = await loadCaseFiles(new Set(SECTIONS.map((s) => s.id)));
// Every package exists now: a case file that fails to load (a renamed export, a broken
// import) is a bug, and would otherwise drop its rows from the report without a word.
for (const { file, reason } of caseFiles.unavailable) {
  console.error(`cases/${file}: failed to load (${reason})`);
}
if (caseFiles.unavailable.length > 0) process.exit(1);
const python = argv.includes("--no-python") ? "left out (--no-python)" : cpython();
const numpy = argv.includes("--no-python") ? "left out (--no-python)" : numpyPython();
if (typeof python === "string") console.log(`CPython rows: ${python}`);

const results: SectionResult[] = [];
for (const section of SECTIONS) {
  if (filter !== undefined && !filter.some((f) => section.id.includes(f))) continue;
  const data = section.make(scale);
  const items = section.items(data);
  // biome-ignore lint/suspicious/noExplicitAny: each section's rows take its own input type
  const rows: Row<any>[] = [...section.rows(data), ...(caseFiles.rows.get(section.id) ?? [])];
  const names = rows.map((r) => `${r.kind} ${r.name}`);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new Error(`${section.id}: two rows are named "${twice}"`);
  if (section.python === "spawned" && typeof python === "string") {
    for (let i = rows.length - 1; i >= 0; i--) if (rows[i]!.kind === "cpython") rows.splice(i, 1);
  }
  if (!rows.some((r) => r.kind === "ours")) {
    rows.push({ name: "", kind: "ours", unavailable: "no case for this section yet" });
  }
  if (rowFilter !== undefined) {
    for (let i = rows.length - 1; i >= 0; i--)
      if (!rowFilter.test(rows[i]!.name)) rows.splice(i, 1);
  }
  const measured = runSection(section, data, rows, timing);
  const out = rows.map((row) => {
    const m = measured.find((x) => x.name === row.name && x.kind === row.kind);
    return m ? measuredRow(m.name, m.kind, m.samplesNs, items) : unavailableRow(row as Row<never>);
  });
  const py = section.python === "numpy" ? numpy : python;
  if (typeof py === "string") {
    out.push({ name: "", kind: "cpython", unavailable: py });
  } else if (section.python !== "spawned") {
    // (A "spawned" section's CPython rows were measured above, with the others.)
    const files = section.pythonFiles(data);
    for (const r of runPython(py, section.id, files, pyTiming, py === numpy)) {
      out.push(measuredRow(r.name, "cpython", r.samplesNs, items));
    }
  }
  // Report order: hand-written loops (the first is the reference), ours, npm peers, CPython.
  const order = ["js", "ours", "peer", "cpython"];
  out.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const result = { id: section.id, title: section.title, unit: section.unit, items, rows: out };
  results.push(result);
  console.log(`\n${consoleTable(result)}`);
}

if (!quick && filter === undefined && rowFilter === undefined) {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const py = typeof python === "string" ? python : `CPython ${python.version}`;
  writeFileSync(
    REPORT,
    [
      "# Benchmarks",
      "",
      `Written by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpu},`,
      `Node ${process.version}, ${py}; load average ${loadavg()[0]!.toFixed(1)} when it ended (other`,
      `work on the machine widens the spread). One run; ns per op are medians of ${timing.rounds} rounds`,
      `(CPython ${pyTiming.rounds}). Ratios are time ratios (below 1 is faster): × JS against the`,
      "first hand-written loop of the section (median of the per-round ratios), × CPython against",
      "CPython's fastest idiom in this run (ratio of medians). Every row's result was checked",
      "before timing; each Node timing follows an untimed call of the same case. Method:",
      "`internal/bench/README.md`.",
      "",
      ...results.map(markdownSection),
    ].join("\n"),
  );
  console.log(`\nwrote ${REPORT}`);
} else {
  console.log(
    `\nbench ${quick ? "smoke run" : "run"}: ${results.length} sections, every result checked`,
  );
}
