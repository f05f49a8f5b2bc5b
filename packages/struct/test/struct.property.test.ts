/**
 * Live-oracle properties: random formats, values and buffers, sent in batches to one
 * CPython 3.13 process and compared with the module functions, a compiled Struct and
 * an interpreted Struct (`codegen: false`). Value, exception class and message must
 * match. The run's seed is printed with every failure (replay with FC_SEED=<seed>).
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { formatArb, formatTextArb, packArb, SEED } from "./support/oracle-arbitraries.js";
import { describeWithPython, type LivePython } from "./support/oracle-harness.js";
import {
  type Call,
  expectPathsMatch,
  offsetCalls,
  readCalls,
  roundTripCalls,
  toCases,
  values,
} from "./support/oracle-live.js";
import { PATHS, type StructCase } from "./support/oracle-replay.js";

const RUNS = 1000;

async function ask(python: LivePython, calls: readonly Call[]): Promise<StructCase[]> {
  return toCases(calls, await python.batch("struct_live", "run", calls));
}

async function sizes(python: LivePython, formats: readonly string[]): Promise<number[]> {
  return values<number>(
    await ask(
      python,
      formats.map((f): Call => ["calcsize", f, []]),
    ),
  );
}

describeWithPython("3.13", "struct properties", (python) => {
  it("calcSize and Struct parse random format text as CPython does", async () => {
    const texts = [
      ...fc.sample(formatTextArb, { numRuns: RUNS, seed: SEED }),
      ...fc.sample(formatArb, { numRuns: RUNS, seed: SEED + 1 }).map((b) => b.text),
    ];
    expectPathsMatch(
      await ask(
        python(),
        texts.map((t): Call => ["calcsize", t, []]),
      ),
      PATHS,
    );
  });

  it("pack gives CPython's bytes or error for random formats and values", async () => {
    const samples = fc.sample(packArb, { numRuns: 2 * RUNS, seed: SEED + 2 });
    const packed = await ask(
      python(),
      samples.map(({ fmt, values }): Call => ["pack", fmt, values]),
    );
    expectPathsMatch(packed, PATHS);
    // Round trip: what CPython packed unpacks to what CPython unpacks.
    const unpacks = roundTripCalls(packed);
    expect(unpacks.length).toBeGreaterThan(RUNS / 2);
    expectPathsMatch(await ask(python(), unpacks), PATHS);
  });

  it("unpack and iterUnpack read random bytes as CPython does", async () => {
    const samples = fc.sample(
      fc.tuple(formatArb, fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 0, max: 9 })),
      { numRuns: RUNS, seed: SEED + 3 },
    );
    const size = await sizes(
      python(),
      samples.map(([b]) => b.text),
    );
    const calls = samples.flatMap(([b, noise, roll], i) =>
      readCalls(b.text, size[i] as number, noise, roll),
    );
    expectPathsMatch(await ask(python(), calls), PATHS);
  });

  it("unpackFrom and packInto honour every offset as CPython does", async () => {
    const samples = fc.sample(
      fc.tuple(
        packArb,
        fc.uint8Array({ maxLength: 40 }),
        fc.integer({ min: -3, max: 3 }),
        fc.integer({ min: -60, max: 60 }),
      ),
      { numRuns: RUNS, seed: SEED + 4 },
    );
    const size = await sizes(
      python(),
      samples.map(([p]) => p.fmt),
    );
    const calls = samples.flatMap(([{ fmt, values }, noise, slack, shift], i) =>
      offsetCalls(fmt, values, size[i] as number, noise, slack, shift),
    );
    expectPathsMatch(await ask(python(), calls), PATHS);
  });
});
