/**
 * `pybuf unpack` over a generated 200 MiB file, measured, not assumed: the child
 * reports its peak RSS (`process.resourceUsage().maxRSS`, under PYBUF_REPORT_RSS=1) and
 * the output is checked line by line as it streams, without keeping it.
 */
import { spawn } from "node:child_process";
import { closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureDir, MAIN } from "./pybuf.js";

const RECORD = 4096; // '<Q:id: d:half: 4080x'
const RECORDS = 51_200; // 200 MiB
const FORMAT = "<Q:id: d:half: 4080x";
const fixtures = fixtureDir();
let big = "";

beforeAll(() => {
  big = join(fixtures.dir, "big.bin");
  const fd = openSync(big, "w");
  const perChunk = 1024;
  const chunk = new Uint8Array(perChunk * RECORD);
  const view = new DataView(chunk.buffer);
  for (let first = 0; first < RECORDS; first += perChunk) {
    for (let i = 0; i < perChunk; i++) {
      view.setBigUint64(i * RECORD, BigInt(first + i), true);
      view.setFloat64(i * RECORD + 8, (first + i) / 2, true);
    }
    writeSync(fd, chunk);
  }
  closeSync(fd);
});
afterAll(() => fixtures.remove());

interface Streamed {
  lines: number;
  bad: string[];
  last: string;
  status: number | null;
  stderr: string;
}

function stream(args: string[], check: (line: string, n: number) => boolean): Promise<Streamed> {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...process.env, PYBUF_REPORT_RSS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const result: Streamed = { lines: 0, bad: [], last: "", status: null, stderr: "" };
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    result.stderr += text;
  });
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on("line", (line) => {
    if (!check(line, result.lines) && result.bad.length < 5) result.bad.push(line);
    result.lines++;
    result.last = line;
  });
  return new Promise((resolve) => {
    child.on("close", (status) => {
      result.status = status;
      resolve(result);
    });
  });
}

function peakMiB(stderr: string): number {
  const match = /pybuf: peak RSS (\d+) KiB/.exec(stderr);
  expect(match, stderr).not.toBeNull();
  return Number(match![1]) / 1024;
}

describe("pybuf unpack streams a 200 MiB file in constant memory", () => {
  it("prints every record, with peak RSS far below the file's size", async () => {
    const run = await stream(["unpack", FORMAT, big, "--output", "csv"], (line, n) =>
      n === 0
        ? line === "id,half"
        : line === `${n - 1},${(n - 1) / 2}${(n - 1) % 2 === 0 ? ".0" : ""}`,
    );
    expect(run.status).toBe(0);
    expect(run.bad).toEqual([]);
    expect(run.lines).toBe(RECORDS + 1);
    expect(run.last).toBe("51199,25599.5");
    const peak = peakMiB(run.stderr);
    // The same command over the first MiB only: what Node and pybuf take at all.
    const small = await stream(["unpack", FORMAT, big, "--count", "256", "-O", "csv"], () => true);
    const baseline = peakMiB(small.stderr);
    console.log(
      `pybuf unpack of 200 MiB: peak RSS ${peak.toFixed(1)} MiB (over 1 MiB: ${baseline.toFixed(1)} MiB)`,
    );
    expect(peak).toBeLessThan(150);
    expect(peak - baseline).toBeLessThan(32);
  });

  it("reads only what --offset and --count select", async () => {
    const run = await stream(
      ["unpack", FORMAT, big, "--offset", String(51_000 * RECORD), "--count", "3", "-O", "tuple"],
      (line, n) => line === `(${51_000 + n}, ${(51_000 + n) / 2}${n % 2 === 0 ? ".0" : ""})`,
    );
    expect([run.status, run.bad, run.lines]).toEqual([0, [], 3]);
  });
});
