/**
 * The bin users get (`bin/pybuf.cjs`, CommonJS) beside the ES module CLI it hands every
 * other command line to (`dist/node/main.js`, which `pnpm pybuf` runs): the bin answers
 * `--help` and `--version` from the CommonJS build of `src/help.ts`, without loading the
 * CLI, and both print `helpText`'s text (one source); everything else gives the same
 * output, status and stderr through either.
 */
import { spawnSync } from "node:child_process";
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
} from "node:fs";
import module from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { helpText } from "../src/help.js";
import { fixtureDir, MAIN, type Run, SAMPLE } from "./pybuf.js";

const PACKAGE = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(PACKAGE, "dist", "node", "main.js");
const manifest = JSON.parse(readFileSync(join(PACKAGE, "package.json"), "utf8")) as {
  version: string;
  bin: Record<string, string>;
};
const fixtures = fixtureDir();
afterAll(() => fixtures.remove());

/** Runs `node file ...args`; `extra` sets variables of the environment, or (undefined) removes them. */
function spawnRun(
  file: string,
  args: string[],
  extra: Record<string, string | undefined> = {},
): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", ...extra };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const run = spawnSync(process.execPath, [file, ...args], { encoding: "utf8", env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("bin/pybuf.cjs", () => {
  it("is the package's bin", () => {
    expect(join(PACKAGE, manifest.bin.pybuf!)).toBe(MAIN);
  });

  it.each([["--help"], ["-h"], ["help"], ["--version"], ["-V"]])(
    "pybuf %s prints helpText's text, as the ES module CLI does",
    (...args) => {
      const expected = { status: 0, stdout: `${helpText(args)}\n`, stderr: "" };
      expect(spawnRun(MAIN, args)).toEqual(expected);
      expect(spawnRun(CLI, args)).toEqual(expected);
    },
  );

  it("prints the package's version", () => {
    expect(helpText(["--version"])).toBe(manifest.version);
    expect(helpText(["--help"])).toMatch(/^usage: pybuf \[COMMAND \[ARGUMENTS\]\]\n/);
  });

  it("answers --help and --version without the ES module CLI", () => {
    // The bin, the CommonJS help and the manifest, and no dist/node/main.js.
    const copy = join(fixtures.dir, "cli");
    mkdirSync(join(copy, "dist", "node"), { recursive: true });
    cpSync(MAIN, join(copy, "bin", "pybuf.cjs"));
    cpSync(join(PACKAGE, "dist", "node", "help.cjs"), join(copy, "dist", "node", "help.cjs"));
    cpSync(join(PACKAGE, "package.json"), join(copy, "package.json"));
    const bin = join(copy, "bin", "pybuf.cjs");
    expect(spawnRun(bin, ["--version"])).toEqual({
      status: 0,
      stdout: `${manifest.version}\n`,
      stderr: "",
    });
    expect(spawnRun(bin, ["--help"]).stdout).toBe(`${helpText(["--help"])}\n`);
    const command = spawnRun(bin, ["calcsize", "<bq"]);
    expect([command.status, command.stderr]).toEqual([1, expect.stringMatching(/main\.js/)]);
  });

  it.each([
    [["calcsize", "<bq"]],
    [["pack", "<hd?3s", "-2", "1.5", "True", "ab"]],
    [["unpack", "<I"]],
    [["frobnicate"]],
    [["help", "calcsize"]],
    [["calcsize", "--help"]],
    [["calcsize", "<y"]],
  ])("pybuf %j runs as the ES module CLI runs it", (args) => {
    const run = spawnRun(MAIN, args);
    expect(run).toEqual(spawnRun(CLI, args));
    expect(run.stdout + run.stderr).not.toBe("");
  });

  it("runs commands: output, status and stderr", () => {
    expect(spawnRun(MAIN, ["calcsize", "<bq"])).toEqual({ status: 0, stdout: "9\n", stderr: "" });
    expect(spawnRun(MAIN, ["unpack", "<I"])).toEqual({
      status: 2,
      stdout: "",
      stderr: "pybuf unpack: missing FILE (see 'pybuf unpack --help')\n",
    });
  });

  it("writes nothing but Node's compile cache, in the temporary directory, on Node >= 22.1", () => {
    const tmp = join(fixtures.dir, "tmp");
    mkdirSync(tmp);
    for (let i = 0; i < 2; i++) {
      expect(
        spawnRun(MAIN, ["calcsize", "<bq"], {
          TMPDIR: tmp,
          NODE_COMPILE_CACHE: undefined,
          NODE_DISABLE_COMPILE_CACHE: undefined,
        }),
      ).toEqual({
        status: 0,
        stdout: "9\n",
        stderr: "",
      });
    }
    const cache = "enableCompileCache" in module ? ["node-compile-cache"] : [];
    expect(readdirSync(tmp)).toEqual(cache);
  });

  it("reports the peak RSS under PYBUF_REPORT_RSS=1, for help and commands alike", () => {
    for (const args of [["--help"], ["--version"], ["calcsize", "<bq"]]) {
      const run = spawnRun(MAIN, args, { PYBUF_REPORT_RSS: "1" });
      expect([run.status, run.stderr]).toEqual([
        0,
        expect.stringMatching(/^pybuf: peak RSS \d+ KiB\n$/),
      ]);
    }
  });
});

// Output that cannot be written: /dev/full (Linux) fails every write with ENOSPC, and a
// pipe whose reader has already gone (`pybuf --help | :`) with EPIPE.
const FULL = "/dev/full";
const hasFull = existsSync(FULL);
if (!hasFull) console.warn(`[bin] no ${FULL} on this system: skipping its write-error tests`);
const hasBash = spawnSync("bash", ["-c", "exit 0"]).status === 0;
if (!hasBash) console.warn("[bin] no bash on this system: skipping the closed-pipe tests");

/** `node file ...args > /dev/full`: the status and stderr. */
function intoFullDisk(file: string, args: string[]): [number | null, string] {
  const full = openSync(FULL, "w");
  try {
    const run = spawnSync(process.execPath, [file, ...args], {
      stdio: ["ignore", full, "pipe"],
      encoding: "utf8",
    });
    return [run.status, run.stderr];
  } finally {
    closeSync(full);
  }
}

describe("pybuf --help and --version into output that cannot be written", () => {
  (hasFull ? it : it.skip).each([["--help"], ["-h"], ["help"], ["--version"], ["-V"]])(
    `pybuf %s > ${FULL}: one OSError line and status 1, as a command's output`,
    (...args) => {
      const expected = [1, "OSError: [Errno 28] No space left on device\n"];
      // What every command prints there (errors.test.ts: python3.13 -c "print('x')").
      expect(intoFullDisk(MAIN, ["hex", SAMPLE])).toEqual(expected);
      expect(intoFullDisk(MAIN, args)).toEqual(expected);
      expect(intoFullDisk(CLI, args)).toEqual(expected);
    },
  );

  (hasBash ? it : it.skip).each([["--help"], ["--version"], ["calcsize", "<bq"]])(
    "pybuf %s | : (a reader gone before the first write) ends quietly, status 0",
    (...args) => {
      for (const file of [MAIN, CLI]) {
        // `:` exits at once, so node's write meets a pipe with no reader (EPIPE); the
        // script exits with node's status ($PIPESTATUS, the first command's).
        const script = '"$@" | :; exit $PIPESTATUS';
        const run = spawnSync("bash", ["-c", script, "bash", process.execPath, file, ...args], {
          encoding: "utf8",
        });
        expect([run.status, run.stderr]).toEqual([0, ""]);
      }
    },
  );
});
