/**
 * CPython 3.13's struct module, replayed: tens of thousands of calls recorded by
 * internal/oracle/gen/struct_{calcsize,pack,unpack,offsets,limits}.py, each run through the
 * module function, a compiled Struct and an interpreted Struct. Every result, exception
 * class and message must be CPython's. Then checks derived from the same vectors for
 * what CPython has no call for (support/oracle-derived.ts).
 */
import { describe, expect, it } from "vitest";
import {
  bufferMismatches,
  columnMismatches,
  int64NumberMismatches,
  unpackManyMismatches,
} from "./support/oracle-derived.js";
import { loadStructCases, mismatches, PATHS, type StructCase } from "./support/oracle-replay.js";

/** Each vectors file and the fewest cases its generator makes. */
const FILES: Record<string, number> = {
  struct_calcsize: 1000,
  struct_pack: 1000,
  struct_unpack: 1000,
  struct_offsets: 1000,
  struct_limits: 40,
};

function byFunction(cases: readonly StructCase[]): Map<string, StructCase[]> {
  const groups = new Map<string, StructCase[]>();
  for (const c of cases) {
    const group = groups.get(c.fn) ?? [];
    group.push(c);
    groups.set(c.fn, group);
  }
  return groups;
}

for (const [file, fewest] of Object.entries(FILES)) {
  const cases = loadStructCases(file);
  describe(`${file} (${cases.length} CPython cases)`, () => {
    it("holds the cases the generator promises", () => {
      expect(cases.length).toBeGreaterThan(fewest);
    });
    for (const [fn, group] of byFunction(cases)) {
      for (const path of PATHS) {
        it(`${fn} (${group.length} cases), ${path}`, () => {
          expect(mismatches(group, path)).toEqual([]);
        });
      }
    }
  });
}

describe("checks derived from the CPython vectors", () => {
  const unpacks = loadStructCases("struct_unpack");
  const offsets = loadStructCases("struct_offsets");

  it("unpackColumns gives iter_unpack's rows as columns", () => {
    expect(columnMismatches(unpacks)).toEqual([]);
  });

  it("unpackMany gives iter_unpack's rows in one array, or its error", () => {
    expect(unpackManyMismatches(unpacks)).toEqual([]);
  });

  it('int64: "number" gives 8-byte integers as exact numbers, OverflowError past 2**53', () => {
    expect(int64NumberMismatches(unpacks)).toEqual([]);
  });

  it("an ArrayBuffer, a DataView or an offset Uint8Array over the same bytes", () => {
    expect(bufferMismatches([...unpacks, ...offsets])).toEqual([]);
  });
});
