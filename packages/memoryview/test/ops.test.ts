/**
 * CPython 3.13 vectors for item access one operation at a time (memoryview_ops): item
 * assignment per native format with boundary and wrong-type values, hostile keys for
 * lookup and assignment, slice assignment structure checks and overlapping copies.
 *
 * Where CPython refuses a multi-character format (`NotImplementedError: memoryview:
 * unsupported format <i`) this package goes on through @pybuffer/struct: those cases
 * are checked against the same operation on the native equivalent (`<i` → `i`).
 */
import { loadVectors } from "@pybuffer-internal/oracle";
import { describe, expect, it } from "vitest";
import { MemoryView, memoryview, type Slice } from "../src/index.js";
import { sliceIndices } from "../src/slice.js";
import {
  bytesExporter,
  type Desc,
  doubleStrides,
  exporterFrom,
  keyFrom,
  mergeExtension,
  type Outcome,
  outcome,
  run,
} from "./helpers.js";

interface Case {
  kind: string;
  desc: Desc;
  args: unknown[];
  out: Outcome;
}

const { cases } = loadVectors<{ cases: Case[] }>("memoryview_ops");

function perform(c: Case, desc: Desc): Outcome {
  const m = new MemoryView(exporterFrom(desc));
  const [a, b] = c.args;
  switch (c.kind) {
    case "get":
      return run(() => m.get(keyFrom(a)));
    case "set":
      return outcome(() => {
        m.set(keyFrom(a), b);
        return m.toBytes();
      });
    case "set_self":
      return outcome(() => {
        const src = memoryview(exporterFrom({ ...desc, readonly: true }));
        m.set(keyFrom(a), src.ndim === 1 ? src.slice(null, 1) : src);
        return m.toBytes();
      });
    case "set_from":
      return outcome(() => {
        m.set(keyFrom(a), memoryview(exporterFrom(b as Desc)));
        return m.toBytes();
      });
    case "overlap":
      return outcome(() => {
        m.set(keyFrom(a), m.get(keyFrom(b)));
        return m.toBytes();
      });
    case "delete":
      return outcome(() => m.delete(a as number));
    default:
      throw new Error(`unknown case kind ${c.kind}`);
  }
}

function isMultiSlicing(out: Outcome): boolean {
  return "error" in out && out.message === "multi-dimensional slicing is not implemented";
}

/** test_buffer's `multislice`: nested lists sliced one dimension per slice. */
function multislice(list: unknown, slices: readonly Slice[]): unknown {
  if (slices.length === 0 || !Array.isArray(list)) return list;
  const [first, ...rest] = slices as [Slice, ...Slice[]];
  const { start, step, length } = sliceIndices(first, list.length);
  const out: unknown[] = [];
  for (let k = 0, i = start; k < length; k++, i += step) out.push(multislice(list[i], rest));
  return out;
}

/** The items of C-order bytes, reshaped: checks `toBytes()` of a sub-view. */
function reread(bytes: Uint8Array, format: string, shape: number[]): unknown {
  if (shape.includes(0) || bytes.length === 0) return [];
  return memoryview(bytesExporter(bytes)).cast(format, shape).toList();
}

function isNdSliceAssignment(out: Outcome): boolean {
  return "error" in out && out.message.endsWith("restricted to ndim = 1");
}

/** The errors a slice assignment may raise (CPython's own, for the same causes). */
const ASSIGNMENT_ERRORS = new Set([
  "TypeError: a bytes-like object is required, not 'int'",
  "ValueError: slice step cannot be zero",
  "ValueError: memoryview assignment: lvalue and rvalue have different structures",
  "TypeError: slice indices must be integers or None or have an __index__ method",
]);

/** An outcome with the format named in its message replaced, for native comparisons. */
function withFormat(out: Outcome, from: string, to: string): Outcome {
  if (!("error" in out)) return out;
  return { error: out.error, message: out.message.replace(`'${from}'`, `'${to}'`) };
}

describe("memoryview item operations (CPython 3.13 vectors)", () => {
  it("has cases", () => {
    expect(cases.length).toBeGreaterThan(1000);
  });

  const groups = new Map<string, Case[]>();
  for (const c of cases) {
    const name = `${c.kind} on ${c.desc.fmt} shape=${JSON.stringify(c.desc.shape)}${c.desc.readonly ? " RO" : ""}`;
    groups.set(name, [...(groups.get(name) ?? []), c]);
  }
  for (const [name, group] of groups) {
    it(`${name} (${group.length} cases)`, () => {
      for (const c of group) {
        const context = `${c.kind} ${JSON.stringify(c.args, (_k, v) => (typeof v === "bigint" ? `${v}n` : v))}`;
        if (isMultiSlicing(c.out)) {
          // Extension: one slice per dimension, checked against nested-list slicing.
          const key = keyFrom(c.args[0]) as Slice[];
          const m = memoryview(exporterFrom(c.desc));
          if (key.length > m.ndim) {
            // More slices than dimensions: the extension does not apply, CPython's error.
            expect(perform(c, c.desc), context).toEqual(c.out);
            continue;
          }
          const sub = m.get(key) as MemoryView;
          const model = multislice(m.toList(), key);
          expect(sub.toList(), context).toEqual(model);
          if (!sub.shape.includes(0)) {
            expect(reread(sub.toBytes(), c.desc.fmt.slice(-1), sub.shape), context).toEqual(model);
          }
          continue;
        }
        if (c.desc.fmt.length > 1) {
          // Extension: where CPython refuses the format, the struct-backed codec does
          // what the native format does.
          const native = { ...c.desc, fmt: c.desc.fmt.slice(-1) };
          const ext = withFormat(perform(c, native), native.fmt, c.desc.fmt);
          expect(perform(c, c.desc), context).toEqual(doubleStrides(mergeExtension(c.out, ext)));
          continue;
        }
        if (isNdSliceAssignment(c.out)) {
          const key = keyFrom(c.args[0]);
          if (Array.isArray(key) && key.length > c.desc.shape.length) {
            // More slices than dimensions: the extension does not apply, CPython's error.
            expect(perform(c, c.desc), context).toEqual(c.out);
            continue;
          }
          // Extension: N-d slice assignment runs; its errors are CPython's slice errors.
          const ours = perform(c, c.desc);
          if ("error" in ours)
            expect(ASSIGNMENT_ERRORS, context).toContain(`${ours.error}: ${ours.message}`);
          continue;
        }
        expect(perform(c, c.desc), context).toEqual(doubleStrides(c.out));
      }
    });
  }
});
