/**
 * Comparing an outcome of @pybuffer/legacy with Python 2.7's. Values compare by content
 * (bytes by bytes, ints as numbers or bigints alike); errors by CPython class and
 * message, with two documented translations:
 *
 * - a MemoryError matches when 2.7's message is empty (2.7 failed to allocate; we refuse
 *   up front with a message of our own);
 * - the marker for an operation that crashes 2.7.18 (`buffer('') * n`) ↔ empty bytes;
 * - a UnicodeDecodeError matches a ValueError with its message (the family has no
 *   UnicodeDecodeError class; Python's is a subclass of ValueError).
 */
import type { Outcome } from "./script.js";

export const CRASH = "2.7.18 crashes here";

function sameValue(a: unknown, b: unknown): boolean {
  if (
    (typeof a === "bigint" || typeof a === "number") &&
    (typeof b === "bigint" || typeof b === "number")
  ) {
    if (typeof a === "number" && !Number.isInteger(a)) return Object.is(a, b);
    if (typeof b === "number" && !Number.isInteger(b)) return false;
    return BigInt(a) === BigInt(b);
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array) || a.length !== b.length)
      return false;
    return a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!(Array.isArray(a) && Array.isArray(b)) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return (
      sameValue(ka, kb) &&
      ka.every((k) =>
        sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return Object.is(a, b);
}

/** Whether `actual` (ours) is what `expected` (Python 2.7's) says, translations applied. */
export function sameOutcome(actual: Outcome, expected: Outcome): boolean {
  if ("ok" in expected) return "ok" in actual && sameValue(actual.ok, expected.ok);
  if (expected.error === "RuntimeError" && expected.message.startsWith(CRASH)) {
    return "ok" in actual && actual.ok instanceof Uint8Array && actual.ok.length === 0;
  }
  if ("ok" in actual) return false;
  if (expected.error === "MemoryError" && expected.message === "") {
    return actual.error === "MemoryError";
  }
  if (expected.error === "UnicodeDecodeError") {
    return actual.error === "ValueError" && actual.message === expected.message;
  }
  return actual.error === expected.error && actual.message === expected.message;
}

function show(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === "bigint") return `${v}n`;
    if (v instanceof Uint8Array) return `bytes(${Array.from(v).join(",")})`;
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    return v;
  });
}

/** A readable line for a failed comparison. */
export function describeMismatch(where: unknown, actual: Outcome[], expected: Outcome[]): string {
  return `${show(where)}\n  ours:   ${show(actual)}\n  python: ${show(expected)}`;
}

/** Indices where the two outcome lists differ. */
export function mismatches(actual: Outcome[], expected: Outcome[]): number[] {
  const out: number[] = [];
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    const a = actual[i];
    const e = expected[i];
    if (a === undefined || e === undefined || !sameOutcome(a, e)) out.push(i);
  }
  return out;
}
