/**
 * The struct layer's fuzz suite (issue 19, item 13): random formats over the whole
 * PEP 3118 superset, valid and malformed, random buffers and hostile values, memory
 * detached, shrunk or grown between steps and from inside getters, and packs into a
 * region of a larger memory ringed with canary bytes. The rules: only the family's
 * error classes (and TypeErrors of ours, never the engine's) escape; nothing outside
 * the target region is written; values that unpack pack back to the same values; no
 * run hangs. A small count runs with the tests; for a long run (root README, "Commands"):
 *
 *   PYBUFFER_FUZZ_RUNS=1000000 npx vitest run packages/struct/test/fuzz.test.ts
 *
 * Failures print the seed; replay with FC_SEED=<seed>.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calcSize, parseFormat, pythonErrorName, Struct } from "../src/index.js";
import { formatArb, grammarFormatArb, hostileValueArb } from "./support/fuzz-arbitraries.js";

const RUNS = Number(process.env.PYBUFFER_FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
// A long run may take hours: no per-test timeout then.
const TIMEOUT = RUNS > 5000 ? 2 ** 31 - 1 : 120_000;
/**
 * A hang guard, far above what one run takes: CPU milliseconds of this process, not
 * wall time, so that a loaded machine does not trip it (a 200,000-run pass, niced
 * beside a CI run, once waited 5.7 s of wall time on a run that costs 0.1 s).
 */
const RUN_LIMIT_MS = 5000;
/** Structs larger than this are parsed and refused, not filled with bytes. */
const MAX_FILL = 2048;

/** Messages of the engine's own errors, which must never reach a user. */
const ENGINE =
  /Cannot perform|detached ArrayBuffer$|Invalid typed array|out of bounds|outside the bounds|Maximum call stack|Cannot read prop|is not a function|Invalid array length/;

function isFamilyError(e: unknown): boolean {
  const name = pythonErrorName(e);
  if (name === undefined) return false;
  return name !== "TypeError" || !ENGINE.test((e as Error).message);
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Run `fn`; a foreign error fails the property with what it was. */
function attempt<T>(what: string, fn: () => T): Outcome<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (!isFamilyError(e)) {
      throw new Error(`${what}: foreign ${(e as Error)?.name}: ${(e as Error)?.message}`);
    }
    return { ok: false, error: e };
  }
}

function check<T>(property: fc.IProperty<T>): void {
  fc.assert(property, { numRuns: RUNS, seed: SEED });
}

function timed(fn: () => void): void {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  if (ms > RUN_LIMIT_MS) throw new Error(`one run took ${ms.toFixed(0)} ms of CPU`);
}

/** A Struct of `fmt` whose structs are small enough to fill, or null. */
function smallStruct(fmt: string, codegen: boolean): Struct | null {
  const s = attempt(`Struct(${JSON.stringify(fmt)})`, () => new Struct(fmt, { codegen }));
  return s.ok && s.value.size <= MAX_FILL ? s.value : null;
}

/** Whether `fmt` has a code whose values do not round-trip through a JS string. */
function hasUcs4(fmt: string): boolean {
  return fmt.includes("w");
}

