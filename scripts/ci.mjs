// `pnpm run ci`: everything CI checks, in order, stopping at the first failing step with its
// name. The last line is the test count (`tests: N passed, M failed`), which CI reads.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const RESULTS = ".vitest-results.json";
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
  ["tests", `vitest run --reporter=default --reporter=json --outputFile.json=${RESULTS}`],
  ["vectors", "turbo run vectors:check --filter=@pybuffer-internal/oracle"],
  ["size", "turbo run size:check --filter=@pybuffer-internal/size"],
  ["bench smoke", "turbo run bench --log-prefix=none --filter=@pybuffer-internal/bench -- --quick"],
];

/** The closing line CI reads, from vitest's JSON report; null when there is none. */
function testCount() {
  if (!existsSync(RESULTS)) return null;
  const r = JSON.parse(readFileSync(RESULTS, "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped, total: r.numTotalTests };
}

function finish(code, count) {
  if (count) {
    const skipped = count.skipped > 0 ? `, ${count.skipped} skipped` : "";
    console.log(`tests: ${count.passed} passed, ${count.failed} failed${skipped}`);
  }
  process.exit(code);
}

rmSync(RESULTS, { force: true });
if (!existsSync(CHROMIUM)) {
  console.log(
    `note: ${CHROMIUM} not found, so the browser test project is left out ` +
      "(install Debian's chromium, or set PYBUFFER_CHROMIUM; .ci/run installs it)",
  );
}
let count = null;
const started = performance.now();
for (const [index, [name, command]] of STEPS.entries()) {
  console.log(`\n=== [${index + 1}/${STEPS.length}] ${name}: ${command}`);
  const t0 = performance.now();
  const run = spawnSync(command, { shell: true, stdio: "inherit", env });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (name === "tests") {
    count = testCount();
    if (run.status === 0 && (count === null || count.total === 0)) {
      console.error("ci: the test step ran no test");
      finish(1, count);
    }
  }
  if (run.status !== 0) {
    console.error(
      `\nci: step "${name}" failed (exit ${run.status ?? run.signal}) after ${seconds}s`,
    );
    finish(1, count);
  }
  console.log(`=== ${name}: ok (${seconds}s)`);
}
console.log(
  `\nci: all ${STEPS.length} steps passed in ${((performance.now() - started) / 1000).toFixed(0)}s`,
);
finish(0, count);
