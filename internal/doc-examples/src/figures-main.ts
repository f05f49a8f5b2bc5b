/**
 * `pnpm figures` rewrites every figure of the docs from the committed reports
 * (`figures.ts`); run it after `pnpm size` or `pnpm bench` has rewritten a report.
 * `--check` only lists the figures that differ, and fails when there are any.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./blocks.js";
import { docsWithFigures, renderFigures, staleFigures } from "./figures.js";
import { committedReports } from "./report-tables.js";

const check = process.argv.includes("--check");
const reports = committedReports();
let failed = false;
for (const doc of docsWithFigures()) {
  const path = join(ROOT, doc);
  const text = readFileSync(path, "utf8");
  const problems = staleFigures(text, reports);
  if (problems.length === 0) continue;
  if (check || problems.some((p) => !p.includes("the report says"))) {
    for (const p of problems) console.error(`${doc}: ${p}`);
    failed = true;
    continue;
  }
  writeFileSync(path, renderFigures(text, reports));
  console.log(`${doc}: ${problems.length} figure(s) rewritten`);
}
if (failed) {
  console.error(check ? "run `pnpm figures` and commit the docs" : "fix the figures named above");
  process.exitCode = 1;
}
