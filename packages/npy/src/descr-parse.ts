/**
 * A descr to a dtype, as `numpy.lib.format.descr_to_dtype` makes one: a type string as
 * `np.dtype(str)` reads it, a record list field by field at consecutive offsets (unnamed
 * `V` entries are padding, not fields), a tuple as a sub-array. Errors are NumPy's:
 * `TypeError: data type '…' not understood` for a type string it does not know.
 */
import { ValueError } from "@pybuffer/struct";
import {
  C_CODES,
  type Descr,
  type DType,
  type RecordField,
  type ScalarKind,
  scalar,
  subarray,
} from "./dtype.js";
import { PyTuple, type PyValue, pyRepr } from "./py-literal.js";

// One-character type codes (`np.dtype('d')`) as kind and size.
const CHARS: Record<string, readonly [ScalarKind, number]> = {
  ...C_CODES,
  l: ["i", 8],
  L: ["u", 8],
  p: ["i", 8],
  P: ["u", 8],
  g: ["f", 16],
  F: ["c", 8],
  D: ["c", 16],
  G: ["c", 32],
  c: ["S", 1],
  O: ["O", 8],
  M: ["M", 8],
  m: ["m", 8],
  S: ["S", 0],
  U: ["U", 0],
  V: ["V", 0],
};

// Item sizes each kind allows when written with a size (`'<f8'`).
const SIZES: Partial<Record<string, readonly number[]>> = {
  b: [1],
  i: [1, 2, 4, 8],
  u: [1, 2, 4, 8],
  f: [2, 4, 8, 16],
  c: [8, 16, 32],
  O: [8],
  M: [8],
  m: [8],
};

const UNITS = new Set([
  "Y",
  "M",
  "W",
  "D",
  "h",
  "m",
  "s",
  "ms",
  "us",
  "μs",
  "ns",
  "ps",
  "fs",
  "as",
  "generic",
]);

function notUnderstood(text: unknown): TypeError {
  return new TypeError(`data type ${pyRepr(text as PyValue)} not understood`);
}

/** `np.dtype(typestr)` for the type strings NumPy writes and the one-letter codes. */
export function parseTypestr(text: string): DType {
  const m =
    /^([<>|=]?)(?:([biufcSUVOMm])(\d+)(\[[A-Za-zμ]+\])?|([?bBhHiIlLqQpPefdgFDGcOMmSUV]))$/.exec(
      text,
    );
  if (m === null) throw notUnderstood(text);
  const order = m[1] === ">" ? ">" : m[1] === "|" ? "|" : "<";
  let kind: ScalarKind;
  let size: number;
  const unit = m[4] ?? "";
  if (m[5] !== undefined) {
    [kind, size] = CHARS[m[5]] as readonly [ScalarKind, number];
  } else {
    kind = (m[2] === "b" ? "b" : m[2]) as ScalarKind;
    size = Number(m[3]);
    const allowed = SIZES[kind];
    if (allowed !== undefined && !allowed.includes(size)) throw notUnderstood(text);
    if (!Number.isSafeInteger(size) || size > 0x7fffffff) throw notUnderstood(text);
    if (kind === "U") size *= 4;
  }
  if (unit !== "" && ((kind !== "M" && kind !== "m") || !UNITS.has(unit.slice(1, -1)))) {
    throw notUnderstood(text);
  }
  const dtype = scalar(kind, order, size, unit);
  return m[5] === "q" || m[5] === "Q" ? { ...dtype, longlong: true } : dtype;
}

/** How arrays stand for Python's tuples: exactly (a header) or by their shape (JS). */
export type TupleTest = (value: unknown) => boolean;

/** Header values: tuples are `PyTuple`s. */
export const headerTuples: TupleTest = (value) => value instanceof PyTuple;

/** JS descrs: a two-element array ending in an array of numbers is `(descr, shape)`. */
export const jsTuples: TupleTest = (value) =>
  Array.isArray(value) &&
  (value instanceof PyTuple ||
    (value.length === 2 &&
      (typeof value[0] === "string" || Array.isArray(value[0])) &&
      Array.isArray(value[1]) &&
      value[1].every((n: unknown) => typeof n === "number")));

// Nesting deeper than this is refused (a hostile descr must not exhaust the stack).
const MAX_DEPTH = 32;

// NumPy keeps dimensions, item sizes and offsets in C ints.
const C_INT_MAX = 0x7fffffff;

function fixedTuple(why: string): ValueError {
  return new ValueError(`invalid shape in fixed-type tuple${why}`);
}

