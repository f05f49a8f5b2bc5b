/**
 * The format parser: CPython's `prepare_s` (one pass, same error order and
 * messages) over the PEP 3118 superset (`T{}` records, `(d1,d2)` shapes, `:name:`,
 * `Zf Zd Zg`, `u w g O t &`, `^`), with NumPy's `_dtype_from_pep3118` placement
 * rules inside records. Records nest through an explicit stack, never recursion.
 */
import { StructError } from "../errors.js";
import { codeInfo } from "../layout/abi.js";
import { SizeCursor, ssizeMax, tooLong } from "../layout/size-cursor.js";
import type { Abi, Field, Layout, Mode } from "../types.js";
import { isDigit, isSpace, scanCount, scanName, scanShape } from "./scan.js";

/** Deepest `T{}` nesting accepted; deeper is a `StructError`, never a stack overflow. */
export const MAX_DEPTH = 64;

const STRING_CODES = "spuwt";

interface Frame {
  readonly textStart: number;
  readonly fields: Field[];
  readonly cursor: SizeCursor;
  readonly startMode: Mode;
  readonly names: Set<string>;
  commonAlign: number;
  length: number;
  /** Shape (folded counts) of the record field this frame will become. */
  readonly outerShape: number[] | null;
  readonly outerCount: number | bigint;
}

/** What an item contributes before placement. */
interface Item {
  code: string;
  size: number;
  /** Bytes per character of a string code (0 for `t`, whose count is in bits). */
  unit: number;
  align: number;
  count: number | bigint;
  shape: number[] | null;
  fields: Layout | null;
  target: Field | null;
}

function badChar(): StructError {
  return new StructError("bad char in struct format");
}

function isModeChar(c: string): c is Mode {
  return c === "@" || c === "=" || c === "<" || c === ">" || c === "!" || c === "^";
}

function littleEndian(mode: Mode): boolean {
  return mode !== ">" && mode !== "!";
}

function isNative(mode: Mode): boolean {
  return mode === "@" || mode === "^";
}

function product(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  if (!Number.isSafeInteger(n)) throw tooLong();
  return n;
}

/**
 * Parse a format string (already checked by `formatText`) into its layout tree.
 *
 * @example
 * parseLayout("<hd", "lp64").size; // 10
 */
export function parseLayout(fmt: string, abi: Abi): Layout {
  let i = 0;
  let mode: Mode = "@";
  const first = fmt[0];
  if (first !== undefined && isModeChar(first)) {
    mode = first;
    i = 1;
  }
  const initial = mode;
  const max = ssizeMax(abi);
  const stack: Frame[] = [newFrame(0, mode, null, 1, max)];
  const n = fmt.length;
  while (i < n) {
    const c = fmt[i]!;
    const cc = fmt.charCodeAt(i);
    if (isSpace(cc)) {
      i++;
      continue;
    }
    const depth = stack.length - 1;
    if (depth > 0 && isModeChar(c)) {
      mode = c;
      i++;
      continue;
    }
    if (c === "}") {
      if (depth === 0) throw badChar();
      const frame = stack.pop()!;
      if (mode === "@") frame.cursor.align(frame.commonAlign);
      const record: Layout = {
        format: fmt.slice(frame.textStart, i),
        size: frame.cursor.offset,
        alignment: frame.commonAlign,
        byteOrder: littleEndian(frame.startMode) ? "little" : "big",
        mode: frame.startMode,
        length: frame.length,
        fields: frame.fields,
      };
      i++;
      const item: Item = {
        code: "T",
        size: record.size,
        unit: 0,
        align: record.alignment,
        count: frame.outerCount,
        shape: frame.outerShape,
        fields: record,
        target: null,
      };
      i = place(stack[stack.length - 1]!, item, mode, fmt, i, stack.length === 1);
      continue;
    }
    // [(shape)] [mode] [count] code [:name:]
    let shape: number[] | null = null;
    if (c === "(") {
      const s = scanShape(fmt, i);
      shape = s.value;
      i = s.end;
      const m = fmt[i];
      if (m !== undefined && isModeChar(m)) {
        mode = m;
        i++;
      }
    }
    let count: number | bigint = 1;
    if (i < n && isDigit(fmt.charCodeAt(i))) {
      const s = scanCount(fmt, i, max);
      count = s.value;
      i = s.end;
      if (i >= n) throw new StructError("repeat count given without format specifier");
    }
    if (shape !== null && count !== 1) {
      shape.push(Number(count));
      count = 1;
    }
    const code = fmt[i];
    if (code === "T" && fmt[i + 1] === "{") {
      if (stack.length > MAX_DEPTH) {
        throw new StructError(`T{} records nested deeper than ${MAX_DEPTH} levels`);
      }
      const outerShape = depth > 0 && count !== 1 ? [Number(count), ...(shape ?? [])] : shape;
      stack.push(newFrame(i + 2, mode, outerShape, outerShape === shape ? count : 1, max));
      i += 2;
      continue;
    }
    const item = scanItem(fmt, i, mode, abi, count, shape, depth > 0);
    i = place(stack[depth]!, item.item, mode, fmt, item.end, depth === 0);
  }
  if (stack.length > 1) throw new StructError("unterminated T{ record in struct format");
  const top = stack[0]!;
  top.cursor.checkExact();
  return {
    format: fmt,
    size: top.cursor.offset,
    alignment: top.commonAlign,
    byteOrder: littleEndian(initial) ? "little" : "big",
    mode: initial,
    length: top.length,
    fields: top.fields,
  };
}

