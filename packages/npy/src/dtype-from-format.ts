/**
 * A PEP 3118 format to a dtype, as NumPy reads a buffer's format
 * (`_descriptor_from_pep3118_format` in `buffer.c` and `_dtype_from_pep3118` in
 * `numpy/_core/_internal.py`): whitespace outside `:names:` is dropped; a lone `n`/`N`
 * is intp/uintp; otherwise a stream parser whose byte-order state persists from item to
 * item and leaks out of nested `T{}`; `@` and `^` use native sizes (those of the ABI
 * the buffer comes from: `l` is 8 bytes on lp64, 4 on llp64 and wasm32, where NumPy's
 * C `long` is 4 bytes), the others standard ones (`l` is 4, no `g`); only `@` aligns, assuming an aligned
 * start, and pads a repeated item to its alignment and the whole to the lcm of its
 * alignments; unnamed fields get the lowest unused `f<j>` once the record is read; one
 * unnamed item alone is a plain dtype. Every failure is NumPy's `ValueError: '…' is not
 * a valid PEP 3118 buffer format string`, with the parser's own error as its `cause`.
 */
import type { Abi } from "@pybuffer/core";
import { NotImplementedError, ValueError } from "@pybuffer/struct";
import {
  C_CODES,
  type DType,
  type RecordField,
  type ScalarKind,
  scalar,
  subarray,
} from "./dtype.js";

type Leaf = readonly [ScalarKind, number];

const COMMON: Record<string, Leaf> = {
  ...C_CODES,
  c: ["S", 1],
  Zf: ["c", 8],
  Zd: ["c", 16],
  s: ["S", 0],
  w: ["U", 0],
  O: ["O", 8],
  x: ["V", 0],
};
const NATIVE: Record<string, Leaf> = {
  ...COMMON,
  l: ["i", 8],
  L: ["u", 8],
  g: ["f", 16],
  Zg: ["c", 32],
};
const STANDARD: Record<string, Leaf> = { ...COMMON, l: ["i", 4], L: ["u", 4] };
// Every ABI's native table has the same codes.
const NATIVE_CHARS = new Set(Object.keys(NATIVE).map((k) => k[0]));
const STANDARD_CHARS = new Set(Object.keys(STANDARD).map((k) => k[0]));
// C `long` is 4 bytes on llp64 (Windows) and wasm32 (Pyodide); `long double` is a
// `double` on llp64 and a 16-byte quad on wasm32.
const NATIVE_OF: Readonly<Record<Abi, Record<string, Leaf>>> = {
  lp64: NATIVE,
  wasm32: { ...NATIVE, l: ["i", 4], L: ["u", 4] },
  llp64: { ...NATIVE, l: ["i", 4], L: ["u", 4], g: ["f", 8], Zg: ["c", 16] },
};

const UNSUPPORTED: Record<string, string> = {
  u: "UCS-2 strings",
  "&": "pointers",
  t: "bitfields",
  X: "function pointers",
};

/** The parser's own failures (Python's KeyError, IndexError…), wrapped by the caller. */
class Malformed extends Error {}

