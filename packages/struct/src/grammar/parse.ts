/**
 * The format parser: CPython's `prepare_s` (one pass, same error order and
 * messages) over the PEP 3118 superset (`T{}` records, `(d1,d2)` shapes, `:name:`,
 * `Zf Zd Zg`, `u w g O t &`, `^`), with NumPy's `_dtype_from_pep3118` placement
 * rules inside records. One pass from the text to the layout tree: each item becomes
 * its field as it is read, and records nest through an explicit stack, never recursion.
 */
import { StructError } from "../errors.js";
import { codeInfo } from "../layout/abi.js";
import { exactSize, grow, type Size, ssizeMax, tooLong } from "../layout/size.js";
import type { Abi, Field, Layout, Mode } from "../types.js";
import { STRING_CODES } from "./string-codes.js";

/** Deepest `T{}` nesting (and longest `&` chain) accepted; deeper is a `StructError`. */
export const MAX_DEPTH = 64;

/** Most sub-array dimensions (NumPy's `NPY_MAXDIMS`); more is a `StructError`. */
export const MAX_DIMS = 64;

/** Codes never folded into the field before them: strings, records and pointers. */
const UNMERGED_CODES = `${STRING_CODES}T&`;

/** A field while its record is read (`layoutOf` freezes it once handed out). */
type Placed = { -readonly [K in keyof Field]: Field[K] };

/** A record being read: its fields and running offset. */
interface Frame {
  /** Where its text starts (after `T{`). */
  readonly start: number;
  /** The mode in force when it opened. */
  readonly mode: Mode;
  readonly fields: Placed[];
  readonly names: Set<string>;
  off: Size;
  /** Largest alignment of its fields (aligned mode only). */
  align: number;
  /** Values (or members) it gives. */
  length: number;
  /** Shape and repeat count of the `T` field it becomes. */
  readonly shape: number[] | null;
  readonly count: Size;
}

function fail(message: string): StructError {
  return new StructError(message);
}

function badChar(): StructError {
  return fail("bad char in struct format");
}

function isMode(c: string | undefined): c is Mode {
  return c !== undefined && "@=<>!^".includes(c);
}

/** C `isspace`: space, `\t \n \v \f \r`. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function byteOrder(mode: Mode): "little" | "big" {
  return mode === ">" || mode === "!" ? "big" : "little";
}

function product(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  if (!Number.isSafeInteger(n)) throw tooLong();
  return n;
}

/**
 * The error for a second field named `name` in one record, saying which fields and why
 * (a record unpacks to an object keyed by its names, so they must differ).
 */
function duplicateName(frame: Frame, name: string): StructError {
  const first = frame.fields.findIndex((f) => f.name === name);
  return fail(
    `duplicate field name '${name}' in struct format: field ${frame.fields.length} of the ` +
      `same record has the name of field ${first} (offset ${frame.fields[first]!.offset}); a ` +
      "record unpacks to an object keyed by its names, so rename one (or leave it unnamed)",
  );
}

/**
 * Whether a top-level item folds into the field before it, as CPython reads `bb` as
 * one run `2b`: same code and mode, neither named nor shaped, no string, record or
 * pointer, right after it. A long format then costs memory per run of codes, not per
 * character.
 */
function merged(frame: Frame, f: Placed, count: Size): boolean {
  const last = frame.fields[frame.fields.length - 1];
  if (
    last === undefined ||
    last.code !== f.code ||
    last.mode !== f.mode ||
    last.name !== null ||
    last.shape !== null ||
    f.shape !== null ||
    UNMERGED_CODES.includes(f.code) ||
    typeof count !== "number" ||
    last.offset + last.count * last.size !== f.offset
  ) {
    return false;
  }
  last.count += count;
  return true;
}

// The parse in progress: module state rather than closures, which cost the engine a
// context per parse (parsing was 5x slower with them). A parse runs no user code and
// never re-enters; `parseLayout` resets the state on entry and drops it on exit.
let fmt = "";
let abi: Abi = "lp64";
let i = 0;
let mode: Mode = "@";
let stack: Frame[] = [];
/** `PY_SSIZE_T_MAX` of the ABI. */
let max = 0n;
/** `max` as a number where it is one exactly (wasm32), else the largest exact number. */
let fast = 0;
/** The repeat count of the item `readItem` read last (inside a record: 1, see there). */
let repeat: Size = 1;

