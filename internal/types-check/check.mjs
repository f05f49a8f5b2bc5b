// `pnpm run types:check`: compiles two consumers of the published packages against their
// built declarations (`dist/*.d.ts`, through the `exports` maps, skipLibCheck off) with the
// oldest TypeScript the packages support and the newest the repo uses:
//   consumer/all.ts      every entry point, Node 16+ resolution, with Node's types;
//   consumer/browser.ts  the browser-safe packages, bundler resolution, without Node's types;
//   typed/*.test-d.ts    the types that know the format (type tests: `@ts-expect-error` for
//                        every misuse), then a budget on the checker's work for them.
// 5.7 is the floor: the declarations use generic typed arrays (`Uint8Array<ArrayBuffer>`),
// which older versions reject ("Type 'Uint8Array' is not generic").
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const COMPILERS = [
  ["oldest", require.resolve("typescript-oldest/bin/tsc")],
  ["newest", require.resolve("typescript/bin/tsc")],
];
const PROJECTS = ["tsconfig.consumer.json", "tsconfig.browser.json", "tsconfig.typed.json"];

let failed = 0;
for (const [label, tsc] of COMPILERS) {
  const version = require(tsc.replace(/bin\/tsc$/, "package.json")).version;
  for (const project of PROJECTS) {
    const run = spawnSync(process.execPath, [tsc, "-p", project], { encoding: "utf8" });
    const ok = run.status === 0;
    console.log(`${ok ? "ok  " : "FAIL"} TypeScript ${version} (${label}), ${project}`);
    if (!ok) {
      failed++;
      process.stdout.write(run.stdout + run.stderr);
    }
  }
}

// The budget of the type tests (`tsc --extendedDiagnostics`, newest TypeScript, our files
// only): measured 259,430 instantiations and 10-12 s check time on a shared, loaded 2-core
// machine (0.8 s for one ordinary `unpack` call's file). A change to the type-level reader
// that costs much more fails here rather than in a user's editor.
const BUDGET = { instantiations: 350_000, checkSeconds: 45 };
const newest = COMPILERS.at(-1)[1];
const run = spawnSync(
  process.execPath,
  [newest, "-p", "tsconfig.typed.json", "--extendedDiagnostics", "--skipLibCheck"],
  { encoding: "utf8" },
);
const measured = (label) => Number(run.stdout.match(new RegExp(`${label}:\\s+([\\d.]+)`))?.[1]);
const instantiations = measured("Instantiations");
const checkSeconds = measured("Check time");
const within =
  run.status === 0 &&
  instantiations <= BUDGET.instantiations &&
  checkSeconds <= BUDGET.checkSeconds;
console.log(
  `${within ? "ok  " : "FAIL"} type tests' budget: ${instantiations} instantiations ` +
    `(at most ${BUDGET.instantiations}), check time ${checkSeconds}s (at most ${BUDGET.checkSeconds}s)`,
);
if (!within) failed++;
process.exit(failed === 0 ? 0 : 1);
