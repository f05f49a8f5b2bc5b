/**
 * `pnpm figures` rewrites every figure of the docs from the committed reports
 * (`figures.ts`); run it after `pnpm size` or `pnpm bench` has rewritten a report.
 * `--check` only lists the figures that differ, and fails when there are any. A figure
 * that names no row or column of its report fails both, and is listed with its line.
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
  let fresh: string;
  try {
    fresh = renderFigures(text, reports);
  } catch {
    fresh = text;
    failed = true;
  }
  if (fresh === text || check) {
    for (const p of staleFigures(text, reports)) console.error(`${doc}: ${p}`);
    failed ||= fresh !== text;
    continue;
  }
  writeFileSync(path, fresh);
  console.log(`${doc}: figures rewritten`);
}
if (failed) {
  console.error(check ? "run `pnpm figures` and commit the docs" : "fix the figures named above");
  process.exitCode = 1;
}
