/**
 * Property tests against a live CPython 3.13 (skipped, saying so, when it is missing):
 * random exporters built by fast-check — every native format, ndim 0–3, zero, negative
 * and repeated strides, empty dimensions, PIL-style suboffsets — are rebuilt in Python
 * with `_testbuffer.ndarray`; attributes, contents, lookups, slices and casts must agree
 * value for value and error for error. Also `hashBytes` against `hash(bytes)` under
 * PYTHONHASHSEED=0.
 */
import { describeWithPython } from "@pybuffer-internal/oracle";
import fc from "fast-check";
import { expect, it } from "vitest";
import { nativeSize } from "../src/format.js";
import { hashBytes, memoryview } from "../src/index.js";
import {
  type Desc,
  doubleStrides,
  exporterFrom,
  keyFrom,
  outcome,
  run,
  summary,
} from "./helpers.js";

const CODES = "bBhHiIlLqQnNefd?cP";

interface Spec {
  code: string;
  shape: number[];
  mult: number[];
  readonly: boolean;
  pil: boolean;
  bytes: Uint8Array;
  at: boolean;
}

function descOf(spec: Spec): Desc {
  const itemsize = nativeSize(spec.code, "lp64");
  const ndim = spec.shape.length;
  const strides = new Array<number>(ndim);
  let base = itemsize;
  for (let d = ndim - 1; d >= 0; d--) {
    strides[d] = (spec.mult[d] as number) * base;
    base *= Math.max(1, spec.shape[d] as number);
  }
  let lo = 0;
  let hi = 0;
  if (!spec.shape.includes(0)) {
    for (let d = 0; d < ndim; d++) {
      const span = ((spec.shape[d] as number) - 1) * (strides[d] as number);
      if (span < 0) lo += span;
      else hi += span;
    }
  }
  const memlen = hi - lo + itemsize;
  const mem = new Uint8Array(memlen);
  for (let i = 0; i < memlen; i++) mem[i] = spec.bytes[i % spec.bytes.length] as number;
  const dv = new DataView(mem.buffer);
  for (let at = 0; at < memlen; at += itemsize) {
    if (spec.code === "?") mem[at] = (mem[at] as number) & 1;
    if (spec.code === "d" && Number.isNaN(dv.getFloat64(at, true))) dv.setFloat64(at, 0, true);
    if (spec.code === "f" && Number.isNaN(dv.getFloat32(at, true))) dv.setFloat32(at, 0, true);
    if (spec.code === "e" && (dv.getUint16(at, true) & 0x7c00) === 0x7c00)
      dv.setUint16(at, 0, true);
  }
  return {
    mem,
    fmt: (spec.at ? "@" : "") + spec.code,
    itemsize,
    shape: spec.shape,
    strides,
    offset: lo === 0 ? 0 : -lo,
    readonly: spec.readonly,
    pil: spec.pil && ndim > 0,
  };
}

const specs = fc.record({
  code: fc.constantFrom(...CODES),
  shape: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
  mult: fc.array(fc.constantFrom(-2, -1, 1, 1, 2, 0), { minLength: 3, maxLength: 3 }),
  readonly: fc.boolean(),
  pil: fc.boolean(),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  at: fc.boolean(),
});

function keysFor(desc: Desc, seed: number): unknown[] {
  let state = seed;
  const rand = (n: number): number => {
    state = (state * 1103515245 + 12345) | 0;
    return Math.abs(state) % n;
  };
  const keys: unknown[] = [[], { ellipsis: 1 }, 0, -1];
  const n = desc.shape[0] ?? 0;
  for (let k = 0; k < 3; k++) keys.push(desc.shape.map((e) => rand(2 * e + 3) - e - 1));
  for (let k = 0; k < 3; k++) {
    const bound = (): number | null => (rand(3) === 0 ? null : rand(2 * n + 5) - n - 2);
    keys.push({ slice: [bound(), bound(), [null, 1, -1, 2, -3][rand(5)]] });
  }
  return keys;
}

const CASTS: [string, number[] | null][] = [
  ["B", null],
  ["c", null],
  ["h", null],
  ["d", [1]],
  ["B", [2, 2]],
];

describeWithPython("3.13", "memoryview against live CPython", (python) => {
  it("agrees on 1000 random exporters", async () => {
    const samples = fc.sample(fc.tuple(specs, fc.integer()), { numRuns: 1000, seed: 20261121 });
    const cases = samples.map(([spec, seed]) => {
      const desc = descOf(spec);
      return { desc, keys: keysFor(desc, seed) };
    });
    const answers = await python().batch(
      "memoryview_live",
      "view_report",
      cases.map((c) => [c.desc, c.keys, CASTS]),
    );
    cases.forEach((c, i) => {
      const answer = answers[i] as { ok: Record<string, unknown> };
      expect(answer, `case ${i}`).toHaveProperty("ok");
      const m = memoryview(exporterFrom(c.desc));
      const ours = {
        view: (summary(m) as { view: unknown }).view,
        tobytes: (["F", "A"] as const).map((o) => outcome(() => m.toBytes(o))),
        hex: outcome(() => m.hex(":", -2)),
        gets: c.keys.map((k) => run(() => m.get(keyFrom(k)))),
        casts: CASTS.map(([f, s]) => run(() => (s === null ? m.cast(f) : m.cast(f, s)))),
        eq_self: m.equals(m),
        eq_readonly: m.equals(m.toReadOnly()),
      };
      const context = `case ${i}: ${c.desc.fmt} shape=${JSON.stringify(c.desc.shape)} strides=${JSON.stringify(c.desc.strides)}${c.desc.pil ? " PIL" : ""}`;
      expect(ours, context).toEqual(doubleStrides(answer.ok));
    });
  });

  it("hashBytes equals hash(bytes) under PYTHONHASHSEED=0", async () => {
    const inputs = fc.sample(fc.uint8Array({ maxLength: 40 }), { numRuns: 200, seed: 7 });
    const answer = await python().call("memoryview_live", "hash_bytes_seed0", [inputs]);
    const expected = (answer as { ok: (number | bigint)[] }).ok;
    inputs.forEach((b, i) => {
      expect(hashBytes(b), `${[...b]}`).toBe(BigInt(expected[i] as number | bigint));
    });
  });
});
