/**
 * The packages as npm installs them, for the start sections' `(npm install)` rows: every
 * published package packed and installed from its tarball into a temporary project
 * (`scripts/pack-install.mjs`, as CI's install check does), so `node_modules` is npm's flat
 * layout (each package once, real folders, no symbolic links to follow) and holds only the
 * files and `exports` a user gets. Made at most once per bench run, shared by every start
 * section, removed when the run ends. Offline only: a bench run never reaches the registry.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { npmInstall, packAll } from "../../../../scripts/pack-install.mjs";
import type { Scale } from "../case.js";

/** The folder of a project holding the installed packages, or why there is none. */
export type Installed = string | { readonly unavailable: string };

let installed: Installed | undefined;

/**
 * Why a command failed, in one line: its error's first line (the command, cut short) and the
 * first line of its output (npm's `npm error code ENOTCACHED`, …).
 */
export function failure(error: unknown): string {
  const lines = String(error instanceof Error ? error.message : error)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const head = lines[0] ?? "";
  const short = head.length > 100 ? `${head.slice(0, 100)}…` : head;
  return lines.length > 1 ? `${short}: ${lines[1]}` : short;
}

/** The project with the packages installed by npm, made on the first call of the run. */
export function npmInstalled(scale: Scale): Installed {
  if (scale === "quick") {
    return {
      unavailable:
        "left out of --quick (packing and installing every package takes ~5 s; CI's install check does it)",
    };
  }
  if (installed !== undefined) return installed;
  const work = mkdtempSync(join(tmpdir(), "pybuffer-bench-npm-"));
  process.on("exit", () => rmSync(work, { recursive: true, force: true }));
  const project = join(work, "project");
  try {
    mkdirSync(project);
    const tarballs = packAll(join(work, "tarballs"));
    npmInstall(project, "pybuffer-bench-start", tarballs, { offline: true });
    installed = project;
  } catch (error) {
    installed = { unavailable: `not installed with npm --offline: ${failure(error)}` };
  }
  return installed;
}
