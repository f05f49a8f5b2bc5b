/**
 * Shared parts of the live-oracle property tests: calls as py/struct_live.py takes
 * them, their outcomes turned into vectors-style cases, and the comparison of every
 * path with CPython. The seed of the run is in each failure message.
 */
import { expect } from "vitest";
import { SEED } from "./oracle-arbitraries.js";
import type { Outcome } from "./oracle-harness.js";
import { mismatches, type Path, type RunOptions, type StructCase } from "./oracle-replay.js";

/** One struct call: CPython's function name, the format, the arguments after it. */
export type Call = [fn: string, fmt: unknown, args: unknown[]];

/** PEP 3118 syntax (see struct_oracle.PEP3118): a struct.error from CPython may be ok here. */
const PEP3118_313 = /[T{}():&OtgZuw^FD]/;
const PEP3118_314 = /[T{}():&OtgZuw^]/;

/** Vectors-style cases from struct_live.run's outcomes for `calls`. */
export function toCases(
  calls: readonly Call[],
  outcomes: readonly Outcome[],
  python = "3.13",
): StructCase[] {
  const pep3118 = python === "3.13" ? PEP3118_313 : PEP3118_314;
  return calls.map(([fn, fmt, args], i) => {
    const outcome = outcomes[i] as { ok?: unknown };
    if (!("ok" in outcome)) throw new Error(`struct_live.run failed: ${JSON.stringify(outcome)}`);
    const flagged = typeof fmt === "string" && pep3118.test(fmt);
    return { fn, fmt, args, result: outcome.ok, pep3118: flagged };
  });
}

/** Every path gives CPython's outcome for every case. */
export function expectPathsMatch(
  cases: readonly StructCase[],
  paths: readonly Path[],
  opts: RunOptions = {},
): void {
  for (const path of paths) {
    expect(mismatches(cases, path, opts), `${path} path, FC_SEED=${SEED}`).toEqual([]);
  }
}

/** The `ok` value of each case (for calls known to succeed, such as calcsize). */
export function values<T>(cases: readonly StructCase[]): T[] {
  return cases.map((c) => (c.result as { ok: T }).ok);
}

/** `n` bytes taken (cyclically) from `noise`. */
export function fill(noise: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = noise.length ? (noise[i % noise.length] as number) : i;
  return out;
}

/** unpack and iter_unpack calls over random bytes of about `size` bytes. */
export function readCalls(fmt: string, size: number, noise: Uint8Array, roll: number): Call[] {
  const length = roll === 0 ? size + 1 : roll === 1 ? Math.max(size - 1, 0) : size;
  const repeats = roll % 4;
  return [
    ["unpack", fmt, [fill(noise, length)]],
    ["iter_unpack", fmt, [fill(noise, repeats * size + (roll === 9 ? 1 : 0))]],
  ];
}

/** unpack_from and pack_into calls at an offset around a buffer of about `size` bytes. */
export function offsetCalls(
  fmt: string,
  values: unknown[],
  size: number,
  noise: Uint8Array,
  slack: number,
  shift: number,
): Call[] {
  const buffer = fill(noise, Math.max(size + slack, 0));
  const offset = (shift % 7 === 0 ? shift : Math.trunc(shift / 3)) + 0; // never -0
  const calls: Call[] = [["unpack_from", fmt, [buffer, offset]]];
  // CPython's pack_into writes a '0p' item's length byte outside the item: not copied.
  if (!/(^|[^0-9])0p/.test(fmt)) calls.push(["pack_into", fmt, [buffer, offset, ...values]]);
  return calls;
}

/** unpack calls for what pack gave (a round trip through CPython's bytes). */
export function roundTripCalls(packed: readonly StructCase[]): Call[] {
  const calls: Call[] = [];
  for (const c of packed) {
    const ok = (c.result as { ok?: unknown }).ok;
    if (ok instanceof Uint8Array) calls.push(["unpack", c.fmt, [ok]]);
  }
  return calls;
}
