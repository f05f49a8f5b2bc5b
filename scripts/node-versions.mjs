// The Node versions the tests run on, pinned in node-versions.json, and their binaries:
// each is the npm registry's `node` package at that version, installed into npx's cache on
// first use (about 7 s), so a machine with only Node and npm can run every version.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const table = JSON.parse(readFileSync(new URL("../node-versions.json", import.meta.url), "utf8"));

/** The pinned versions, oldest first (`["20.19.0", …]`). */
export const TESTED_NODES = Object.values(table.versions);

/** The full pinned version for a major (`"24"` → `"24.21.0"`), or the version itself. */
export function pinnedNode(version) {
  return table.versions[version] ?? version;
}

/** The path of the `node` binary of `version`, fetched by npx when it is not cached yet. */
export function nodeBinary(version) {
  const pinned = pinnedNode(version);
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  // npm's warnings about pnpm's settings in the environment would only be noise here;
  // a failure still shows them, in the error's message.
  const path = execFileSync(npx, ["--yes", `node@${pinned}`, "-p", "process.execPath"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
  const reported = execFileSync(path, ["-v"], { encoding: "utf8" }).trim();
  if (reported !== `v${pinned}`) throw new Error(`node@${pinned} reports ${reported}`);
  return path;
}
