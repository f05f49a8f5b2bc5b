/**
 * Live-oracle properties for the wasm32 ABI and 3.14's complex codes F and D: random
 * native and standard formats, values and buffers, answered by CPython 3.14 for
 * wasm32 running in this process (the npm `pyodide` package), compared with a
 * compiled and an interpreted `Struct` with `abi: "wasm32"` (and calcSize with it).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packArbFor, SEED, WASM32_314 } from "./support/oracle-arbitraries.js";
import { LivePyodide } from "./support/oracle-harness.js";
import type { Call } from "./support/oracle-live.js";
import * as live from "./support/oracle-live.js";
import type { Path, StructCase } from "./support/oracle-replay.js";

const RUNS = 600;
const WASM32 = { abi: "wasm32" } as const;
const STRUCT_PATHS: readonly Path[] = ["compiled", "interpreted"];
const pyodide = await LivePyodide.start();

function ask(calls: readonly Call[]): StructCase[] {
  return live.toCases(calls, pyodide!.batch("struct_live", "run", calls), "3.14");
}

const sizes = (formats: readonly string[]): number[] =>
  live.values<number>(ask(formats.map((f): Call => ["calcsize", f, []])));

if (pyodide === null) {
  console.warn("[oracle] pyodide cannot start: skipping the wasm32 live-oracle suite");
}

(pyodide === null ? describe.skip : describe)(
  `wasm32 properties (Pyodide ${pyodide?.version})`,
  () => {
    it("calcSize gives wasm32 CPython's sizes for random formats", () => {
      const formats = fc
        .sample(packArbFor(WASM32_314), { numRuns: RUNS, seed: SEED })
        .map((p) => p.fmt);
      live.expectPathsMatch(
        ask(formats.map((f): Call => ["calcsize", f, []])),
        ["module", ...STRUCT_PATHS],
        WASM32,
      );
    });

    it("pack and unpack agree with wasm32 CPython, values and errors", () => {
      const samples = fc.sample(packArbFor(WASM32_314), { numRuns: 2 * RUNS, seed: SEED + 1 });
      const packed = ask(samples.map(({ fmt, values }): Call => ["pack", fmt, values]));
      live.expectPathsMatch(packed, STRUCT_PATHS, WASM32);
      const unpacks = live.roundTripCalls(packed);
      expect(unpacks.length).toBeGreaterThan(RUNS / 2);
      live.expectPathsMatch(ask(unpacks), STRUCT_PATHS, WASM32);
    });

    it("unpack, iterUnpack, unpackFrom and packInto over random bytes and offsets", () => {
      const samples = fc.sample(
        fc.tuple(
          packArbFor(WASM32_314),
          fc.uint8Array({ maxLength: 64 }),
          fc.integer({ min: 0, max: 9 }),
          fc.integer({ min: -60, max: 60 }),
        ),
        { numRuns: RUNS, seed: SEED + 2 },
      );
      const size = sizes(samples.map(([p]) => p.fmt));
      const calls = samples.flatMap(([{ fmt, values }, noise, roll, shift], i) => [
        ...live.readCalls(fmt, size[i] as number, noise, roll),
        ...live.offsetCalls(fmt, values, size[i] as number, noise, roll - 4, shift),
      ]);
      live.expectPathsMatch(ask(calls), STRUCT_PATHS, WASM32);
    });
  },
);
