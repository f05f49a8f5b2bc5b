/**
 * fast-check arbitraries for live-oracle struct properties: random formats built from
 * known items (so values of the right kind can be made for each), values that mostly
 * fit and sometimes do not, and free-form format text that is mostly garbage.
 *
 * Every value has a Python counterpart of the same meaning (see
 * internal/oracle/src/values.ts): integers for integer codes are safe `number`s or
 * `bigint`s (an unsafe integer number would reach Python as a float); complex values
 * are `{re, im}` (py/struct_live.py makes them Python complex numbers).
 */
import fc from "fast-check";

export const PREFIXES = ["", "@", "=", "<", ">", "!"] as const;
const STANDARD_CODES = [..."xcbB?hHiIlLqQefdsp"];
const NATIVE_CODES = [...STANDARD_CODES, "n", "N", "P"];

/** What formats and values are made for: CPython 3.13 on LP64, or 3.14 on wasm32. */
export interface Target {
  /** Bytes of the native long, ssize_t, size_t and pointer. */
  readonly nativeLong: 4 | 8;
  /** Codes beyond 3.13's (3.14's complex F and D). */
  readonly codes: readonly string[];
}
export const LP64_313: Target = { nativeLong: 8, codes: [] };
export const WASM32_314: Target = { nativeLong: 4, codes: ["F", "D"] };

/** One item of a format: its code and repeat count (`null`: none written). */
export interface Item {
  readonly code: string;
  readonly count: number | null;
}

/** A format built from items, with its text. */
export interface Built {
  readonly prefix: string;
  readonly items: readonly Item[];
  readonly text: string;
}

const INT_BYTES: Record<string, number> = { b: 1, h: 2, i: 4, l: 4, q: 8 };

/** [min, max] of an integer code (native sizes of the target, else standard sizes). */
export function intRange(code: string, native: boolean, target: Target): [bigint, bigint] {
  const lower = code.toLowerCase();
  const long = native && (lower === "l" || lower === "n");
  const bytes = long ? target.nativeLong : (INT_BYTES[lower] ?? 8);
  const bits = BigInt(8 * bytes);
  if (code === lower) return [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
  return [0n, (1n << bits) - 1n];
}

const itemArb = (native: boolean, target: Target): fc.Arbitrary<Item> =>
  fc.constantFrom(...(native ? NATIVE_CODES : STANDARD_CODES), ...target.codes).chain((code) => {
    const counts =
      code === "s" || code === "p"
        ? fc.oneof(
            fc.constant(null),
            fc.integer({ min: 0, max: 12 }),
            fc.constantFrom(255, 256, 257),
          )
        : fc.oneof(
            { weight: 3, arbitrary: fc.constant(null) },
            { weight: 2, arbitrary: fc.integer({ min: 0, max: 4 }) },
          );
    return counts.map((count) => ({ code, count }));
  });

/** A valid format for the target: a prefix and 0–7 items, maybe spaced. */
export function formatArbFor(target: Target): fc.Arbitrary<Built> {
  return fc
    .constantFrom(...PREFIXES)
    .chain((prefix) =>
      fc.record({
        prefix: fc.constant(prefix),
        items: fc.array(itemArb(prefix === "" || prefix === "@", target), { maxLength: 7 }),
        sep: fc.constantFrom("", "", "", " ", "\t", "\n "),
      }),
    )
    .map(({ prefix, items, sep }) => ({
      prefix,
      items,
      text: prefix + items.map((it) => `${it.count ?? ""}${it.code}`).join(sep),
    }));
}

/** A valid format for CPython 3.13 on LP64. */
export const formatArb: fc.Arbitrary<Built> = formatArbFor(LP64_313);

/** Free-form format text: valid pieces, digits, whitespace and bad characters. */
export const formatTextArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...NATIVE_CODES),
      fc.constantFrom(...PREFIXES.slice(1)),
      fc.constantFrom("0", "1", "2", "9", "10", "255", "99999999999999999999"),
      fc.constantFrom(" ", "\t", "\x0b", "\x1c", "\0"),
      fc.constantFrom("T{", "}", "(", ")", ":", "Z", "g", "O", "&", "w", "u", "F", "D", "^", "y"),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(""));

const WRONG_FOR_INT = [1.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, "x", "", null];
const WRONG_FOR_FLOAT = ["x", "1.5", null, new Uint8Array([1])];

