/**
 * A dtype to a PEP 3118 format, as NumPy's buffer export writes it
 * (`_buffer_format_string` in `numpy/_core/src/multiarray/buffer.c`): a byte-order state
 * that starts at `@`, is shared with nested records, and is written only when it
 * changes; native fields that are naturally aligned in the array get `@` and native codes
 * (`int64` is `l`), other native fields `=` and standard codes (`^` for the native-only
 * long double), big-endian ones `>`; records as `T{…}` with `x` gaps and `:name:`;
 * sub-arrays as `(d1,d2)` before the base. Two things NumPy leaves out are added for
 * pybuffer's views ({@link FormatStyle} `"view"`): a record's trailing padding, written
 * as `x`s before its `}` (NumPy's format is 4 bytes short of itemsize 16 for
 * `[('a','u1'),('','|V7'),('b','<f4'),('','|V4')]`), and a check that the format lays
 * every field where the dtype does under pybuffer's struct rules (which round a native
 * `T{}` up to its alignment, as C does: failing that check, the dtype is written as
 * NumPy writes it for an unaligned array, `=` and standard sizes). Field names outside
 * ASCII are left out of a view's format: struct formats are ASCII, as CPython's are.
 */

import { allocating } from "@pybuffer/core";
import type { Field, Layout } from "@pybuffer/struct";
import { parseFormat, ValueError } from "@pybuffer/struct";
import type { DType, ScalarDType } from "./dtype.js";

/** `"numpy"`: NumPy's own string; `"view"`: one whose size is the itemsize (see the module). */
export type FormatStyle = "numpy" | "view";

interface State {
  out: string;
  offset: number;
  active: string;
}

interface Context {
  /** The array has a dimension of more than one item: fields must align to its stride. */
  readonly strided: boolean;
  readonly stride: number;
  readonly padRecords: boolean;
  readonly unaligned: boolean;
}

const ASCII = /^[\t-\r -~]*$/;
const INT = { 1: "b", 2: "h", 4: "i" } as Record<number, string>;
const UINT = { 1: "B", 2: "H", 4: "I" } as Record<number, string>;
const FLOAT = { 2: "e", 4: "f", 8: "d", 16: "g" } as Record<number, string>;
const COMPLEX = { 8: "Zf", 16: "Zd", 32: "Zg" } as Record<number, string>;

function code(d: ScalarDType, standard: boolean): string {
  const n = d.itemsize;
  switch (d.kind) {
    case "b":
      return "?";
    case "i":
      return INT[n] ?? (standard || d.longlong ? "q" : "l");
    case "u":
      return UINT[n] ?? (standard || d.longlong ? "Q" : "L");
    case "f":
      return FLOAT[n] as string;
    case "c":
      return COMPLEX[n] as string;
    case "S":
      return `${n}s`;
    case "U":
      return `${n / 4}w`;
    case "V":
      return `${n}x`;
    case "O":
      return "O";
    default:
      throw new ValueError(`cannot include dtype '${d.kind}' in a buffer`);
  }
}

// Longest gap a view's format writes as `x`s; a longer one is counted (`100000x`).
const MAX_XS = 64;

/**
 * A gap of `n` bytes: one `x` per byte as NumPy writes it, or, in a view's format past
 * {@link MAX_XS}, a count (a header of a few bytes can declare a gap of gigabytes). A
 * string too long to make is a `MemoryError`.
 */
function gap(n: number, ctx: Context): string {
  if (ctx.padRecords && n > MAX_XS) return `${n}x`;
  return allocating(() => "x".repeat(n));
}

function setOrder(state: State, order: string): void {
  if (state.active !== order) {
    state.out += order;
    state.active = order;
  }
}

function emitScalar(d: ScalarDType, state: State, ctx: Context, top: boolean): void {
  // NumPy advances the offset first and tests alignment at the item's end (the same
  // residue as its start: the item size must be a multiple of the alignment too).
  state.offset += d.itemsize;
  const a = d.alignment;
  const aligned =
    !ctx.unaligned &&
    (top ||
      (state.offset % a === 0 && d.itemsize % a === 0 && (!ctx.strided || ctx.stride % a === 0)));
  const nativeOnly = (d.kind === "f" && d.itemsize === 16) || (d.kind === "c" && d.itemsize === 32);
  let standard = true;
  if (d.order === "<" && aligned) {
    standard = false;
    setOrder(state, "@");
  } else if (d.order === "<" && nativeOnly) {
    standard = false;
    setOrder(state, "^");
  } else if (d.order !== "|") {
    setOrder(state, d.order === "<" ? "=" : ">");
    if (nativeOnly) {
      throw new ValueError(
        `cannot expose native-only dtype '${d.kind === "f" ? "g" : "G"}' in non-native byte order '${d.order}' via buffer interface`,
      );
    }
  }
  state.out += code(d, standard);
}

