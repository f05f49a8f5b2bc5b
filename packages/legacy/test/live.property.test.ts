/**
 * Property tests against a live Python 2.7: fast-check makes random buffer objects
 * (over str, bytearray, raw memory, PyBuffer_New, buffers of buffers) and random step
 * sequences (items, slices, assignments, +, *, hash, repr, comparison, resizing the
 * base, the old buffer API, the new protocol); py/legacy_live.py runs them under 2.7,
 * helpers/script.ts here, and every outcome must agree.
 */
import { describeWithPython } from "@pybuffer-internal/oracle";
import fc from "fast-check";
import { expect, it } from "vitest";
import { describeMismatch, mismatches } from "./helpers/outcome.js";
import { type Outcome, runScript, type Spec, type Step } from "./helpers/script.js";

const byteString = (max: number) => fc.uint8Array({ minLength: 0, maxLength: max });
const index = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -10, max: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom(2n ** 63n - 1n, -(2n ** 63n), 2n ** 70n, 1.5, null) },
);
const bound = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -10, max: 10 }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(2n ** 70n, -(2n ** 70n), 2.5) },
);
const step = fc.oneof(fc.integer({ min: -4, max: 4 }), fc.constantFrom(null, 0, 2n ** 70n));
const size = fc.oneof(fc.integer({ min: -2, max: 10 }), fc.constant(-1));
const offset = fc.integer({ min: -1, max: 10 });

const base: fc.Arbitrary<Spec> = fc.oneof(
  byteString(8).map((b) => ["str", b]),
  byteString(8).map((b) => ["bytearray", b]),
  byteString(8).map((b) => ["array", b]),
);
const operand: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 4, arbitrary: byteString(3).map((b): Spec => ["str", b]) },
  { weight: 2, arbitrary: byteString(3).map((b): Spec => ["bytearray", b]) },
  { weight: 1, arbitrary: byteString(3).map((b): Spec => ["buffer", ["str", b]]) },
  { weight: 1, arbitrary: byteString(3).map((b): Spec => ["array", b]) },
  { weight: 1, arbitrary: fc.constantFrom<Spec>(["int", 5], ["none"], ["list", [1]]) },
);
// A JavaScript string is Python 2's unicode: compared after decoding the buffer as ASCII.
const text: fc.Arbitrary<Spec> = fc
  .array(fc.constantFrom("a", "b", "c", "\x00", "\x7f", "\xe9", "\u{1f600}"), { maxLength: 4 })
  .map((chars): Spec => ["unicode", chars.join("")]);
const memory = byteString(8).chain((b) =>
  fc.integer({ min: 0, max: b.length }).map((n) => [b, n] as const),
);
const bufferSpec: fc.Arbitrary<Spec> = fc.oneof(
  fc
    .tuple(base, fc.array(offset, { maxLength: 2 }))
    .map(([b, args]): Spec => ["buffer", b, ...args]),
  fc.tuple(base, offset, size).map(([b, o, s]): Spec => ["fromObject", b, o, s]),
  fc
    .tuple(byteString(8), offset, size)
    .map(([b, o, s]): Spec => ["fromReadWriteObject", ["bytearray", b], o, s]),
  fc
    .tuple(base, offset, size, offset, size)
    .map(([b, o1, s1, o2, s2]): Spec => ["buffer", ["buffer", b, o1, s1], o2, s2]),
  fc.integer({ min: 0, max: 6 }).map((n): Spec => ["alloc", n]),
  memory.map(([b, n]): Spec => ["fromMemory", b, n]),
  memory.map(([b, n]): Spec => ["fromReadWriteMemory", b, n]),
);
const stepSpec: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom<Step>(["len"], ["str"], ["hash"], ["repr"], ["iter"], ["root"]),
  fc.constantFrom<Step>(["asRead"], ["asWrite"], ["asChar"], ["checkRead"]),
  fc.constantFrom<Step>(["getbuffer", 0], ["getbuffer", 1]),
  index.map((i): Step => ["get", i]),
  fc.tuple(bound, bound).map(([i, j]): Step => ["slice", i, j]),
  fc.tuple(bound, bound, step).map(([i, j, k]): Step => ["xslice", i, j, k]),
  fc.tuple(index, operand).map(([i, v]): Step => ["set", i, v]),
  fc.tuple(bound, bound, operand).map(([i, j, v]): Step => ["setslice", i, j, v]),
  fc.tuple(bound, bound, step, operand).map(([i, j, k, v]): Step => ["xsetslice", i, j, k, v]),
  operand.map((v): Step => ["concat", v]),
  operand.map((v): Step => ["in", v]),
  text.map((v): Step => ["in", v]),
  text.map((v): Step => ["cmp", v]),
  text.map((v): Step => ["eq", v]),
  fc.integer({ min: -2, max: 4 }).map((n): Step => ["repeat", n]),
  bufferSpec.map((v): Step => ["cmp", v]),
  bufferSpec.map((v): Step => ["eq", v]),
  fc.integer({ min: 0, max: 12 }).map((n): Step => ["resize", n]),
);
const scripts = fc.tuple(bufferSpec, fc.array(stepSpec, { minLength: 1, maxLength: 8 }));

describeWithPython("2.7", "legacy buffer against Python 2.7", (python) => {
  it("agrees with 2.7 on random buffers and random step sequences", async () => {
    const samples = fc.sample(scripts, { numRuns: 400, seed: 0x1e9ac });
    const answers = await python().batch("legacy_live", "run", samples);
    const failures: string[] = [];
    samples.forEach(([spec, steps], i) => {
      const answer = answers[i] as Outcome;
      expect(answer).toHaveProperty("ok");
      const expected = (answer as { ok: Outcome[] }).ok;
      const ours = runScript(spec, steps);
      if (mismatches(ours, expected).length > 0) {
        failures.push(describeMismatch({ spec, steps }, ours, expected));
      }
    });
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it("hashes random bytes exactly as Python 2.7's str hash", async () => {
    const samples = fc.sample(fc.uint8Array({ maxLength: 300 }), { numRuns: 300, seed: 27 });
    const answers = await python().batch(
      "legacy_live",
      "run",
      samples.map((b) => [["buffer", ["str", b]], [["hash"]]]),
    );
    samples.forEach((b, i) => {
      const expected = (answers[i] as { ok: Outcome[] }).ok;
      expect(mismatches(runScript(["buffer", ["str", b]], [["hash"]]), expected)).toEqual([]);
    });
  });
});