/** A sub-array's shape, checked as `np.dtype((base, shape))` checks it (NumPy's messages). */
function shapeOf(value: unknown, whole: unknown): number[] {
  const dims = typeof value === "number" ? [value] : Array.isArray(value) ? value : null;
  if (dims === null) throw notUnderstood(whole);
  for (const n of dims) {
    if (typeof n !== "number" || !Number.isInteger(n)) {
      // (a bigint dimension is past any C int)
      if (typeof n === "bigint") throw fixedTuple(": dimension does not fit into a C int.");
      throw fixedTuple(".");
    }
    if (n < 0) throw fixedTuple(": dimension smaller then zero.");
    if (n > C_INT_MAX) throw fixedTuple(": dimension does not fit into a C int.");
  }
  return dims as number[];
}

/**
 * `np.dtype((base, shape))`: an unsized flexible type given a number is that type of that
 * size (`('|S0', 3)` is `'|S3'`); otherwise a sub-array.
 */
function sized(base: DType, shape: unknown, whole: unknown): DType {
  if (typeof shape === "number" && base.type === "scalar" && base.itemsize === 0) {
    if (!Number.isSafeInteger(shape) || shape < 0 || shape > C_INT_MAX) throw fixedTuple(".");
    return scalar(base.kind, base.order, base.kind === "U" ? shape * 4 : shape, base.unit);
  }
  return checkedSubarray(base, shapeOf(shape, whole));
}

/** `subarray(base, shape)` as `np.dtype((base, shape))` makes it: a sized base, a C-int size. */
function checkedSubarray(base: DType, shape: readonly number[]): DType {
  // (an unsized base: `S0`, `V0`, a sub-array of no items; an empty record is sized)
  if (base.itemsize === 0 && base.type !== "record") {
    throw new ValueError("invalid itemsize in generic type tuple");
  }
  const d = subarray(base, shape);
  if (d.itemsize > C_INT_MAX) throw fixedTuple(": dtype size in bytes must fit into a C int.");
  return d;
}

function parse(value: unknown, isTuple: TupleTest, depth: number): DType {
  if (depth > MAX_DEPTH) throw notUnderstood(value);
  if (typeof value === "string") return parseTypestr(value);
  if (!Array.isArray(value)) throw notUnderstood(value);
  if (isTuple(value)) {
    if (value.length !== 2) throw notUnderstood(value);
    return sized(parse(value[0], isTuple, depth + 1), value[1], value);
  }
  const fields: RecordField[] = [];
  let offset = 0;
  for (const entry of value as unknown[]) {
    if (!Array.isArray(entry) || (entry.length !== 2 && entry.length !== 3)) {
      throw notUnderstood(value);
    }
    let dtype = parse(entry[1], isTuple, depth + 1);
    if (entry.length === 3) dtype = sized(dtype, entry[2], value);
    const label: unknown = entry[0];
    const pad = label === "" && dtype.type === "scalar" && dtype.kind === "V";
    if (!pad) {
      let name: unknown = label;
      let title: unknown = null;
      if (Array.isArray(label)) {
        if (label.length !== 2) throw notUnderstood(value);
        [title, name] = label;
        if (typeof title !== "string") throw notUnderstood(value);
      }
      if (typeof name !== "string") throw notUnderstood(value);
      fields.push({ name, title: title as string | null, dtype, offset });
    }
    offset += dtype.itemsize;
    if (offset > C_INT_MAX) throw new ValueError("integer won't fit into a C int");
  }
  // Names and titles share one namespace, checked once every field's dtype is made (as
  // descr_to_dtype's np.dtype({names, formats, offsets, titles}) checks them).
  const names = new Set<string>();
  for (const { name, title } of fields) {
    if (names.has(name)) throw new ValueError("name already used as a name or title");
    names.add(name);
    if (title === null) continue;
    if (names.has(title)) throw new ValueError("title already used as a name or title.");
    names.add(title);
  }
  return { type: "record", fields, itemsize: offset, alignment: 1 };
}

/**
 * `descr_to_dtype(descr)`. `isTuple` says which arrays are Python tuples (default: the
 * shape test for JS descrs).
 *
 * @example
 * dtypeFromDescr([["a", "<i4"], ["", "|V4"], ["b", "<f8"]]).itemsize; // 16
 */
export function dtypeFromDescr(descr: Descr | PyValue, isTuple: TupleTest = jsTuples): DType {
  return parse(descr, isTuple, 0);
}
