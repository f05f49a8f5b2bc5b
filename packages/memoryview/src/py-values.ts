/**
 * Python semantics for item values in JavaScript form (DESIGN.md's value table): what
 * counts as an `int`, and equality (`x == y`, for comparisons through struct, `count`
 * and `index`). Numbers, bigints and booleans compare as Python's
 * int / float / bool do, exactly (no rounding through doubles); `Uint8Array`s as bytes;
 * complex values `{re, im}` against numbers; arrays as tuples; records field by field.
 */

/**
 * A Python `int` in JavaScript form: a `number` holding an integer (but not `-0`, which
 * exists only as a float), a `bigint`, or a `boolean` (Python's `bool` is an `int`).
 * Returns the value (`true`/`false` as 1/0) or `null` for anything else.
 *
 * @example
 * asPyInt(3); // 3
 * asPyInt(1.5); // null: a float
 * asPyInt(true); // 1
 */
export function asPyInt(value: unknown): number | bigint | null {
  switch (typeof value) {
    case "number":
      return Number.isInteger(value) && !Object.is(value, -0) ? value : null;
    case "bigint":
      return value;
    case "boolean":
      return value ? 1 : 0;
    default:
      return null;
  }
}

function isComplex(value: unknown): value is { re: number; im: number } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { re?: unknown }).re === "number" &&
    typeof (value as { im?: unknown }).im === "number"
  );
}

/** Exact comparison of a bigint with a number (Python's int == float). */
function bigintEqualsNumber(a: bigint, b: number): boolean {
  return Number.isInteger(b) && BigInt(b) === a;
}

function scalarEquals(a: number | bigint | boolean, b: number | bigint | boolean): boolean {
  const x = typeof a === "boolean" ? (a ? 1 : 0) : a;
  const y = typeof b === "boolean" ? (b ? 1 : 0) : b;
  if (typeof x === "number") return typeof y === "number" ? x === y : bigintEqualsNumber(y, x);
  return typeof y === "bigint" ? x === y : bigintEqualsNumber(x, y);
}

function isScalar(value: unknown): value is number | bigint | boolean {
  const t = typeof value;
  return t === "number" || t === "bigint" || t === "boolean";
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Python's `a == b` for item values: `1 == 1.0 == true`, `2n ** 60n != 2 ** 60 + 1`,
 * `NaN != NaN`, bytes by content, `{re: 1, im: 0} == 1`, tuples and records item by item.
 *
 * @example
 * pyEquals(1n, 1); // true
 * pyEquals(new Uint8Array([97]), 97); // false: b'a' != 97
 */
export function pyEquals(a: unknown, b: unknown): boolean {
  if (isScalar(a)) {
    if (isScalar(b)) return scalarEquals(a, b);
    return isComplex(b) && b.im === 0 && scalarEquals(a, b.re);
  }
  if (a instanceof Uint8Array) return b instanceof Uint8Array && bytesEqual(a, b);
  if (isComplex(a)) {
    if (isComplex(b)) return a.re === b.re && a.im === b.im;
    return isScalar(b) && a.im === 0 && scalarEquals(a.re, b);
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!pyEquals(a[i], b[i])) return false;
    return true;
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    if (Array.isArray(b) || b instanceof Uint8Array) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (let i = 0; i < ka.length; i++) {
      const key = ka[i] as string;
      if (key !== kb[i]) return false;
      if (!pyEquals((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
        return false;
    }
    return true;
  }
  return a === b;
}
