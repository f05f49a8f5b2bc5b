/**
 * CPython's rows: the section's inputs are written to a temp folder, `py/bench.py` runs
 * under python3.13 (the project's reference interpreter, found as the oracle finds it) on
 * those same bytes, checks its results and prints per-round timings.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { findPython, type PythonCommand } from "@pybuffer-internal/oracle";
import type { Timing } from "./harness.js";

const SCRIPT = fileURLToPath(new URL("../py/bench.py", import.meta.url));
const NUMPY_SCRIPT = fileURLToPath(new URL("../py/bench_npy.py", import.meta.url));

export interface PythonRow {
  readonly name: string;
  readonly samplesNs: number[];
}

/** The interpreter, or the reason there is none. */
export function cpython(): PythonCommand | string {
  return findPython("3.13") ?? "python3.13 not found (pyenv 3.13.0 or PYBUFFER_PYTHON313)";
}

/** The interpreter with NumPy (plain `python3`), or the reason there is none. */
export function numpyPython(): PythonCommand | string {
  return findPython("numpy") ?? "no python3 with NumPy found";
}

export function runPython(
  python: PythonCommand,
  section: string,
  files: Record<string, Uint8Array | string>,
  timing: Timing,
  numpy = false,
): PythonRow[] {
  const dir = mkdtempSync(join(tmpdir(), "pybuffer-bench-"));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const args = [
      numpy ? NUMPY_SCRIPT : SCRIPT,
      dir,
      String(timing.rounds),
      String(timing.warmup),
      section,
    ];
    const run = spawnSync(python.command, args, {
      env: python.env,
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    if (run.status !== 0) {
      throw new Error(`CPython ${section} failed (${run.status ?? run.signal}):\n${run.stderr}`);
    }
    return run.stdout
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as { name: string; samples_ns: number[] })
      .map((r) => ({ name: r.name, samplesNs: r.samples_ns }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