function open(start: number, shape: number[] | null, count: Size): void {
  stack.push({
    start,
    mode,
    fields: [],
    names: new Set(),
    off: 0,
    align: 1,
    length: 0,
    shape,
    count,
  });
}

function alignTo(off: Size, align: number): Size {
  const rem = typeof off === "number" ? off % align : Number(off % BigInt(align));
  return rem === 0 ? off : grow(off, 1, align - rem, max, fast);
}

function field(
  code: string,
  size: number,
  align: number,
  count: Size,
  shape: number[] | null,
  fields: Layout | null,
  target: Field | null,
): Placed {
  return {
    code,
    mode,
    byteOrder: byteOrder(mode),
    offset: 0,
    size,
    alignment: mode === "@" ? align : 1,
    count: Number(count),
    shape,
    name: null,
    fields,
    target,
  };
}

/** A decimal count at `i`: a number, a bigint past 2^53, "too long" past `max`. */
function readCount(): Size {
  const start = i;
  while (isDigit(fmt.charCodeAt(i))) i++;
  const digits = fmt.slice(start, i);
  const value = Number(digits);
  if (value <= fast) return value;
  // Beyond every Py_ssize_t: no bigint is made of a long text.
  if (value > 1e19) throw tooLong();
  const big = BigInt(digits);
  if (big > max) throw tooLong();
  return big;
}

/** A `(d1,d2,...)` shape whose `(` is at `i`; the product must fit in a struct. */
function readShape(): number[] {
  const close = fmt.indexOf(")", i);
  if (close < 0) throw fail("unterminated sub-array shape in struct format");
  const text = fmt.slice(i, close + 1);
  const parts = text.slice(1, -1).split(",");
  if (parts.length > MAX_DIMS) {
    throw fail(`sub-array shape has more than ${MAX_DIMS} dimensions`);
  }
  i = close + 1;
  const dims: number[] = [];
  for (const part of parts) {
    const digits = part.trim();
    if (!/^\d+$/.test(digits)) throw fail(`bad sub-array shape '${text}' in struct format`);
    const d = Number(digits);
    if (!Number.isSafeInteger(d)) throw tooLong();
    dims.push(d);
  }
  return dims;
}

/** The non-record item at `i` (sizes from the ABI table); its repeat count in `repeat`. */
function readItem(count: Size, shape: number[] | null, inRecord: boolean): Placed {
  const start = i;
  let code = fmt[i] ?? "";
  if (code === "Z") code += fmt[i + 1] ?? "";
  i += code.length;
  const native = mode === "@" || mode === "^";
  let target: Field | null = null;
  if (code === "&") {
    // A chain of pointers, read in a loop (never recursion) and bounded like records.
    while (fmt[i] === "&") i++;
    const links = i - start;
    if (links > MAX_DEPTH) throw fail(`& pointers chained deeper than ${MAX_DEPTH} levels`);
    target = readItem(1, null, false);
    const ptr = codeInfo("&", native, abi)!;
    for (let k = 1; k < links; k++) target = field("&", ptr.size, ptr.align, 1, null, null, target);
  }
  const info = codeInfo(code, native, abi);
  if (info === undefined) throw badChar();
  let size = info.size;
  if (STRING_CODES.includes(code)) {
    size = code === "t" ? Math.ceil(Number(count) / 8) : Number(count) * size;
  } else if (inRecord && code !== "x" && count !== 1) {
    // NumPy: inside a record a count is the first sub-array dimension.
    shape = [Number(count), ...(shape ?? [])];
    count = 1;
  }
  repeat = count;
  return field(code, size, info.align, count, shape, null, target);
}

/**
 * Align, name and append a field of `count` repeats (the count as read, exact) to the
 * innermost record; returns the index after its `:name:`.
 */