function intArb(code: string, native: boolean, target: Target): fc.Arbitrary<unknown> {
  const bits = BigInt(8 * target.nativeLong);
  const [min, max] =
    code === "P" ? [-(1n << (bits - 1n)), (1n << bits) - 1n] : intRange(code, native, target);
  const exact = fc.oneof(
    fc.bigInt({ min, max }),
    fc.constantFrom(min, max, 0n, -1n, 1n, min - 1n, max + 1n, min - (1n << 64n), max << 8n),
  );
  const asNumberWhenSafe = exact.chain((v) =>
    v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
      ? fc.constantFrom<unknown>(v, Number(v))
      : fc.constant<unknown>(v),
  );
  return fc.oneof(
    { weight: 12, arbitrary: asNumberWhenSafe },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(...WRONG_FOR_INT, true, false) },
  );
}

function floatArb(code: string): fc.Arbitrary<unknown> {
  const edges =
    code === "e"
      ? [65504, 65519, 65520, 2 ** -24, 2 ** -25, 3 * 2 ** -26, 6.1e-5, -0]
      : [3.4028234663852886e38, 3.4028235677973366e38, 1e39, 1.401298464324817e-45, -0];
  const scaled =
    code === "e"
      ? fc.double({ min: -70000, max: 70000 })
      : code === "f"
        ? fc.float().map((x) => x * (1 + 2 ** -30))
        : fc.double();
  return fc.oneof(
    { weight: 6, arbitrary: fc.double() },
    { weight: 6, arbitrary: scaled },
    { weight: 3, arbitrary: fc.constantFrom<unknown>(...edges) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(...WRONG_FOR_FLOAT, true, 7) },
  );
}

function bytesArb(code: string, count: number | null): fc.Arbitrary<unknown> {
  const n = count ?? 1;
  const fits =
    code === "c"
      ? fc.uint8Array({ minLength: 1, maxLength: 1 })
      : fc.uint8Array({ maxLength: n + 3 });
  return fc.oneof(
    { weight: 10, arbitrary: fits },
    { weight: 1, arbitrary: fc.constantFrom<unknown>("a", 97, null, new Uint8Array(2)) },
  );
}

/** A complex value for F and D: {re, im}, or a number meaning complex(x, 0). */
const complexArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ re: fc.double(), im: fc.double() }) },
  { weight: 2, arbitrary: fc.record({ re: fc.float(), im: fc.constantFrom(0, -0, 1e39) }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("x", null, new Uint8Array(2)) },
);

/** A value for one item of `code` (`count`: the count s and p were written with). */
export function valueArb(
  code: string,
  native: boolean,
  count: number | null,
  target: Target,
): fc.Arbitrary<unknown> {
  if ("bBhHiIlLqQnNP".includes(code)) return intArb(code, native, target);
  if (code === "F" || code === "D") return complexArb;
  if ("efd".includes(code)) return floatArb(code);
  if (code === "?") {
    return fc.oneof(
      { weight: 5, arbitrary: fc.boolean() },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(0, 1, -2, 0.5, "", "x", null, 2n ** 70n) },
    );
  }
  return bytesArb(code, count);
}

/** The values a built format packs, in order (`x` takes none, `s`/`p` one per item). */
export function valuesArb(built: Built, target: Target): fc.Arbitrary<unknown[]> {
  const native = built.prefix === "" || built.prefix === "@";
  const arbs: fc.Arbitrary<unknown>[] = [];
  for (const { code, count } of built.items) {
    if (code === "x") continue;
    const n = code === "s" || code === "p" ? 1 : (count ?? 1);
    for (let i = 0; i < n; i++) arbs.push(valueArb(code, native, count, target));
  }
  return fc.tuple(...arbs);
}

/** A format with values for it; now and then one value too few or too many. */
export function packArbFor(target: Target): fc.Arbitrary<{ fmt: string; values: unknown[] }> {
  return formatArbFor(target).chain((built) =>
    fc.tuple(valuesArb(built, target), fc.integer({ min: 0, max: 29 })).map(([values, roll]) => ({
      fmt: built.text,
      values: roll === 0 ? values.slice(1) : roll === 1 ? [...values, 0] : values,
    })),
  );
}

/** A format for CPython 3.13 on LP64, with values for it. */
export const packArb: fc.Arbitrary<{ fmt: string; values: unknown[] }> = packArbFor(LP64_313);

/** The seed of this run (set FC_SEED to replay one), reported with every failure. */
export const SEED: number = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
