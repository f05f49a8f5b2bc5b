/**
 * fast-check arbitraries for the struct fuzz suite (fuzz.test.ts): format text over the
 * whole PEP 3118 superset (records, sub-arrays, names, zero-size items, pointers, huge
 * counts), sometimes mangled into malformed text, and hostile JavaScript values.
 */
import fc from "fast-check";

const CODES = [..."xcbB?hHiIlLqQnNefdspPFDuwgOt", "Zf", "Zd", "Zg", "&i", "&&d"];
const MODES = ["", "", "", "@", "=", "<", ">", "!", "^"];
const NAMES = ["a", "b", "f0", "f1", "f2", "__proto__", "constructor"];

const countArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constant("") },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 4 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom("100000000", "2147483647", "65537", "9999999999999") },
);

const shapeArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constant("") },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(2147483647)), {
        minLength: 1,
        maxLength: 3,
      })
      .map((dims) => `(${dims.join(",")})`),
  },
);

const nameArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant("") },
  { weight: 2, arbitrary: fc.constantFrom(...NAMES).map((n) => `:${n}:`) },
);

/** A format item, records nested up to `depth` levels. */
function itemArb(depth: number): fc.Arbitrary<string> {
  const scalar = fc
    .tuple(shapeArb, countArb, fc.constantFrom(...CODES), nameArb)
    .map((parts) => parts.join(""));
  if (depth === 0) return scalar;
  const record = fc
    .tuple(
      shapeArb,
      countArb,
      fc.constantFrom(...MODES),
      fc.array(itemArb(depth - 1), { maxLength: 4 }),
      nameArb,
    )
    .map(
      ([shape, count, mode, items, name]) => `${shape}${count}T{${mode}${items.join("")}}${name}`,
    );
  return fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 1, arbitrary: record });
}

/** A format in the grammar (not always valid: names repeat, counts overflow). */
export const grammarFormatArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...MODES), fc.array(itemArb(2), { maxLength: 6 }))
  .map(([mode, items]) => mode + items.join(""));

const JUNK = ["{", "}", "(", ")", ",", ":", "T", "Z", "&", " ", "\t", "0", "9", "é", "\0", "y"];

/** Format text: mostly grammar, sometimes with junk spliced in or pieces cut out. */
export const formatArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: grammarFormatArb },
  {
    weight: 2,
    arbitrary: fc
      .tuple(grammarFormatArb, fc.nat(), fc.constantFrom(...JUNK), fc.nat({ max: 3 }))
      .map(([text, at, junk, cut]) => {
        const i = text.length === 0 ? 0 : at % text.length;
        return text.slice(0, i) + junk + text.slice(i + cut);
      }),
  },
);

/** Values of every JavaScript kind, for positions where a value of some code is due. */
export const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.bigInt(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(null, undefined, Symbol("s"), () => 1, {}, [], [1, 2], { re: 1, im: 2 }),
  fc.uint8Array({ maxLength: 4 }),
  fc.constant(new Uint16Array(2)),
);
