/**
 * PEP 3118 layouts against NumPy 2.4: the formats NumPy exports for hundreds of record
 * dtypes (internal/oracle/gen/struct_numpy.py) and formats NumPy reads must parse to
 * NumPy's itemsize and to the offset of every named field, nested records and
 * sub-arrays included (see support/oracle-numpy.ts for NumPy's unfaithful exports).
 * A live part asks NumPy for layouts of fresh random dtypes on each run.
 */
import { describe, expect, it } from "vitest";
import { SEED } from "./support/oracle-arbitraries.js";
import { describeWithPython, loadVectors } from "./support/oracle-harness.js";
import {
  type ExportCase,
  exportExpectations,
  layoutMismatches,
  type ReadCase,
  readExpectations,
} from "./support/oracle-numpy.js";

const doc = loadVectors<{ cases: ExportCase[]; reads: ReadCase[] }>("struct_numpy");
const exported = exportExpectations(doc.cases);

describe(`NumPy exports (${doc.cases.length} dtypes)`, () => {
  it(`formats NumPy reads back faithfully: itemsize and offsets (${exported.faithful.length})`, () => {
    expect(layoutMismatches(exported.faithful).slice(0, 20)).toEqual([]);
  });

  it(`formats NumPy writes unfaithfully: offsets as NumPy reads them (${exported.unfaithful.length})`, () => {
    expect(layoutMismatches(exported.unfaithful).slice(0, 20)).toEqual([]);
  });
});

describe(`formats NumPy reads (${doc.reads.length})`, () => {
  it("named fields sit where NumPy puts them; size is NumPy's (up to end padding) or struct's", () => {
    expect(layoutMismatches(readExpectations(doc.reads))).toEqual([]);
  });
});

describeWithPython("numpy", "NumPy layouts of random dtypes", (python) => {
  it("parseFormat gives NumPy's offsets and itemsize", async () => {
    const outcome = await python().call("struct_numpy_cases", "random_cases", [SEED, 300]);
    const cases = (outcome as { ok: ExportCase[] }).ok;
    expect(cases).toHaveLength(300);
    const { faithful, unfaithful } = exportExpectations(cases);
    const wrong = layoutMismatches([...faithful, ...unfaithful]);
    expect(wrong.slice(0, 20), `${wrong.length} differ, FC_SEED=${SEED}`).toEqual([]);
  });
});
