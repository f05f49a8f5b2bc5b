/**
 * Replays CPython struct vectors (internal/oracle/gen/struct_*.py) against our API.
 *
 * A case is one call: `fn` (CPython's name), the format (`fmt`, absent when the call
 * has none), the arguments after it, and the outcome CPython gave (`result`; for the
 * methods of a `Struct` object `struct_result` when they differ, e.g. in an arity
 * message). Each case runs three ways: the module function, a compiled `Struct` and
 * an interpreted `Struct` (`codegen: false`); each must give CPython's value, or its
 * exception class and message.
 */
import * as api from "../../src/index.js";
import { bytesToHex, floatBits, isOracleError, loadVectors } from "./oracle-harness.js";

/** A call as the vectors record it (after the oracle reviver). */
export interface StructCase {
  readonly fn: string;
  readonly fmt?: unknown;
  readonly args: readonly unknown[];
  readonly result: unknown;
  readonly struct_result?: unknown;
  /** PEP 3118 syntax struct rejects and DESIGN.md extends to: ok, or any struct.error. */
  readonly pep3118?: boolean;
}

/** The way a case is run. */
export type Path = "module" | "compiled" | "interpreted";
export const PATHS: readonly Path[] = ["module", "compiled", "interpreted"];

type Fn = (...args: unknown[]) => unknown;
interface LooseStruct {
  readonly size: unknown;
  readonly format: unknown;
  readonly [method: string]: unknown;
}
type StructCtor = new (fmt: unknown, opts?: object) => LooseStruct;

const loose = api as unknown as Record<string, unknown>;
const MODULE_NAMES: Record<string, string> = {
  calcsize: "calcSize",
  pack: "pack",
  unpack: "unpack",
  unpack_from: "unpackFrom",
  pack_into: "packInto",
  iter_unpack: "iterUnpack",
};
const METHOD_NAMES: Record<string, string> = {
  pack: "pack",
  unpack: "unpack",
  unpack_from: "unpackFrom",
  pack_into: "packInto",
  iter_unpack: "iterUnpack",
};

function named<T>(name: string): T {
  const value = loose[name];
  if (typeof value !== "function") throw new Error(`@pybuffer/struct has no export ${name}`);
  return value as T;
}

/** What a call gave: `{ ok }`, or the Python class and message of what it threw. */
export type Observed = { ok: unknown } | { error: string; message: string; lazy?: true };

export function caught(e: unknown, lazy = false): Observed {
  const error = api.pythonErrorName(e) ?? `JS ${(e as Error)?.name ?? typeof e}`;
  const message = (e as Error)?.message ?? String(e);
  return lazy ? { error, message, lazy: true } : { error, message };
}

/** Copies buffers so that a case can be run more than once. */
function freshArgs(args: readonly unknown[]): unknown[] {
  return args.map((a) => (a instanceof Uint8Array ? a.slice() : a));
}

function drain(iterable: unknown): Observed {
  try {
    return { ok: [...(iterable as Iterable<unknown>)] };
  } catch (e) {
    return caught(e, true); // CPython raises in iter_unpack() itself, never while iterating
  }
}

/** Options for a run: the ABI (module functions take it only in calcSize). */
export interface RunOptions {
  readonly abi?: "lp64" | "llp64" | "wasm32";
}

function callModule(c: StructCase, args: unknown[], opts: RunOptions): unknown {
  const withFormat = "fmt" in c ? [c.fmt, ...args] : args;
  if (c.fn === "size") return new (named<StructCtor>("Struct"))(c.fmt, opts).size;
  if (c.fn === "format") return new (named<StructCtor>("Struct"))(c.fmt, opts).format;
  if (c.fn === "calcsize" && opts.abi !== undefined) return named<Fn>("calcSize")(c.fmt, opts);
  return named<Fn>(MODULE_NAMES[c.fn] as string)(...withFormat);
}