class Stream {
  order = "@";
  s: string;
  /** The native sizes of the buffer's ABI. */
  readonly native: Record<string, Leaf>;
  constructor(s: string, native: Record<string, Leaf>) {
    this.s = s;
    this.native = native;
  }
  consume(c: string): boolean {
    if (!this.s.startsWith(c)) return false;
    this.s = this.s.slice(c.length);
    return true;
  }
  until(c: string): string {
    const i = this.s.indexOf(c);
    if (i < 0) throw new Malformed("substring not found");
    const head = this.s.slice(0, i);
    this.s = this.s.slice(i + c.length);
    return head;
  }
  get next(): string {
    if (this.s === "") throw new Malformed("string index out of range");
    return this.s[0] as string;
  }
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

const mod = (a: number, n: number): number => ((a % n) + n) % n;

/** `_add_trailing_padding`: the same fields (or `f0` for a plain type) in a longer record. */
function padded(value: DType, padding: number): DType {
  const fields: readonly RecordField[] =
    value.type === "record" ? value.fields : [{ name: "f0", title: null, dtype: value, offset: 0 }];
  return { type: "record", fields, itemsize: value.itemsize + padding, alignment: 1 };
}

interface Spec {
  names: (string | null)[];
  /** The names given, for the duplicate test and the unnamed fields' `f<j>`. */
  taken: Set<string>;
  formats: DType[];
  offsets: number[];
}

const MAX_DEPTH = 64;

function parse(stream: Stream, nested: boolean, depth: number): [DType, number] {
  if (depth > MAX_DEPTH) throw new Malformed("nesting too deep");
  const spec: Spec = { names: [], taken: new Set(), formats: [], offsets: [] };
  let offset = 0;
  let itemsizeTotal = 0;
  let common = 1;
  while (stream.s !== "") {
    if (stream.consume("}")) break;
    let shape: number[] | null = null;
    if (stream.consume("(")) {
      shape = stream
        .until(")")
        .split(",")
        .map((t) => {
          if (!/^[+-]?\d+$/.test(t) || Number(t) < 0) throw new Malformed(`invalid dimension ${t}`);
          return Number(t);
        });
    }
    if ("@=<>^!".includes(stream.next)) {
      const c = stream.s[0] as string;
      stream.s = stream.s.slice(1);
      stream.order = c === "!" ? ">" : c;
    }
    const native = stream.order === "@" || stream.order === "^";
    const map = native ? stream.native : STANDARD;
    const digits = /^\d*/.exec(stream.s)?.[0] ?? "";
    stream.s = stream.s.slice(digits.length);
    let count = digits === "" ? 1 : Number(digits);
    if (!Number.isSafeInteger(count)) throw new Malformed("count too large");
    let value: DType;
    let align: number;
    let padding = false;
    if (stream.consume("T{")) {
      [value, align] = parse(stream, true, depth + 1);
    } else if ((native ? NATIVE_CHARS : STANDARD_CHARS).has(stream.next)) {
      const typechar = stream.next === "Z" ? stream.s.slice(0, 2) : stream.next;
      stream.s = stream.s.slice(typechar.length);
      padding = typechar === "x";
      const leaf = map[typechar];
      if (leaf === undefined) throw new Malformed(`KeyError: '${typechar}'`);
      let [kind, size] = leaf;
      if (kind === "S" || kind === "U" || kind === "V") {
        if (typechar !== "c") {
          size = kind === "U" ? count * 4 : count;
          count = 1;
        }
      }
      value = scalar(kind, stream.order === ">" ? ">" : "<", size);
      align = value.alignment;
    } else if (UNSUPPORTED[stream.next] !== undefined) {
      throw new NotImplementedError(
        `Unrepresentable PEP 3118 data type '${stream.next}' (${UNSUPPORTED[stream.next]})`,
      );
    } else {
      throw new ValueError(`Unknown PEP 3118 data type specifier '${stream.s}'`);
    }
    let extra = 0;
    if (stream.order === "@") {
      offset += mod(-offset, align);
      const intra = mod(-value.itemsize, align);
      if (intra !== 0) {
        const repeated = count > 1 || (shape !== null && shape.reduce((a, b) => a * b, 1) > 1);
        if (repeated) value = padded(value, intra);
        else extra += intra;
      }
      common = (align / gcd(align, common)) * common;
    }
    if (count !== 1) value = subarray(value, [count]);
    if (shape !== null) value = subarray(value, shape);
    let name: string | null = null;
    if (stream.consume(":")) name = stream.until(":");
    if (!(padding && name === null)) {
      if (name !== null && spec.taken.has(name)) {
        throw new Malformed(`Duplicate field name '${name}' in PEP3118 format`);
      }
      spec.names.push(name);
      if (name !== null) spec.taken.add(name);
      spec.formats.push(value);
      spec.offsets.push(offset);
    }
    offset += value.itemsize + extra;
    if (!Number.isSafeInteger(offset)) throw new Malformed("item size too large");
    itemsizeTotal = offset;
  }
  if (stream.order === "@") itemsizeTotal += mod(-offset, common);
  const first = spec.formats[0];
  if (
    !nested &&
    spec.names.length === 1 &&
    spec.names[0] === null &&
    spec.offsets[0] === 0 &&
    first !== undefined &&
    itemsizeTotal === first.itemsize
  ) {
    return [first, common];
  }
  // The lowest unused `f<j>` only grows as names are taken: one pass (NumPy's loop, which
  // starts again from f0 for each field, is cubic in a long format's fields).
  const names = spec.names.slice();
  let j = 0;
  for (let i = 0; i < names.length; i++) {
    if (names[i] !== null) continue;
    while (spec.taken.has(`f${j}`)) j++;
    names[i] = `f${j}`;
    spec.taken.add(`f${j}`);
  }
  const fields = names.map((name, i) => ({
    name: name as string,
    title: null,
    dtype: spec.formats[i] as DType,
    offset: spec.offsets[i] as number,
  }));
  return [{ type: "record", fields, itemsize: itemsizeTotal, alignment: 1 }, common];
}

const FAST = /^[@^]?([nN])$/;

/**
 * The dtype NumPy makes of a buffer with PEP 3118 format `format`, on the platform of
 * `abi` (native codes take its sizes).
 *
 * @example
 * dtypeOfFormat("T{i:a:d:b:}").itemsize; // 16
 * dtypeOfFormat("l", "wasm32").itemsize; // 4
 */
export function dtypeOfFormat(format: string, abi: Abi = "lp64"): DType {
  if (typeof format !== "string") {
    throw new TypeError(`format must be a str, not '${typeof format}'`);
  }
  // Whitespace outside names is dropped before anything else.
  let stripped = "";
  let inName = false;
  for (const ch of format) {
    if (ch === ":") inName = !inName;
    if (ch === ":" || inName || !" \t\n\v\f\r".includes(ch)) stripped += ch;
  }
  const fast = FAST.exec(stripped);
  if (fast !== null) return scalar(fast[1] === "n" ? "i" : "u", "<", abi === "wasm32" ? 4 : 8);
  try {
    return parse(new Stream(stripped, NATIVE_OF[abi]), false, 0)[0];
  } catch (cause) {
    const error = new ValueError(`'${stripped}' is not a valid PEP 3118 buffer format string`);
    (error as { cause?: unknown }).cause = cause;
    throw error;
  }
}
