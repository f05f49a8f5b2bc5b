/**
 * Issue #19 items 4 and 10: hostile formats and shapes on the command line stay small
 * and fast (nothing is built from the format before the file's size is checked, lists
 * are truncated by count, nested or not), a failed `pack -o` leaves no partial file,
 * and bad JSON values print a Python-style error line.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureDir, MAIN, pybuf } from "./pybuf.js";

const fixtures = fixtureDir();
const one = fixtures.file("one.bin", "61");
const empty = fixtures.file("empty.bin", "");
afterAll(() => fixtures.remove());

/** Runs pybuf under a memory limit (V8 heap) and a time limit. */
function bounded(...args: string[]) {
  const run = spawnSync(process.execPath, ["--max-old-space-size=256", MAIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 20_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("formats of huge records", () => {
  it("unpack 100000000B on a 1-byte file: the size error, at once", () => {
    expect(bounded("unpack", "100000000B", one)).toEqual({
      status: 1,
      stdout: "",
      stderr:
        "struct.error: iterative unpacking requires a buffer of a multiple of 100000000 bytes\n",
    });
  });

  it("a record of more values than pybuf prints is refused before anything is built", () => {
    const line = "ValueError: pybuf prints records of at most 65536 values, not 100000000\n";
    expect(bounded("unpack", "100000000B", empty).stderr).toBe(line);
    expect(bounded("pack", "100000000B", "1").stderr).toBe(line);
    expect(bounded("unpack", "65536B", empty).status).toBe(0);
  });
});

describe("view of shapes with a zero extent", () => {
  it("--max-items counts nested lists: (3000, 3000, 0) prints a few lines", () => {
    const run = bounded("view", empty, "--format", "B", "--shape", "3000,3000,0");
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeLessThan(1000);
    expect(run.stdout).toContain("...");
  });

  it("(10000, 10000, 0) finishes", () => {
    const run = bounded("view", empty, "--format", "B", "--shape", "10000,10000,0");
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeLessThan(1000);
  });

  it("small shapes with a zero print whole, as tolist()", () => {
    expect(pybuf("view", empty, "--format", "B", "--shape", "2,0").stdout).toContain("[[],\n []]");
  });
});

describe("pack -o", () => {
  it("writes the file whole, replacing what was there", () => {
    const target = join(fixtures.dir, "out.bin");
    writeFileSync(target, "old contents");
    expect(pybuf("pack", "<I", "7", "-o", target).status).toBe(0);
    expect(readFileSync(target)).toEqual(Buffer.from([7, 0, 0, 0]));
  });

  it("a failed write (a file-size limit) leaves neither a partial file nor a temporary", () => {
    const target = join(fixtures.dir, "big.bin");
    const run = spawnSync(
      "sh",
      ["-c", `ulimit -f 1; exec "$0" "$@"`, process.execPath, MAIN, "pack", "5000x", "-o", target],
      {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("OSError: [Errno 27] File too large\n");
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(fixtures.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("record and sub-array values that are not JSON", () => {
  it("print a ValueError line naming the value", () => {
    const run = pybuf("pack", "T{b}", "True");
    expect({ status: run.status, stderr: run.stderr }).toEqual({
      status: 1,
      stderr: "ValueError: could not convert string to a record or sub-array (JSON): 'True'\n",
    });
    expect(pybuf("pack", "(2)b", "[1,").stderr).toBe(
      "ValueError: could not convert string to a record or sub-array (JSON): '[1,'\n",
    );
    expect(pybuf("pack", "(2)b", "[1, 2]").stdout).toBe("0102\n");
  });
});
