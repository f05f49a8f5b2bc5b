/**
 * What each value of a record is, from the format's layout: `unpack` gives a `number`
 * for both Python ints and floats, so printing `1.0` rather than `1` needs the code
 * that produced it. One {@link ValueInfo} per value `unpack` returns, in order.
 */
import { type Field, type Layout, recordKeys, ValueError } from "@pybuffer/struct";

/** The Python type of a leaf value. */
export type ValueKind = "int" | "float" | "bool" | "bytes" | "str" | "complex" | "other";

/** One value of a record: its column name, and its leaf kind or record members. */
export interface ValueInfo {
  readonly name: string;
  /** Leaf kind (for sub-arrays: of their items). */
  readonly kind: ValueKind;
  /** For a `T{}` record: its members, in order. */
  readonly members: readonly ValueInfo[] | null;
  /**
   * Levels of lists around each leaf or record (default 0): a `(2,3)` sub-array has 2,
   * a repeated member of a record (`T{2h}`, `T{2T{…}}`) has 1.
   */
  readonly dims?: number;
}

const KINDS: Readonly<Record<string, ValueKind>> = {
  e: "float",
  f: "float",
  d: "float",
  g: "float",
  "?": "bool",
  c: "bytes",
  s: "bytes",
  p: "bytes",
  u: "str",
  w: "str",
  F: "complex",
  D: "complex",
  Zf: "complex",
  Zd: "complex",
  Zg: "complex",
};
const INTS = new Set("bBhHiIlLqQnNP");

function kindOf(code: string): ValueKind {
  return KINDS[code] ?? (INTS.has(code) ? "int" : "other");
}

/** Whether one field gives one value however large its count (strings, padding aside). */
function isString(field: Field): boolean {
  return "spuw".includes(field.code) && field.code.length === 1;
}

function infoOf(field: Field, name: string, member: boolean): ValueInfo {
  const members = field.fields === null ? null : recordMembers(field.fields);
  // Inside a record a repeat count gives one list (`T{2h}` → [[1, 2]]); at the top level
  // it gives separate values, as CPython's struct does.
  const repeated = member && !isString(field) && field.count > 1 ? 1 : 0;
  const dims = field.shape === null ? repeated : field.shape.length;
  return { name, kind: kindOf(field.code), members, ...(dims > 0 ? { dims } : {}) };
}

function recordMembers(layout: Layout): ValueInfo[] {
  const keys = recordKeys(layout);
  return layout.fields.filter((f) => f.code !== "x").map((f, i) => infoOf(f, keys[i]!, true));
}

/**
 * The info of one element of a list-valued `info` (one level of `dims` fewer).
 *
 * @example
 * ```ts
 * elementInfo({ name: "a", kind: "int", members: null, dims: 2 }).dims; // 1
 * ```
 */
export function elementInfo(info: ValueInfo): ValueInfo {
  return { ...info, dims: Math.max(0, (info.dims ?? 0) - 1) };
}

/**
 * The most values per record pybuf reads or prints. `1048576B` is a format of a few
 * characters, yet its table header alone is 18 MB and takes seconds and 400 MB to make;
 * 65536 values take well under a second. Checked before anything is built.
 *
 * @example
 * ```ts
 * valuesOf(parseFormat("70000B")); // ValueError: pybuf prints records of at most 65536 values, not 70000
 * ```
 */
export const MAX_VALUES: number = 2 ** 16;

/**
 * The values one `unpack(format)` gives: a top-level count repeats values (as CPython
 * does), a string or a sub-array is one value. Unnamed values are `f0`, `f1`, … by
 * position; a named one repeated `n` times is `name[0]` … `name[n-1]`.
 *
 * @example
 * ```ts
 * valuesOf(parseFormat("<I:id: 2d")).map((v) => v.name); // ["id", "f1", "f2"]
 * ```
 */
export function valuesOf(layout: Layout): ValueInfo[] {
  let count = 0;
  for (const field of layout.fields) {
    if (field.code !== "x") count += isString(field) || field.shape !== null ? 1 : field.count;
  }
  if (count > MAX_VALUES) {
    throw new ValueError(`pybuf prints records of at most ${MAX_VALUES} values, not ${count}`);
  }
  const values: ValueInfo[] = [];
  for (const field of layout.fields) {
    if (field.code === "x") continue;
    const repeat = isString(field) || field.shape !== null ? 1 : field.count;
    for (let i = 0; i < repeat; i++) {
      const base = field.name ?? `f${values.length}`;
      const name = field.name !== null && repeat > 1 ? `${base}[${i}]` : base;
      values.push(infoOf(field, name, false));
    }
  }
  return values;
}

/**
 * Whether every value has a name from the format (`:name:`), so records can print as
 * objects keyed by those names.
 *
 * @example
 * ```ts
 * allNamed(parseFormat("<I:id: d:value:")); // true
 * ```
 */
export function allNamed(layout: Layout): boolean {
  const fields = layout.fields.filter((f) => f.code !== "x");
  return fields.length > 0 && fields.every((f) => f.name !== null);
}
