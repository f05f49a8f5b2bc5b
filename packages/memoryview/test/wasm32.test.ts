/**
 * Vectors from wasm32 CPython 3.14 in Pyodide (internal/oracle/py/memoryview_wasm32.py),
 * replayed over exporters with the wasm32 ABI: native formats with their 4-byte `l L n N
 * P`, `Py_ssize_t` limits of 32 bits (index errors, slice clamping, wrapped strides,
 * `index()` bounds, `cast` shapes), `count`/`index`, item values read back bit for bit
 * (a NaN's sign and payload, as scalars: no array in between), `==` on `F`/`D` views,
 * and CPython's errors where multi-dimensional slicing does not apply.
 *
 * Some answers differ from 3.14 on purpose: an `e` NaN keeps only its sign (3.13, the
 * version this package follows; 3.14 also carries the payload across), `m[i] = v` with
 * the wrong number of arguments says 3.13's ` expected 2 arguments, got 1` (3.14 names
 * `__setitem__`), and a slice assignment to an N-d view runs (our extension; CPython
 * refuses it).
 */
import { loadVectors } from "@pybuffer-internal/oracle";
import { describe, expect, it } from "vitest";
import { fromFlags, MemoryView, memoryview } from "../src/index.js";
import {
  type Desc,
  doubleStrides,
  exporterFrom,
  keyFrom,
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

const doc = loadVectors<{ python: string; cases: Case[] }>("memoryview_wasm32");
const SCRATCH = new DataView(new ArrayBuffer(8));

/** The 16 hex digits of a number's bits, read straight from the scalar. */
function bits(x: unknown): unknown {
  if (typeof x !== "number") return x;
  SCRATCH.setFloat64(0, x);
  return SCRATCH.getBigUint64(0).toString(16).padStart(16, "0");
}

function fromBits(hex: string): number {
  SCRATCH.setBigUint64(0, BigInt(`0x${hex}`));
  return SCRATCH.getFloat64(0);
}

/** A half's bits as 3.13 gives them: a NaN keeps its sign, its payload is the quiet one. */
function half313(byte0: number, byte1: number): [number, number] {
  const h = byte0 | (byte1 << 8);
  const nan = (h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0;
  return nan ? [0x00, (h & 0x8000 ? 0x80 : 0) | 0x7e] : [byte0, byte1];
}

/** A double's bits (hex) as 3.13's `e` unpacking gives them: the quiet NaN of its sign. */
function double313(hex: string): string {
  const value = fromBits(hex);
  if (!Number.isNaN(value)) return hex;
  return hex.charCodeAt(0) >= 0x38 ? "fff8000000000000" : "7ff8000000000000";
}

/** CPython 3.14's outcome as 3.13 gives it: `e` NaNs without their payload, … */
function as313(c: Case): Outcome {
  if ("error" in c.out && c.out.message.startsWith("__setitem__ expected")) {
    return { error: c.out.error, message: c.out.message.slice("__setitem__".length) };
  }
  if (!("ok" in c.out) || c.desc.fmt.slice(-1) !== "e") return c.out;
  if (c.kind === "bits") return { ok: double313(c.out.ok as string) };
  if (c.kind !== "setbits") return c.out;
  const [bytes, hex] = c.out.ok as [Uint8Array, string];
  return { ok: [new Uint8Array(half313(bytes[0] as number, bytes[1] as number)), double313(hex)] };
}

/** A slice assignment CPython refuses on an N-d view, which our extension runs. */
function ndSliceAssignment(c: Case): boolean {
  return (
    c.kind === "set" &&
    c.desc.shape.length > 1 &&
    "error" in c.out &&
    c.out.message.endsWith("restricted to ndim = 1") &&
    (Array.isArray(c.args[0]) ? c.args[0].length : 1) <= c.desc.shape.length
  );
}

const view = (desc: Desc): MemoryView => new MemoryView(exporterFrom(desc, "wasm32"));

/** Our member for each Python name the arity cases call. */
const MEMBERS: Record<string, string | symbol> = {
  tobytes: "toBytes",
  tolist: "toList",
  hex: "hex",
  cast: "cast",
  release: "release",
  toreadonly: "toReadOnly",
  count: "count",
  index: "index",
  __getitem__: "get",
  __setitem__: "set",
  __delitem__: "delete",
  __eq__: "equals",
  __hash__: "hash",
  __iter__: Symbol.iterator,
};

type Loose = (...args: unknown[]) => unknown;

/** A Python call with exactly these arguments ("@view" / "@obj" stand for the view / exporter). */
function call(desc: Desc, name: string, args: unknown[]): unknown {
  const obj = exporterFrom(desc, "wasm32");
  const m = new MemoryView(obj);
  const values = args.map((a) => (a === "@view" ? m : a === "@obj" ? obj : a));
  if (name === "memoryview") return (memoryview as Loose)(...values);
  if (name === "_from_flags") return (fromFlags as Loose)(...values);
  const member = MEMBERS[name] as string | symbol;
  return ((m as unknown as Record<string | symbol, Loose>)[member] as Loose).apply(m, values);
}

function perform(c: Case): Outcome {
  const [a, b] = c.args;
  switch (c.kind) {
    case "view":
      return run(() => view(c.desc));
    case "get":
      return run(() => view(c.desc).get(keyFrom(a)));
    case "set":
      return outcome(() => {
        const m = view(c.desc);
        m.set(keyFrom(a), b);
        return m.toBytes();
      });
    case "count":
      return outcome(() => view(c.desc).count(a));
    case "index":
      return outcome(() => (view(c.desc).index as (...args: unknown[]) => number)(...c.args));
    case "bits":
      return outcome(() => bits(view(c.desc).get(a as number)));
    case "setbits":
      return outcome(() => {
        const m = view(c.desc);
        m.set(a as number, fromBits(b as string));
        return [m.toBytes(), bits(m.get(a as number))];
      });
    case "cast":
      return run(() =>
        b === null ? view(c.desc).cast(a as string) : view(c.desc).cast(a as string, b as number[]),
      );
    case "eq":
      return outcome(() => {
        const m = view(c.desc);
        return m.equals(a === "self" ? m : view(a as Desc));
      });
    case "call":
      return run(() => call(c.desc, a as string, b as unknown[]));
    default:
      throw new Error(`unknown case kind ${c.kind}`);
  }
}

describe(`memoryview on wasm32, CPython ${doc.python} (${doc.cases.length} cases)`, () => {
  const groups = new Map<string, Case[]>();
  for (const c of doc.cases) {
    const name = `${c.kind} on ${c.desc.fmt} shape=${JSON.stringify(c.desc.shape)}`;
    groups.set(name, [...(groups.get(name) ?? []), c]);
  }
  for (const [name, group] of groups) {
    it(`${name} (${group.length} cases)`, () => {
      for (const c of group) {
        const context = `${c.kind} ${JSON.stringify(c.args, (_k, v) => (typeof v === "bigint" ? `${v}n` : v))}`;
        if (ndSliceAssignment(c)) {
          // The extension runs, and the value (1) is no buffer: memoryview's own error.
          expect(perform(c), context).toEqual({
            error: "TypeError",
            message: "a bytes-like object is required, not 'int'",
          });
          continue;
        }
        expect(perform(c), context).toEqual(doubleStrides(as313(c)));
      }
    });
  }
});
