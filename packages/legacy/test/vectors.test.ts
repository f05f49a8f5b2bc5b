import { loadVectors } from "@pybuffer-internal/oracle";
import { expect, it } from "vitest";
import { describeMismatch, mismatches } from "./helpers/outcome.js";
import { type Outcome, runScript, type Spec, type Step } from "./helpers/script.js";

interface Case {
  group: string;
  spec: Spec;
  steps: Step[];
  results: Outcome[];
}

const { cases } = loadVectors<{ cases: Case[] }>("legacy_buffer");
const groups = new Map<string, Case[]>();
for (const c of cases) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);

it("has vectors for every part of the package", () => {
  expect(cases.length).toBeGreaterThan(600);
});

for (const [group, members] of groups) {
  it(`matches Python 2.7: ${group} (${members.length} cases)`, () => {
    const failures: string[] = [];
    for (const c of members) {
      const ours = runScript(c.spec, c.steps);
      if (mismatches(ours, c.results).length > 0) {
        failures.push(describeMismatch({ spec: c.spec, steps: c.steps }, ours, c.results));
      }
    }
    expect(failures).toEqual([]);
  });
}
