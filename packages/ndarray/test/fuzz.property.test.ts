/**
 * The fuzz suite of @pybuffer/ndarray: `isNdarray` and `fromNdarray` over hostile
 * duck-typed arrays (test/hostile-objects.ts). The rules: the caller's own errors pass
 * through untouched; otherwise only the family's errors escape, with a message; and a
 * view, when one is made, lies inside the data's own elements (never the neighbours in
 * its pool), every item read. Seeded (deterministic); `PYBUFFER_FUZZ_RUNS=100000` runs
 * the long version.
 */
import { getBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { fuzzRuns, fuzzTimeout } from "@pybuffer-internal/oracle";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromNdarray, isNdarray } from "../src/index.js";
import { arrayPlan, checkInside, makeArray, tally } from "./hostile-objects.js";

describe("ndarray fuzz: hostile duck-typed arrays", () => {
  it(
    "isNdarray and fromNdarray give a view inside the data, or an error",
    () => {
      const seen = new Map<string, number>();
      fc.assert(
        fc.property(arrayPlan, (plan) => {
          const made = makeArray(plan);
          tally(() => isNdarray(made.array));
          const outcome = tally(() => {
            const view = getBuffer(fromNdarray(made.array as never), PyBUF_FULL_RO);
            try {
              checkInside(view, made);
            } finally {
              releaseBuffer(view);
            }
          });
          seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
        }),
        { numRuns: fuzzRuns(3000), seed: 0x6e6461 },
      );
      // the plans reach views as well as each kind of refusal
      expect(seen.get("ok") ?? 0).toBeGreaterThan(0);
      expect(seen.get("ValueError") ?? 0).toBeGreaterThan(0);
      expect(seen.get("hostile") ?? 0).toBeGreaterThan(0);
    },
    fuzzTimeout(),
  );
});