function callStruct(c: StructCase, args: unknown[], codegen: boolean, opts: RunOptions): unknown {
  const s = new (named<StructCtor>("Struct"))(c.fmt, { ...opts, codegen });
  if (c.fn === "calcsize" || c.fn === "size") return s.size;
  if (c.fn === "format") return s.format;
  const method = s[METHOD_NAMES[c.fn] as string];
  if (typeof method !== "function") throw new Error(`Struct has no method for ${c.fn}`);
  return (method as Fn).apply(s, args);
}

/** Runs one case one way. */
export function runCase(c: StructCase, path: Path, opts: RunOptions = {}): Observed {
  const args = freshArgs(c.args);
  let value: unknown;
  try {
    value =
      path === "module"
        ? callModule(c, args, opts)
        : callStruct(c, args, path === "compiled", opts);
  } catch (e) {
    return caught(e);
  }
  if (c.fn === "iter_unpack") return drain(value);
  if (c.fn === "pack_into") return { ok: args[0] }; // CPython's result: the buffer after
  return { ok: value };
}

/** What the case expects on that path. */
export function expected(c: StructCase, path: Path): Observed {
  const outcome = path !== "module" && c.struct_result !== undefined ? c.struct_result : c.result;
  if (isOracleError(outcome)) return { error: outcome.error, message: outcome.message };
  return outcome as { ok: unknown };
}

/**
 * Deep equality with Python's eyes: -0 is not 0, NaN is NaN, bytes by content. A NaN's
 * bits are not compared: unpack results are arrays, and V8 may canonicalise a NaN stored
 * into an array (its sign and payload lost, depending on the road the store takes), so
 * they cannot be read back reliably here. Packed NaNs are compared exactly (bytes), and
 * the memoryview vectors read NaN items as scalars and compare their bits.
 */
export function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Object.is(a, b);
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && bytesToHex(a) === bytesToHex(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => same(x, b[i]))
    );
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return (
      same(ka, kb) &&
      ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

/** A short readable rendering of a value for failure reports. */
export function show(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === "bigint") return `${v}n`;
    if (v instanceof Uint8Array) return `b'${bytesToHex(v)}'`;
    if (typeof v === "number" && Number.isNaN(v)) return `NaN(${floatBits(v)})`;
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    if (typeof v === "number" && Object.is(v, -0)) return "-0";
    if (typeof v === "string" && v.length > 80) return `${v.slice(0, 77)}...`;
    return v;
  }).slice(0, 400);
}

/**
 * Where a case may differ from CPython on purpose: PEP 3118 syntax (DESIGN.md parses
 * it everywhere), and sizes past 2**53, where an exactly equal number is as good as
 * CPython's bigint.
 */
function acceptable(c: StructCase, got: Observed, want: Observed): boolean {
  if (c.pep3118 === true) return !("error" in got) || got.error === "struct.error";
  if ((c.fn === "calcsize" || c.fn === "size") && "ok" in want && typeof want.ok === "bigint") {
    // A size past 2^53 is either returned exactly, or refused with OverflowError when no
    // JavaScript number holds it exactly (documented in the struct README).
    if ("ok" in got) return typeof got.ok === "number" && BigInt(got.ok) === want.ok;
    return got.error === "OverflowError" && !Number.isSafeInteger(Number(want.ok));
  }
  return false;
}

/** Runs every case one way; returns a description of each that differs from CPython. */
export function mismatches(
  cases: readonly StructCase[],
  path: Path,
  opts: RunOptions = {},
  limit = 25,
): string[] {
  const out: string[] = [];
  let count = 0;
  for (const c of cases) {
    if (path !== "module" && !("fmt" in c)) continue; // no format, no Struct
    const want = expected(c, path);
    const got = runCase(c, path, opts);
    if (same(got, want) || acceptable(c, got, want)) continue;
    count++;
    if (out.length < limit) {
      const call = `${c.fn}(${show("fmt" in c ? [c.fmt, ...c.args] : c.args).slice(1, -1)})`;
      out.push(`${call}\n    want ${show(want)}\n    got  ${show(got)}`);
    }
  }
  if (count > out.length) out.push(`... and ${count - out.length} more`);
  return out;
}

/** The cases of one vectors file. */
export function loadStructCases(name: string): StructCase[] {
  return loadVectors<{ cases: StructCase[] }>(name).cases;
}
