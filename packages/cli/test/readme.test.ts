/**
 * The README's shell examples, run: each `$ pybuf …` line of a ```console block is
 * spawned, in order, in an empty directory (the first makes the sample file there, as a
 * reader does) and its stdout and stderr together must be the lines that follow it.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureDir, MAIN } from "./pybuf.js";

const HERE = fixtureDir();
afterAll(() => HERE.remove());
const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** Shell words of a command line: plain words and '…' single-quoted ones. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

function examples(): { command: string; output: string }[] {
  const found: { command: string; output: string }[] = [];
  for (const block of README.matchAll(/^```console\n([\s\S]*?)^```$/gm)) {
    for (const part of block[1]!.split(/^(?=\$ )/m)) {
      const [command = "", ...output] = part.split("\n");
      found.push({ command: command.slice(2), output: output.join("\n") });
    }
  }
  return found;
}

describe("README examples", () => {
  const all = examples();

  it("are there", () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it.each(all)("$ $command", ({ command, output }) => {
    const [name, ...args] = words(command);
    expect(name).toBe("pybuf");
    const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", PYBUF_PROG: "" };
    const run = spawnSync(process.execPath, [MAIN, ...args], {
      cwd: HERE.dir,
      encoding: "utf8",
      env,
    });
    expect(run.stdout + run.stderr).toBe(output);
  });
});
