/**
 * The wasm32 ABI and CPython 3.14's complex codes F and D, against real wasm32 CPython
 * (Pyodide 3.14, internal/oracle/gen/struct_wasm32.ts): sizes and alignment of every
 * native code, 4-byte long/size_t/pointer ranges and messages, F/D packing and
 * unpacking, random native formats. Every case runs through a compiled and an
 * interpreted `Struct` with `abi: "wasm32"` (and calcSize with it); formats with a
 * standard prefix do not depend on the ABI and run through the module functions too.
 */
import { describe, expect, it } from "vitest";
import { loadVectors } from "./support/oracle-harness.js";
import { mismatches, type StructCase } from "./support/oracle-replay.js";

const doc = loadVectors<{ python: string; cases: StructCase[] }>("struct_wasm32");
const WASM32 = { abi: "wasm32" } as const;

function groups(): Map<string, StructCase[]> {
  const out = new Map<string, StructCase[]>();
  for (const c of doc.cases) {
    const fmt = typeof c.fmt === "string" ? c.fmt : "";
    const complex = /[FD]/.test(fmt) ? "F/D" : "no F/D";
    const key = `${c.fn}, ${complex}`;
    out.set(key, [...(out.get(key) ?? []), c]);
  }
  return out;
}

const standard = (c: StructCase): boolean => typeof c.fmt === "string" && /^[=<>!]/.test(c.fmt);

describe(`wasm32 CPython ${doc.python} (${doc.cases.length} cases)`, () => {
  for (const [name, cases] of groups()) {
    it(`${name} (${cases.length}), compiled Struct`, () => {
      expect(mismatches(cases, "compiled", WASM32)).toEqual([]);
    });
    it(`${name} (${cases.length}), interpreted Struct`, () => {
      expect(mismatches(cases, "interpreted", WASM32)).toEqual([]);
    });
    const moduleCases = cases.filter((c) => c.fn === "calcsize" || standard(c));
    if (moduleCases.length > 0) {
      it(`${name} (${moduleCases.length}), module functions`, () => {
        expect(mismatches(moduleCases, "module", WASM32)).toEqual([]);
      });
    }
  }
});
