/**
 * `pnpm size` rewrites report.md; `pnpm size:check` (CI) measures again and fails when an
 * entry is over its budget or when the committed report no longer holds (compare.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compareWithCommitted } from "./compare.js";
import { functionEntries, publishedEntries } from "./entries.js";
import { measure } from "./measure.js";
import { type Budgets, judge, renderReport } from "./report.js";

const HERE = new URL("../", import.meta.url);
const ROOT = fileURLToPath(new URL("../../", HERE));
const REPORT = fileURLToPath(new URL("report.md", HERE));
const budgets = JSON.parse(readFileSync(new URL("budgets.json", HERE), "utf8")) as Budgets;

const check = process.argv.includes("--check");
const measured = [];
const published = publishedEntries(ROOT);
for (const entry of [...published, ...functionEntries(published)]) {
  measured.push(await measure(entry));
}
const verdicts = judge(measured, budgets);
const report = renderReport(verdicts);

for (const { entry, charged, budget, ok } of verdicts) {
  const limit = budget === undefined ? "no budget" : `budget ${budget}`;
  const which = charged === entry.full ? "with deps" : "own";
  console.log(
    `${ok ? "ok  " : "FAIL"} ${entry.specifier}: ${charged.gzip} B gzip ${which} (${limit})`,
  );
}
let failed = verdicts.some((v) => !v.ok);
if (check) {
  let committed = "";
  try {
    committed = readFileSync(REPORT, "utf8");
  } catch {}
  const problems = compareWithCommitted(measured, committed);
  for (const problem of problems) console.error(`differs from report.md: ${problem}`);
  if (problems.length > 0) {
    console.error("internal/size/report.md is out of date: run `pnpm size` and commit it");
    failed = true;
  } else if (committed !== report) {
    console.log("note: sizes drifted a little since report.md was written (within tolerance)");
  }
} else {
  writeFileSync(REPORT, report);
  console.log(`wrote ${REPORT}`);
}
if (failed) process.exitCode = 1;