function emit(d: DType, state: State, ctx: Context, top: boolean): void {
  if (d.type === "scalar") {
    emitScalar(d, state, ctx, top);
    return;
  }
  if (d.type === "subarray") {
    state.out += `(${d.shape.join(",")})`;
    const start = state.offset;
    emit(d.base, state, ctx, false);
    let count = 1;
    for (const n of d.shape) count *= n;
    state.offset = start + (state.offset - start) * count;
    return;
  }
  const base = state.offset;
  state.out += "T{";
  for (const field of d.fields) {
    const at = base + field.offset;
    if (state.offset > at) {
      throw new ValueError(
        "dtypes with overlapping or out-of-order fields are not representable as buffers. Consider reordering the fields.",
      );
    }
    state.out += gap(at - state.offset, ctx);
    state.offset = at;
    emit(field.dtype, state, ctx, false);
    if (field.name.includes(":")) {
      throw new ValueError("':' is not an allowed character in buffer field names");
    }
    // struct formats are ASCII (as CPython's): a view's format leaves other names out.
    if (!ctx.padRecords || ASCII.test(field.name)) state.out += `:${field.name}:`;
  }
  if (ctx.padRecords && state.offset < base + d.itemsize) {
    state.out += gap(base + d.itemsize - state.offset, ctx);
    state.offset = base + d.itemsize;
  }
  state.out += "}";
}

function write(
  d: DType,
  shape: readonly number[] | null,
  padRecords: boolean,
  unaligned: boolean,
): string {
  const strided = shape === null || shape.some((n) => n > 1);
  const ctx: Context = { strided, stride: d.itemsize, padRecords, unaligned };
  // Unaligned, the state starts at `=` too, written out: codes without a byte order
  // (`O`, `?`) would otherwise be aligned by the struct rules of `@`.
  const state: State = unaligned
    ? { out: "=", offset: 0, active: "=" }
    : { out: "", offset: 0, active: "@" };
  emit(d, state, ctx, true);
  return state.out;
}

function bytesOf(f: Field): number {
  const whole = f.code === "s" || f.code === "p" || f.code === "u" || f.code === "w";
  let n = whole ? f.size : f.size * f.count;
  for (const dim of f.shape ?? []) n *= dim;
  return n;
}

/** `b` starts with the dimensions `a` (a string's length may follow as one more). */
function sameDims(a: readonly number[], b: readonly number[] | null): boolean {
  return b !== null && a.length <= b.length && a.every((n, i) => n === b[i]);
}

/** Whether `field` (as pybuffer's struct lays it out) holds `d` byte for byte. */
function matches(d: DType, field: Field): boolean {
  if (d.type === "subarray") {
    const dims: number[] = [];
    let base: DType = d;
    while (base.type === "subarray") {
      dims.push(...base.shape);
      base = base.base;
    }
    if (base.type !== "record") return sameDims(dims, field.shape) && bytesOf(field) === d.itemsize;
    return sameDims(dims, field.shape) && matchesRecord(base, field.fields);
  }
  if (d.type === "scalar") return field.code !== "T" && bytesOf(field) === d.itemsize;
  return field.shape === null && matchesRecord(d, field.fields);
}

function matchesRecord(d: Extract<DType, { type: "record" }>, layout: Layout | null): boolean {
  if (layout === null || layout.size !== d.itemsize) return false;
  const items = layout.fields.filter((f) => f.code !== "x" || f.name !== null);
  return (
    items.length === d.fields.length &&
    d.fields.every((f, i) => {
      const g = items[i] as Field;
      return g.offset === f.offset && (g.name ?? f.name) === f.name && matches(f.dtype, g);
    })
  );
}

function laysOut(d: DType, format: string): boolean {
  let layout: Layout;
  try {
    layout = parseFormat(format);
  } catch {
    return false;
  }
  if (layout.size !== d.itemsize) return false;
  if (d.type === "scalar") return true;
  return layout.fields.length === 1 && matches(d, layout.fields[0] as Field);
}

/**
 * The PEP 3118 format of dtype `d` in an array of `shape` (`null`: of several items).
 * Throws NumPy's `ValueError`s: `cannot include dtype 'M' in a buffer`, `cannot expose
 * native-only dtype 'g' in non-native byte order '>' via buffer interface`, `':' is not
 * an allowed character in buffer field names`.
 */
export function formatOfDType(
  d: DType,
  style: FormatStyle,
  shape: readonly number[] | null,
): string {
  // An array absorbs a sub-array dtype's dimensions: its items are the base's.
  if (d.type === "subarray") {
    return formatOfDType(d.base, style, shape === null ? null : [...shape, ...d.shape]);
  }
  if (style === "numpy") return write(d, shape, false, false);
  // NumPy's string, completed with trailing padding; failing that, the same dtype as
  // NumPy writes it for an unaligned array (`=` and standard sizes: no alignment rules).
  for (const unaligned of [false, true]) {
    const format = write(d, shape, true, unaligned);
    if (laysOut(d, format)) return format;
  }
  const numpy = write(d, shape, false, false);
  throw new ValueError(`no PEP 3118 format lays out this dtype as NumPy does: '${numpy}'`);
}