function newFrame(
  textStart: number,
  startMode: Mode,
  outerShape: number[] | null,
  outerCount: number | bigint,
  max: bigint,
): Frame {
  return {
    textStart,
    fields: [],
    cursor: new SizeCursor(max),
    startMode,
    names: new Set(),
    commonAlign: 1,
    length: 0,
    outerShape,
    outerCount,
  };
}

/** Read one non-record code at `i` into an item (sizes from the ABI table). */
function scanItem(
  fmt: string,
  i: number,
  mode: Mode,
  abi: Abi,
  count: number | bigint,
  shape: number[] | null,
  inRecord: boolean,
): { item: Item; end: number } {
  let code = fmt[i] ?? "";
  if (code === "Z") code += fmt[i + 1] ?? "";
  let end = i + code.length;
  let target: Field | null = null;
  if (code === "&") {
    // A chain of pointers, read in a loop (never recursion) and bounded like records.
    while (fmt[end] === "&") end++;
    const links = end - i;
    if (links > MAX_DEPTH) {
      throw new StructError(`& pointers chained deeper than ${MAX_DEPTH} levels`);
    }
    const inner = scanItem(fmt, end, mode, abi, 1, null, false);
    end = inner.end;
    target = makeField(inner.item, mode, 0, null);
    const ptr = codeInfo("&", isNative(mode), abi)!;
    for (let k = 1; k < links; k++) {
      const link: Item = {
        code: "&",
        size: ptr.size,
        unit: ptr.size,
        align: ptr.align,
        count: 1,
        shape: null,
        fields: null,
        target,
      };
      target = makeField(link, mode, 0, null);
    }
  }
  const info = codeInfo(code, isNative(mode), abi);
  if (info === undefined) throw badChar();
  let size = info.size;
  let unit = info.size;
  if (STRING_CODES.includes(code)) {
    const len = Number(count);
    if (code === "t") {
      size = Math.ceil(len / 8);
      unit = 0;
    } else size = len * info.size;
  } else if (inRecord && code !== "x" && count !== 1) {
    shape = [Number(count), ...(shape ?? [])];
    count = 1;
  }
  return { item: { code, size, unit, align: info.align, count, shape, fields: null, target }, end };
}

function makeField(item: Item, mode: Mode, offset: number, name: string | null): Field {
  return {
    code: item.code,
    mode,
    byteOrder: littleEndian(mode) ? "little" : "big",
    offset,
    size: item.size,
    alignment: mode === "@" ? item.align : 1,
    count: typeof item.count === "bigint" ? Number(item.count) : item.count,
    shape: item.shape,
    name,
    fields: item.fields,
    target: item.target,
  };
}

/**
 * The error for a second field named `name` in one record, saying which fields and why
 * (a record unpacks to an object keyed by its names, so they must differ).
 */
function duplicateName(frame: Frame, name: string): StructError {
  const first = frame.fields.findIndex((f) => f.name === name);
  const offset = frame.fields[first]?.offset ?? 0;
  return new StructError(
    `duplicate field name '${name}' in struct format: field ${frame.fields.length} of the ` +
      `same record has the name of field ${first} (offset ${offset}); a record unpacks to ` +
      "an object keyed by its names, so rename one (or leave it unnamed)",
  );
}

/** Align, name and append an item to a frame; returns the index after its `:name:`. */
function place(
  frame: Frame,
  item: Item,
  mode: Mode,
  fmt: string,
  i: number,
  topLevel: boolean,
): number {
  let name: string | null = null;
  if (fmt[i] === ":") {
    const s = scanName(fmt, i);
    name = s.value;
    i = s.end;
    if (frame.names.has(name)) throw duplicateName(frame, name);
    frame.names.add(name);
  }
  if (mode === "@") {
    frame.cursor.align(item.align);
    if (item.align > frame.commonAlign) frame.commonAlign = item.align;
    // NumPy pads a record element whose size is not a multiple of its alignment.
    const rem = item.size % item.align;
    if (item.code === "T" && rem !== 0) item.size += item.align - rem;
  }
  if (!topLevel || name !== null || !mergeInto(frame, item, mode)) {
    frame.fields.push(makeField(item, mode, frame.cursor.offset, name));
  }
  const stringLike = STRING_CODES.includes(item.code);
  const elements = item.shape === null ? 1 : product(item.shape);
  if (stringLike && item.unit > 0) {
    frame.cursor.add(BigInt(item.count) * BigInt(elements), item.unit);
  } else if (stringLike) frame.cursor.add(elements, item.size);
  else frame.cursor.add(item.count, item.size * elements);
  if (item.code !== "x") {
    frame.length += stringLike || !topLevel ? 1 : Number(item.count);
  }
  return i;
}

/**
 * Fold a top-level item into the field before it when CPython would read both as
 * one run (`bb` is `2b` there): same code and mode, no name, shape, record or
 * pointer target, right after it. A long format then costs memory per run of
 * codes, not per character.
 */
function mergeInto(frame: Frame, item: Item, mode: Mode): boolean {
  const last = frame.fields[frame.fields.length - 1];
  if (
    last === undefined ||
    last.code !== item.code ||
    last.mode !== mode ||
    last.name !== null ||
    last.shape !== null ||
    item.shape !== null ||
    item.fields !== null ||
    item.target !== null ||
    last.target !== null ||
    STRING_CODES.includes(item.code) ||
    typeof item.count !== "number" ||
    last.offset + last.count * last.size !== frame.cursor.offset
  ) {
    return false;
  }
  // Fields stay unfrozen until the layout is complete (`layoutOf` freezes them).
  (last as { count: number }).count += item.count;
  return true;
}