describe(`struct fuzz (${RUNS} runs, FC_SEED=${SEED})`, () => {
  it(
    "formats: only family errors, and what unpacks packs back to the same values",
    () => {
      check(
        fc.property(
          formatArb,
          fc.boolean(),
          fc.uint8Array({ minLength: MAX_FILL * 2, maxLength: MAX_FILL * 2 }),
          fc.nat(),
          (fmt, codegen, noise, roll) =>
            timed(() => {
              const q = JSON.stringify(fmt);
              attempt(`calcSize(${q})`, () => calcSize(fmt));
              attempt(`parseFormat(${q})`, () => parseFormat(fmt));
              const s = smallStruct(fmt, codegen);
              if (s === null) return;
              const bytes = noise.slice(0, s.size);
              const values = attempt(`unpack(${q})`, () => s.unpack(bytes));
              if (values.ok) {
                const packed = attempt(`pack(${q})`, () => s.packArray(values.value));
                expect(packed.ok, `${q} unpacks but does not pack back`).toBe(true);
                if (packed.ok) {
                  const again = s.unpack(packed.value);
                  if (!hasUcs4(fmt)) expect(again, q).toEqual(values.value);
                  expect(s.packArray(again), q).toEqual(packed.value);
                }
              }
              const at = s.size === 0 ? 0 : roll % (s.size + 1);
              attempt(`unpackFrom(${q})`, () => s.unpackFrom(noise.subarray(0, s.size + at), at));
              if (s.size > 0) {
                const n = 1 + (roll % 3);
                const many = noise.subarray(0, n * s.size);
                attempt(`iterUnpack(${q})`, () => [...s.iterUnpack(many)]);
                attempt(`unpackMany(${q})`, () => s.unpackMany(many));
                attempt(`unpackColumns(${q})`, () => s.unpackColumns(many));
              }
            }),
        ),
      );
    },
    TIMEOUT,
  );

  it(
    "hostile values: only family errors, never a write outside the target",
    () => {
      check(
        fc.property(
          grammarFormatArb,
          fc.boolean(),
          fc.uint8Array({ minLength: MAX_FILL, maxLength: MAX_FILL }),
          fc.array(hostileValueArb, { maxLength: 8 }),
          fc.nat({ max: 16 }),
          (fmt, codegen, noise, hostile, slack) =>
            timed(() => {
              const s = smallStruct(fmt, codegen);
              if (s === null || s.layout.length > 64) return;
              const q = JSON.stringify(fmt);
              // Good values (from bytes), some replaced by hostile ones.
              const good = attempt("unpack", () => s.unpack(noise.subarray(0, s.size)));
              const values = good.ok ? [...good.value] : hostile.slice(0, s.layout.length);
              hostile.forEach((v, i) => {
                if (i % 2 === 0 && values.length > 0) values[(i * 7) % values.length] = v;
              });
              const ring = 8;
              const total = 2 * s.size + slack;
              const memory = new Uint8Array(ring + total + ring).fill(0xa5);
              const region = memory.subarray(ring, ring + total);
              const off = slack;
              attempt(`packInto(${q})`, () => s.packIntoArray(region, off, values));
              attempt(`packManyInto(${q})`, () => s.packManyInto(region, 0, [values, values]));
              attempt(`pack(${q})`, () => s.packArray(values));
              for (let i = 0; i < ring; i++) {
                expect(memory[i], `${q} wrote before its region`).toBe(0xa5);
                expect(memory[ring + total + i], `${q} wrote after its region`).toBe(0xa5);
              }
              // packInto writes only its struct's bytes.
              const lone = new Uint8Array(total).fill(0xa5);
              attempt(`packInto(${q})`, () => s.packIntoArray(lone, off, values));
              for (let i = 0; i < total; i++) {
                if (i < off || i >= off + s.size) expect(lone[i], q).toBe(0xa5);
              }
            }),
        ),
      );
    },
    TIMEOUT,
  );

  const CHANGES = ["detach", "shrink", "grow", "none"] as const;
  type Change = (typeof CHANGES)[number];

  function change(ab: ArrayBuffer, how: Change, to: number): void {
    if (how === "detach") structuredClone(ab, { transfer: [ab] });
    else if (how === "shrink") ab.resize(Math.min(to, ab.byteLength));
    else if (how === "grow") ab.resize(Math.min(ab.maxByteLength, ab.byteLength + to));
  }

  const ARGS = [
    (ab: ArrayBuffer) => ab,
    (ab: ArrayBuffer) => new Uint8Array(ab),
    (ab: ArrayBuffer) => new Uint8Array(ab, 0, ab.byteLength),
    (ab: ArrayBuffer) => new DataView(ab),
  ];

  it(
    "memory changed between steps or from a getter: a ValueError, never the engine's error",
    () => {
      check(
        fc.property(
          grammarFormatArb,
          fc.boolean(),
          fc.constantFrom(...CHANGES),
          fc.nat({ max: 3 }),
          fc.nat({ max: 64 }),
          fc.nat({ max: 3 }),
          (fmt, codegen, how, step, to, argKind) =>
            timed(() => {
              const s = smallStruct(fmt, codegen);
              if (s === null || s.size === 0 || s.size > 256 || s.layout.length > 64) return;
              const q = JSON.stringify(fmt);
              const n = 4;
              const fresh = () => new ArrayBuffer(n * s.size, { maxByteLength: 2 * n * s.size });
              const ab = fresh();
              const made = attempt(`iterUnpack(${q})`, () => s.iterUnpack(ARGS[argKind]!(ab)));
              if (!made.ok) return;
              for (let k = 0; k < n + 1; k++) {
                if (k === step) change(ab, how, to);
                const r = attempt(`next() after ${how} (${q})`, () => made.value.next());
                if (!r.ok) {
                  expect(pythonErrorName(r.error), q).not.toBe("TypeError");
                  break;
                }
                if (r.value.done) break;
              }
              // The same change from inside a getter of the values while packing.
              const target = fresh();
              const values = attempt("unpack", () => s.unpack(new Uint8Array(s.size)));
              if (!values.ok) return;
              const args = [...values.value];
              if (args.length === 0) return;
              const i = step % args.length;
              const real = args[i];
              Object.defineProperty(args, i, {
                get() {
                  change(target, how, to);
                  return real;
                },
              });
              attempt(`packInto after ${how} (${q})`, () =>
                s.packIntoArray(ARGS[argKind]!(target) as Uint8Array, 0, args),
              );
            }),
        ),
      );
    },
    TIMEOUT,
  );
});
