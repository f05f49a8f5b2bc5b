/** Vitest helpers for live-oracle property tests. */
import { afterAll, describe } from "vitest";
import { LivePython } from "./live.js";
import type { PythonKind } from "./python.js";

/**
 * `describe` with a live interpreter: the suite gets a started {@link LivePython}.
 * Without that interpreter on the machine the suite is skipped and says why.
 */
export function describeWithPython(
  kind: PythonKind,
  name: string,
  body: (python: () => LivePython) => void,
): void {
  const python = LivePython.start(kind);
  if (python === null) {
    console.warn(`[oracle] Python ${kind} not found: skipping live-oracle suite "${name}"`);
    describe.skip(`${name} (no Python ${kind} on this machine)`, () => body(unavailable));
    return;
  }
  describe(`${name} (live Python ${python.version})`, () => {
    afterAll(() => python.close());
    body(() => python);
  });
}

function unavailable(): never {
  throw new Error("live Python is not available");
}

/**
 * How many runs a fuzz property makes: `ci` (small, for every test run) unless the
 * environment sets `PYBUFFER_FUZZ_RUNS` (e.g. `PYBUFFER_FUZZ_RUNS=1000000` for the long
 * run the repository README describes).
 *
 * @example
 * fc.assert(property, { numRuns: fuzzRuns(200) });
 */
export function fuzzRuns(ci: number): number {
  const text = process.env.PYBUFFER_FUZZ_RUNS;
  const runs = text === undefined ? Number.NaN : Number(text);
  return Number.isSafeInteger(runs) && runs > 0 ? runs : ci;
}

/**
 * The time limit of a fuzz test in milliseconds: vitest's usual one for the CI count,
 * a day when `PYBUFFER_FUZZ_RUNS` asks for a long run.
 *
 * @example
 * it("fuzz", () => {}, fuzzTimeout());
 */
export function fuzzTimeout(): number {
  return process.env.PYBUFFER_FUZZ_RUNS === undefined ? 60_000 : 86_400_000;
}
