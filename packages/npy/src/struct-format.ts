/**
 * A dtype as a plain `struct` module format (no `T{}`, no names): one byte-order prefix,
 * the fields flattened in order with `x` for gaps, sub-arrays as repeat counts. What
 * `struct.iter_unpack`, `pybuf unpack` and `@pybuffer/blob`'s streaming take. A dtype
 * whose multi-byte fields disagree on byte order has none, nor has a character string
 * (`U`), a long double or an object.
 */
import { ValueError } from "@pybuffer/struct";
import { dtypeFromDescr } from "./descr-parse.js";
import { type Descr, type DType, dtypeStr, type ScalarDType } from "./dtype.js";

const CODES: Record<string, Record<number, string>> = {
  b: { 1: "?" },
  i: { 1: "b", 2: "h", 4: "i", 8: "q" },
  u: { 1: "B", 2: "H", 4: "I", 8: "Q" },
  f: { 2: "e", 4: "f", 8: "d" },
  c: { 8: "F", 16: "D" },
};

// A record repeated in a sub-array is written out once per element: past this many
// codes the format is refused rather than built.
const MAX_CODES = 100_000;

interface Out {
  codes: string[];
  order: "<" | ">" | null;
}

function scalarCode(d: ScalarDType, out: Out): string {
  if (d.kind === "S") return `${d.itemsize}s`;
  if (d.kind === "V") return `${d.itemsize}x`;
  const code = CODES[d.kind]?.[d.itemsize];
  if (code === undefined) {
    throw new ValueError(`the struct module has no code for dtype '${dtypeStr(d)}'`);
  }
  if (d.order !== "|") {
    if (out.order !== null && out.order !== d.order) {
      throw new ValueError(
        "the struct module has one byte order per format: this dtype mixes < and >",
      );
    }
    out.order = d.order;
  }
  return code;
}

function push(out: Out, code: string, count: number): void {
  if (count === 0) return;
  out.codes.push(count === 1 ? code : `${count}${code}`);
  if (out.codes.length > MAX_CODES) throw new ValueError("this dtype's struct format is too long");
}

function walk(d: DType, out: Out, count: number): void {
  if (d.type === "scalar") {
    push(out, scalarCode(d, out), count);
    return;
  }
  if (d.type === "subarray") {
    walk(d.base, out, count * d.shape.reduce((a, b) => a * b, 1));
    return;
  }
  // One record written out, then its codes repeated: a repetition adds at least one code,
  // so push's bound holds however deep records nest (an empty one adds none: no loop).
  if (count === 0) return;
  const first = out.codes.length;
  let at = 0;
  for (const field of d.fields) {
    if (field.offset < at) throw new ValueError("this dtype's fields overlap");
    push(out, "x", field.offset - at);
    walk(field.dtype, out, 1);
    at = field.offset + field.dtype.itemsize;
  }
  push(out, "x", d.itemsize - at);
  const one = out.codes.slice(first);
  if (one.length === 0) return;
  for (let k = 1; k < count; k++) for (const code of one) push(out, code, 1);
}

/**
 * The `struct` module format of one item of dtype `descr`: `[["id", "<i4"], ["v", "<f8"]]`
 * is `"<id"`. Throws `ValueError` for what the struct module cannot say.
 *
 * @example
 * structFormatFromDescr([["a", "|u1"], ["", "|V3"], ["b", ">f4", [2]]]); // ">B3x2f"
 */
export function structFormatFromDescr(descr: Descr): string {
  const out: Out = { codes: [], order: null };
  walk(dtypeFromDescr(descr), out, 1);
  return (out.order ?? "<") + out.codes.join("");
}
