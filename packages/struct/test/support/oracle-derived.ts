/**
 * Checks derived from CPython's vectors for parts of our API CPython has no call for:
 * `unpackColumns` (CPython's iter_unpack rows, transposed), `unpackMany` (the same rows
 * in one array, with iter_unpack's errors), the `int64: "number"`
 * option (CPython's ints as exact numbers, OverflowError past 2**53), and buffers
 * that are not a plain Uint8Array at offset 0 (CPython reads any contiguous buffer:
 * the same bytes must give the same outcome through an ArrayBuffer, a DataView, or a
 * Uint8Array that starts inside a larger ArrayBuffer).
 */
import * as api from "../../src/index.js";
import {
  caught,
  expected,
  type Observed,
  runCase,
  type StructCase,
  same,
  show,
} from "./oracle-replay.js";

type Fn = (...args: unknown[]) => unknown;
const loose = api as unknown as Record<string, Fn>;

function report(out: string[], count: number, c: StructCase, want: unknown, got: unknown): number {
  if (out.length < 25) {
    out.push(
      `${c.fn}(${show([c.fmt, ...c.args]).slice(1, -1)})\n    want ${show(want)}\n    got  ${show(got)}`,
    );
  }
  return count + 1;
}

function finish(out: string[], count: number): string[] {
  if (count > out.length) out.push(`... and ${count - out.length} more`);
  return out;
}

/** unpackColumns(fmt, buf)[j][i] is CPython's iter_unpack row i, value j. */
export function columnMismatches(cases: readonly StructCase[]): string[] {
  const out: string[] = [];
  let count = 0;
  for (const c of cases) {
    const want = expected(c, "module");
    if (c.fn !== "iter_unpack" || !("ok" in want)) continue;
    const rows = want.ok as unknown[][];
    let got: unknown;
    try {
      const columns = loose.unpackColumns!(c.fmt, c.args[0]) as ArrayLike<unknown>[];
      got = rows.map((_, i) => Array.from(columns, (column) => column[i]));
      if (rows.length === 0) got = columns.every((column) => column.length === 0) ? [] : columns;
    } catch (e) {
      got = { threw: (e as Error).message };
    }
    if (!same(got, rows)) count = report(out, count, c, rows, got);
  }
  return finish(out, count);
}

/** unpackMany(fmt, buf) is list(iter_unpack(fmt, buf)), or iter_unpack's error. */
export function unpackManyMismatches(cases: readonly StructCase[]): string[] {
  const out: string[] = [];
  let count = 0;
  for (const c of cases) {
    if (c.fn !== "iter_unpack") continue;
    const want = expected(c, "module");
    let got: Observed;
    try {
      const args = "fmt" in c ? [c.fmt, ...c.args] : c.args;
      got = { ok: loose.unpackMany!(...args) };
    } catch (e) {
      got = caught(e);
    }
    if (!same(got, want)) count = report(out, count, c, want, got);
  }
  return finish(out, count);
}

function asNumbers(values: unknown[]): unknown[] | "overflow" {
  const out: unknown[] = [];
  for (const v of values) {
    if (typeof v !== "bigint") out.push(v);
    else if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      return "overflow";
    } else out.push(Number(v));
  }
  return out;
}

/** Struct(fmt, { int64: "number" }).unpack gives CPython's values as exact numbers. */
export function int64NumberMismatches(cases: readonly StructCase[]): string[] {
  const out: string[] = [];
  let count = 0;
  const Struct = loose.Struct as unknown as new (fmt: unknown, opts: object) => { unpack: Fn };
  for (const c of cases) {
    const want = expected(c, "compiled");
    if (c.fn !== "unpack" || !("ok" in want)) continue;
    const values = asNumbers(want.ok as unknown[]);
    for (const codegen of [true, false]) {
      let got: unknown;
      try {
        got = new Struct(c.fmt, { int64: "number", codegen }).unpack(c.args[0]);
      } catch (e) {
        got = api.pythonErrorName(e) === "OverflowError" ? "overflow" : (e as Error).message;
      }
      if (!same(got, values)) count = report(out, count, c, values, got);
    }
  }
  return finish(out, count);
}

/** The bytes of `bytes` inside a larger ArrayBuffer, at byte offset 3, amid 0xee bytes. */
function inside(bytes: Uint8Array): Uint8Array {
  const backing = new Uint8Array(bytes.length + 7).fill(0xee);
  backing.set(bytes, 3);
  return backing.subarray(3, 3 + bytes.length);
}

const VARIANTS: Record<string, (bytes: Uint8Array) => unknown> = {
  "Uint8Array at byte offset 3": inside,
  ArrayBuffer: (bytes) => bytes.slice().buffer,
  "DataView at byte offset 3": (bytes) => {
    const view = inside(bytes);
    return new DataView(view.buffer, view.byteOffset, view.byteLength);
  },
};

const BUFFER_FUNCTIONS: Record<string, string> = {
  unpack: "unpack",
  unpack_from: "unpackFrom",
  iter_unpack: "iterUnpack",
  pack_into: "packInto",
};

/** The module function of case `c` with `target` in place of its buffer. */
function callWith(c: StructCase, target: unknown, length: number): Observed {
  try {
    const value = loose[BUFFER_FUNCTIONS[c.fn] as string]!(c.fmt, target, ...c.args.slice(1));
    if (c.fn === "iter_unpack") return { ok: [...(value as Iterable<unknown>)] };
    if (c.fn === "pack_into") return { ok: written(target, length) };
    return { ok: value };
  } catch (e) {
    return caught(e);
  }
}

/**
 * unpack, unpack_from, iter_unpack and pack_into over other views of the same bytes,
 * for every case a plain Uint8Array already gets right.
 */
export function bufferMismatches(cases: readonly StructCase[]): string[] {
  const out: string[] = [];
  let count = 0;
  for (const c of cases) {
    const buffer = c.args[0];
    if (!(buffer instanceof Uint8Array) || !(c.fn in BUFFER_FUNCTIONS)) continue;
    const want = expected(c, "module");
    if (!same(runCase(c, "module"), want)) continue; // wrong already: vectors.test.ts says so
    for (const [name, make] of Object.entries(VARIANTS)) {
      if (c.fn === "pack_into" && name === "ArrayBuffer") continue; // its bytes are a copy
      const got = callWith(c, make(buffer), buffer.length);
      if (!same(got, want)) count = report(out, count, c, want, { [name]: got });
    }
  }
  return finish(out, count);
}

/** What pack_into left in a view made by `inside`; the bytes around must stay 0xee. */
function written(target: unknown, length: number): unknown {
  const all = new Uint8Array((target as ArrayBufferView).buffer);
  const around = [...all.subarray(0, 3), ...all.subarray(3 + length)];
  if (around.some((b) => b !== 0xee)) return { wroteOutside: Array.from(all) };
  return all.slice(3, 3 + length);
}
