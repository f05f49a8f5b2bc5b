/**
 * CPython 3.13 vectors for whole-view operations (memoryview_views): the cast matrix,
 * the comparison matrix, hex and tobytes arguments, hash (under PYTHONHASHSEED=0), the
 * exporter side for every request, and every member of a released view.
 *
 * CPython raises UnicodeEncodeError (a ValueError subclass) for a non-ASCII cast format;
 * so does this package, with the same message.
 */

import { getBuffer, PyBUF_SIMPLE, releaseBuffer } from "@pybuffer/core";
import { loadVectors } from "@pybuffer-internal/oracle";
import { describe, expect, it } from "vitest";
import { fromFlags, type MemoryView, memoryview } from "../src/index.js";
import { type Desc, exporterFrom, type Outcome, outcome, run } from "./helpers.js";

interface Case {
  kind: string;
  desc: Desc;
  args: unknown[];
  out: Outcome;
}

const { cases } = loadVectors<{ cases: Case[] }>("memoryview_views");

function exported(m: MemoryView, flags: number): unknown {
  const v = getBuffer(m, flags);
  const out: Record<string, unknown> = {
    ndim: v.ndim,
    shape: v.shape ?? [],
    strides: v.strides ?? [],
    suboffsets: v.suboffsets ?? [],
    format: v.format ?? "",
    itemsize: v.itemsize,
    readonly: v.readonly,
    nbytes: v.len,
  };
  try {
    m.release();
    out.release = "released";
  } catch (error) {
    out.release = (error as Error).message;
  }
  releaseBuffer(v);
  return out;
}

function onReleased(m: MemoryView, desc: Desc, member: string): unknown {
  m.release();
  m.release();
  const calls: Record<string, () => unknown> = {
    obj: () => m.obj,
    nbytes: () => m.nbytes,
    readonly: () => m.readonly,
    itemsize: () => m.itemsize,
    format: () => m.format,
    ndim: () => m.ndim,
    shape: () => m.shape,
    strides: () => m.strides,
    suboffsets: () => m.suboffsets,
    c_contiguous: () => m.cContiguous,
    f_contiguous: () => m.fContiguous,
    contiguous: () => m.contiguous,
    len: () => m.length,
    tobytes: () => m.toBytes(),
    hex: () => m.hex(),
    tolist: () => m.toList(),
    toreadonly: () => m.toReadOnly(),
    cast: () => m.cast("B"),
    get: () => m.get(0),
    set: () => m.set(0, 1),
    slice: () => m.slice(1),
    memoryview: () => memoryview(m),
    hash: () => m.hash(),
    eq_self: () => m.equals(m),
    eq_other: () => m.equals(memoryview(exporterFrom(desc))),
    exit: () => m[Symbol.dispose](),
    enter: () => m[Symbol.iterator](),
    getbuf: () => getBuffer(m, PyBUF_SIMPLE),
    delete: () => m.delete(0),
  };
  const call = calls[member];
  if (call === undefined) throw new Error(`no member ${member}`);
  const value = call();
  return value === undefined ? null : value;
}

function perform(c: Case): Outcome {
  const m = memoryview(exporterFrom(c.desc));
  const a = c.args;
  switch (c.kind) {
    case "cast":
      return run(() =>
        a.length === 1 ? m.cast(a[0] as string) : m.cast(a[0] as string, a[1] as number[]),
      );
    case "cast2":
      return run(() => {
        const first = m.cast(a[0] as string);
        return a[2] === null
          ? first.cast(a[1] as string)
          : first.cast(a[1] as string, a[2] as number[]);
      });
    case "equals":
      return outcome(() => m.equals(memoryview(exporterFrom(a[0] as Desc))));
    case "equals_self_nan":
      return outcome(() => m.equals(m));
    case "hex":
      return outcome(() => (m.hex as (...args: unknown[]) => string)(...a));
    case "tobytes":
      return outcome(() => m.toBytes(a[0] as "C"));
    case "hash":
      return outcome(() => m.hash());
    case "getbuf":
      return outcome(() => exported(m, a[0] as number));
    case "from_flags":
      return run(() => fromFlags(exporterFrom(c.desc), a[0] as number));
    case "released":
      return outcome(() => onReleased(m, c.desc, a[0] as string));
    default:
      throw new Error(`unknown case kind ${c.kind}`);
  }
}

/** The outcome CPython recorded: classes and messages are matched as they are. */
function expected(out: Outcome): Outcome {
  return out;
}

describe("memoryview whole-view operations (CPython 3.13 vectors)", () => {
  it("has cases", () => {
    expect(cases.length).toBeGreaterThan(2000);
  });
  const groups = new Map<string, Case[]>();
  for (const c of cases) {
    const name = `${c.kind} on ${c.desc.fmt} shape=${JSON.stringify(c.desc.shape)} strides=${JSON.stringify(c.desc.strides)}${c.desc.pil ? " PIL" : ""}${c.desc.readonly ? " RO" : ""}`;
    groups.set(name, [...(groups.get(name) ?? []), c]);
  }
  for (const [name, group] of groups) {
    it(`${name} (${group.length} cases)`, () => {
      for (const c of group) {
        const context = `${c.kind} ${JSON.stringify(c.args, (_k, v) => (typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? [...v] : v))}`;
        expect(perform(c), context).toEqual(expected(c.out));
      }
    });
  }
});
