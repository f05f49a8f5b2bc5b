// `pnpm run ci`: everything CI checks, in order, stopping at the first failing step with its
// name. The last line is the test count (`tests: N passed, M failed`), which CI reads.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { nodeBinary, TESTED_NODES } from "./node-versions.mjs";

const CHROMIUM = process.env.PYBUFFER_CHROMIUM ?? "/usr/bin/chromium";
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };

const STEPS = [
  ["build", "turbo run build --output-logs=errors-only"],
  ["typecheck", "tsc -b tsconfig.json"],
  ["typecheck tests", "tsc -p tsconfig.test.json"],
  ["lint", "biome check ."],
  ["layers", "turbo run layers --log-prefix=none --filter=@pybuffer-internal/layer-check"],
  ["check:pkg", "turbo run check:pkg --output-logs=errors-only"],
  ["install check", "node scripts/install-check.mjs"],
  ["types", "turbo run types:check --log-prefix=none --filter=@pybuffer-internal/types-check"],
  ["docs", "typedoc"],
  ["changesets", "changeset status"],
  // The Node test project once per supported Node version (node-versions.json), each
  // fetched from the npm registry by npx; the browser project once, in Debian's Chromium.
  ...TESTED_NODES.map((version) => testStep(`Node ${version}`, version)),
  ...(existsSync(CHROMIUM) ? [testStep("Chromium")] : []),
  ["vectors", "turbo run vectors:check --filter=@pybuffer-internal/oracle"],
  ["size", "turbo run size:check --filter=@pybuffer-internal/size"],
  ["bench smoke", "turbo run bench --log-prefix=none --filter=@pybuffer-internal/bench -- --quick"],
];

/**
 * A test step: vitest's Node project under the pinned `nodeVersion` (its binary fetched
 * when the step starts), or the browser project when there is none. Each writes its own
 * JSON report, read for the summary.
 */
function testStep(label, nodeVersion) {
  const results = `.vitest-results-${label.replace(/\W+/g, "-")}.json`;
  const project = nodeVersion === undefined ? "browser" : "node";
  const args = `run --project ${project} --reporter=default --reporter=json --outputFile.json=${results}`;
  const command = () =>
    nodeVersion === undefined
      ? `vitest ${args}`
      : `"${nodeBinary(nodeVersion)}" node_modules/vitest/vitest.mjs ${args}`;
  return [`tests on ${label}`, command, { label, results }];
}

/** A test step's counts, from its vitest JSON report; null when there is none. */
function testCount(results) {
  if (!existsSync(results)) return null;
  const r = JSON.parse(readFileSync(results, "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped, total: r.numTotalTests };
}

const line = (c) =>
  `${c.passed} passed, ${c.failed} failed${c.skipped > 0 ? `, ${c.skipped} skipped` : ""}`;

/** One line per test step that ran, then the total over all of them, which CI reads last. */
function finish(code, counts) {
  if (counts.length > 0) {
    console.log("");
    for (const [label, count] of counts) console.log(`  ${label}: ${line(count)}`);
    const sum = (key) => counts.reduce((n, [, c]) => n + c[key], 0);
    console.log(
      `tests: ${line({ passed: sum("passed"), failed: sum("failed"), skipped: sum("skipped") })}`,
    );
  }
  process.exit(code);
}

for (const file of readdirSync(".")) if (file.startsWith(".vitest-results")) rmSync(file);
if (!existsSync(CHROMIUM)) {
  console.log(
    `note: ${CHROMIUM} not found, so the browser test project is left out ` +
      "(install Debian's chromium, or set PYBUFFER_CHROMIUM; .ci/run installs it)",
  );
}
const counts = [];
const started = performance.now();
for (const [index, [name, given, test]] of STEPS.entries()) {
  const t0 = performance.now();
  let command;
  try {
    command = typeof given === "function" ? given() : given;
  } catch (error) {
    console.error(`\nci: step "${name}" could not start: ${error.message}`);
    finish(1, counts);
  }
  console.log(`\n=== [${index + 1}/${STEPS.length}] ${name}: ${command}`);
  const run = spawnSync(command, { shell: true, stdio: "inherit", env });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (test !== undefined) {
    const count = testCount(test.results);
    if (count !== null) counts.push([test.label, count]);
    if (run.status === 0 && (count === null || count.total === 0)) {
      console.error(`ci: the step "${name}" ran no test`);
      finish(1, counts);
    }
  }
  if (run.status !== 0) {
    console.error(
      `\nci: step "${name}" failed (exit ${run.status ?? run.signal}) after ${seconds}s`,
    );
    finish(1, counts);
  }
  console.log(`=== ${name}: ok (${seconds}s)`);
}
console.log(
  `\nci: all ${STEPS.length} steps passed in ${((performance.now() - started) / 1000).toFixed(0)}s`,
);
finish(0, counts);
