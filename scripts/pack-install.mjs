// What a user gets from npm: every published package packed (`pnpm pack`, which rewrites
// `workspace:` ranges as `changeset publish` does) and the tarballs installed with npm into
// a project outside the workspace, in npm's flat `node_modules` layout. Used by the install
// check (scripts/install-check.mjs) and by the bench's start section (`import "pybuffer"`
// as npm installs it). Run after the build: the tarballs hold the built `dist/`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Runs `command args` in `cwd` and returns its stdout; throws with its output if it fails. */
export function runChecked(what, command, args, cwd, env = process.env) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? result.error?.message ?? ""}`;
    throw new Error(`${what} failed (${command} ${args.join(" ")})\n${output}`);
  }
  return result.stdout;
}

/** The pnpm that runs this script (`pnpm run ci`, `pnpm bench`), or the pinned one via npx. */
function pnpm() {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: pnpm's own path, not a task input
  const execPath = process.env.npm_execpath ?? "";
  return execPath.includes("pnpm")
    ? [process.execPath, execPath]
    : ["npx", "--yes", "pnpm@10.34.9"];
}

/**
 * Packs every published (not private) package under `packages/` into `destination` and
 * returns the tarballs' paths; throws when a pack fails or a package is missing.
 */
export function packAll(destination) {
  const packages = readdirSync(join(ROOT, "packages")).filter((dir) => {
    const path = join(ROOT, "packages", dir, "package.json");
    return existsSync(path) && JSON.parse(readFileSync(path, "utf8")).private !== true;
  });
  const [command, ...prefix] = pnpm();
  // One recursive pack: most of a pack's time is pnpm starting up.
  const args = ["-r", "--filter", "./packages/**", "pack", "--pack-destination", destination];
  runChecked("pnpm pack", command, [...prefix, ...args], ROOT);
  const packed = readdirSync(destination).map((file) => join(destination, file));
  if (packed.length !== packages.length) {
    throw new Error(`packed ${packed.length} of ${packages.length} packages`);
  }
  return packed;
}

/**
 * Makes `project` an ES module project named `name` (its package.json) and installs
 * `tarballs` there with npm. The packages' one outside dependency (npy's fflate) comes from
 * npm's cache, and from the registry only when `offline` is false.
 */
export function npmInstall(project, name, tarballs, { offline }) {
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name, private: true, type: "module" }),
  );
  const args = ["install", offline ? "--offline" : "--prefer-offline"];
  args.push("--no-audit", "--no-fund", "--loglevel=error", ...tarballs);
  runChecked("npm install", "npm", args, project);
}
