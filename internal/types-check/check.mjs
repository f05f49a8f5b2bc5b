// `pnpm run types:check`: compiles two consumers of the published packages against their
// built declarations (`dist/*.d.ts`, through the `exports` maps, skipLibCheck off) with the
// oldest TypeScript the packages support and the newest the repo uses:
//   consumer/all.ts      every entry point, Node 16+ resolution, with Node's types;
//   consumer/browser.ts  the browser-safe packages, bundler resolution, without Node's types.
// 5.7 is the floor: the declarations use generic typed arrays (`Uint8Array<ArrayBuffer>`),
// which older versions reject ("Type 'Uint8Array' is not generic").
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const COMPILERS = [
  ["oldest", require.resolve("typescript-oldest/bin/tsc")],
  ["newest", require.resolve("typescript/bin/tsc")],
];
const PROJECTS = ["tsconfig.consumer.json", "tsconfig.browser.json"];

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
process.exit(failed === 0 ? 0 : 1);
