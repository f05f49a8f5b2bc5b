/**
 * The built `pybuf`, spawned as users run it (the package's bin, `bin/pybuf.cjs`, which
 * answers `--help` and `--version` from `dist/node/help.cjs` and runs `dist/node/main.js`
 * for the rest), and fixture files in a temporary directory. `pnpm run ci` builds before
 * testing.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const MAIN: string = fileURLToPath(new URL("../bin/pybuf.cjs", import.meta.url));
export const SAMPLE: string = fileURLToPath(new URL("../sample/tone.wav", import.meta.url));

/** The result of one run: exit status, stdout, stderr. */
export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `pybuf ...args` to completion, without colour. */
export function pybuf(...args: string[]): Run {
  return pybufWith({ NO_COLOR: "1", FORCE_COLOR: "" }, ...args);
}

/** Runs `pybuf ...args` to completion with `extra` in its environment. */
export function pybufWith(extra: Record<string, string>, ...args: string[]): Run {
  const env = { ...process.env, ...extra };
  const run = spawnSync(process.execPath, [MAIN, ...args], { encoding: "utf8", env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A temporary directory for fixtures, and a function that removes it. */
export function fixtureDir(): {
  dir: string;
  file(name: string, hex: string): string;
  remove(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), "pybuf-test-"));
  return {
    dir,
    file(name, hex) {
      const path = join(dir, name);
      writeFileSync(path, Buffer.from(hex, "hex"));
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
