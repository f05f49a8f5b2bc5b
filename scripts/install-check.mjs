// `node scripts/install-check.mjs` (a step of `pnpm run ci`): what a user gets from npm.
// Packs every published package and installs the tarballs with npm into a fresh project
// outside the workspace (scripts/pack-install.mjs; npy's fflate comes from the npm registry
// or npm's cache), and runs against them a
// consumer script, a strict TypeScript file and a browser bundle (scripts/install-check/),
// the `pybuf` bin, and checks of the manifests and source maps. Run after the build.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { npmInstall, packAll, runChecked } from "./pack-install.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FILES = join(ROOT, "scripts", "install-check");
const work = mkdtempSync(join(tmpdir(), "pybuffer-install-"));
const tarballs = join(work, "tarballs");
const project = join(work, "project");
const started = performance.now();
const lap = (what) =>
  process.env.PYBUFFER_INSTALL_CHECK_TIMES &&
  console.log(`${what}: ${((performance.now() - started) / 1000).toFixed(1)}s`);

function fail(message) {
  console.error(`install check: ${message}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}

/** Runs `step`; an error it throws ends the check with its message. */
function attempt(step) {
  try {
    return step();
  } catch (error) {
    return fail(error.message);
  }
}

function run(what, command, args, cwd, env = process.env) {
  return attempt(() => runChecked(what, command, args, cwd, env));
}

const packed = attempt(() => packAll(tarballs));
lap("packed");

cpSync(FILES, project, { recursive: true });
attempt(() => npmInstall(project, "pybuffer-install-check", packed, { offline: false }));

lap("installed");
// The manifests name no private package; the source maps carry their sources.
for (const name of readdirSync(join(project, "node_modules", "@pybuffer"))
  .map((n) => `@pybuffer/${n}`)
  .concat("pybuffer")) {
  const dir = join(project, "node_modules", name);
  const manifest = readFileSync(join(dir, "package.json"), "utf8");
  if (manifest.includes("@pybuffer-internal/"))
    fail(`${name}'s package.json names a private package`);
  if (manifest.includes("workspace:")) fail(`${name}'s package.json keeps a workspace: range`);
  const map = JSON.parse(readFileSync(join(dir, "dist", "index.js.map"), "utf8"));
  if (!Array.isArray(map.sourcesContent) || typeof map.sourcesContent[0] !== "string") {
    fail(`${name}'s dist/index.js.map carries no sourcesContent`);
  }
}

run("the consumer script", process.execPath, ["consumer.mjs"], project);
lap("consumer");
const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
run("the strict TypeScript file", process.execPath, [tsc, "-p", "tsconfig.json"], project);
lap("tsc");
const esbuild = join(ROOT, "internal", "size", "node_modules", ".bin", "esbuild");
run(
  "the browser bundle",
  esbuild,
  [
    "browser.mjs",
    "--bundle",
    "--platform=browser",
    "--format=esm",
    "--outfile=bundle.js",
    "--log-level=warning",
  ],
  project,
);
const bundle = readFileSync(join(project, "bundle.js"), "utf8");
if (/from\s*["']node:|require\(["']node:/.test(bundle))
  fail("the browser bundle imports node: modules");
run(
  "the browser bundle",
  process.execPath,
  [
    "-e",
    `import("./bundle.js").then(() => {
  const [n, text] = globalThis.result;
  if (n !== -2 || !text.startsWith("<memory format='H'")) process.exit(1);
})`,
  ],
  project,
);
lap("bundle");
const tour = run("npx pybuf", "npx", ["--offline", "pybuf"], project, {
  ...process.env,
  PYBUF_PROG: "",
});
if (
  !tour.includes("$ npx pybuf layout") ||
  !tour.includes("node_modules/@pybuffer/cli/sample/tone.wav")
) {
  fail(`the tour does not print its commands as typed here:\n${tour.slice(0, 600)}`);
}
run("pybuf sample", "npx", ["--offline", "pybuf", "sample", "tone.wav"], project);
run("pybuf hex", "npx", ["--offline", "pybuf", "hex", "tone.wav", "--length", "4"], project);

rmSync(work, { recursive: true, force: true });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`install check: ${packed.length} tarballs installed with npm and used (${seconds}s)`);
