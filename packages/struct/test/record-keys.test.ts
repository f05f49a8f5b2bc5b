/**
 * Keys of record values against NumPy 2.4 (internal/oracle/gen/struct_numpy_names.py):
 * an unnamed field is the first `f<n>` no field of its record is named, so an automatic
 * name never takes an explicit one's place and no value is lost (`T{i:f1:i}`).
 */
import { describe, expect, it } from "vitest";
import { calcSize, type Layout, pack, parseFormat, recordKeys, unpack } from "../src/index.js";
import { loadVectors } from "./support/oracle-harness.js";

/** A field as NumPy names it: [name, named padding, nested record's fields or null]. */
type NumpyField = [string, boolean, NumpyField[] | null];
type Tree = [string, Tree | null][];

const doc = loadVectors<{ cases: { format: string; fields: NumpyField[] }[] }>(
  "struct_numpy_names",
);

/** NumPy's names of the fields that are values here (named padding is not). */
function numpyTree(fields: NumpyField[]): Tree {
  return fields.filter((f) => !f[1]).map(([name, , sub]) => [name, sub && numpyTree(sub)]);
}

function ourTree(layout: Layout): Tree {
  const keys = recordKeys(layout);
  const values = layout.fields.filter((f) => f.code !== "x");
  return values.map((f, i) => [keys[i]!, f.fields && ourTree(f.fields)]);
}

describe(`record keys as NumPy names fields (${doc.cases.length} formats)`, () => {
  it("every record's keys are NumPy's names", () => {
    const wrong = doc.cases.filter(
      (c) =>
        JSON.stringify(ourTree(parseFormat(c.format).fields[0]!.fields!)) !==
        JSON.stringify(numpyTree(c.fields)),
    );
    expect(wrong.map((c) => c.format).slice(0, 10)).toEqual([]);
  });

  it("a named record unpacks to those keys and packs back to the same values", () => {
    for (const { format, fields } of doc.cases) {
      const keys = numpyTree(fields).map(([name]) => name);
      const bytes = new Uint8Array(calcSize(format)).fill(1);
      const [record] = unpack(format, bytes);
      if (Array.isArray(record)) {
        // A record without any name is an array: one value per field all the same.
        expect(record).toHaveLength(keys.length);
      } else expect(Object.keys(record as object), format).toEqual(keys);
      // Padding packs as zeros: compare the values.
      expect(unpack(format, pack(format, record)), format).toEqual([record]);
    }
  });
});

describe("the issue's reproducer", () => {
  it("T{i:f1:i} keeps both values, under f1 and f0", () => {
    expect(unpack("<T{i:f1:i}", pack("<ii", 1, 2))).toEqual([{ f1: 1, f0: 2 }]);
    expect(pack("<T{i:f1:i}", { f1: 7, f0: 8 })).toEqual(pack("<ii", 7, 8));
    // @ts-expect-error: the types know f0 is missing too
    expect(() => pack("<T{i:f1:i}", { f1: 7 })).toThrow("record field 'f0' is missing");
  });
});