function place(f: Placed, count: Size, at: number): number {
  const frame = stack[stack.length - 1]!;
  const top = stack.length === 1;
  if (fmt[at] === ":") {
    const close = fmt.indexOf(":", at + 1);
    // CPython has no names: an unterminated one is just a bad char there.
    if (close < 0) throw badChar();
    const name = fmt.slice(at + 1, close);
    if (frame.names.has(name)) throw duplicateName(frame, name);
    frame.names.add(name);
    f.name = name;
    at = close + 1;
  }
  if (mode === "@") {
    const align = f.alignment;
    if (align > 1) frame.off = alignTo(frame.off, align);
    if (align > frame.align) frame.align = align;
    // NumPy pads a record element whose size is not a multiple of its alignment.
    const rem = f.size % align;
    if (f.code === "T" && rem !== 0) f.size += align - rem;
  }
  f.offset = Number(frame.off);
  if (!top || f.name !== null || !merged(frame, f, count)) frame.fields.push(f);
  const elements = f.shape === null ? 1 : product(f.shape);
  const string = STRING_CODES.includes(f.code);
  if (!string) frame.off = grow(frame.off, count, f.size * elements, max, fast);
  else if (f.code === "t") frame.off = grow(frame.off, elements, f.size, max, fast);
  else {
    // Exact characters times bytes per character (`u` 2, `w` 4, `s p` 1).
    const unit = f.code === "u" ? 2 : f.code === "w" ? 4 : 1;
    frame.off = grow(frame.off, BigInt(count) * BigInt(elements), unit, max, fast);
  }
  if (f.code !== "x") frame.length += top && !string ? Number(count) : 1;
  return at;
}

/** Close the innermost record at `}` (index `i`) and place it in its parent. */
function close(): void {
  const inner = stack.pop()!;
  if (mode === "@") inner.off = alignTo(inner.off, inner.align);
  const size = Number(inner.off);
  const record: Layout = {
    format: fmt.slice(inner.start, i),
    size,
    alignment: inner.align,
    byteOrder: byteOrder(inner.mode),
    mode: inner.mode,
    length: inner.length,
    fields: inner.fields,
  };
  const t = field("T", size, inner.align, inner.count, inner.shape, record, null);
  i = place(t, inner.count, i + 1);
}

/**
 * Parse a format string (already checked by `formatText`) into its layout tree.
 *
 * @example
 * parseLayout("<hd", "lp64").size; // 10
 */
export function parseLayout(text: string, forAbi: Abi): Layout {
  fmt = text;
  abi = forAbi;
  max = ssizeMax(abi);
  fast = Math.min(Number(max), Number.MAX_SAFE_INTEGER);
  i = 0;
  mode = "@";
  stack = [];
  try {
    return parse();
  } finally {
    // Keep nothing of a finished (or failed) parse reachable.
    stack = [];
  }
}

function parse(): Layout {
  const n = fmt.length;
  if (isMode(fmt[0])) mode = fmt[i++] as Mode;
  const initial = mode;
  open(0, null, 1);
  while (i < n) {
    const c = fmt[i];
    const depth = stack.length - 1;
    if (isSpace(fmt.charCodeAt(i))) {
      i++;
      continue;
    }
    if (depth > 0 && isMode(c)) {
      mode = c;
      i++;
      continue;
    }
    if (c === "}") {
      if (depth === 0) throw badChar();
      close();
      continue;
    }
    // [(shape)] [mode] [count] code [:name:]
    let shape: number[] | null = null;
    if (c === "(") {
      shape = readShape();
      if (isMode(fmt[i])) mode = fmt[i++] as Mode;
    }
    let count: Size = 1;
    if (isDigit(fmt.charCodeAt(i))) {
      count = readCount();
      if (i >= n) throw fail("repeat count given without format specifier");
    }
    if (shape !== null && count !== 1) {
      shape.push(Number(count));
      count = 1;
    }
    if (fmt[i] === "T" && fmt[i + 1] === "{") {
      if (stack.length > MAX_DEPTH) {
        throw fail(`T{} records nested deeper than ${MAX_DEPTH} levels`);
      }
      // Inside a record a count is the record field's first dimension, at the top a repeat.
      const outer = depth > 0 && count !== 1 ? [Number(count), ...(shape ?? [])] : shape;
      open(i + 2, outer, outer === shape ? count : 1);
      i += 2;
      continue;
    }
    const f = readItem(count, shape, depth > 0);
    i = place(f, repeat, i);
  }
  if (stack.length > 1) throw fail("unterminated T{ record in struct format");
  const top = stack[0]!;
  return {
    format: fmt,
    size: exactSize(top.off),
    alignment: top.align,
    byteOrder: byteOrder(initial),
    mode: initial,
    length: top.length,
    fields: top.fields,
  };
}
