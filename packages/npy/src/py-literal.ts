/**
 * The Python literals of a `.npy` header, both ways: `parsePyLiteral` reads what
 * `ast.literal_eval` reads there (dicts, tuples, lists, strings, ints, `True`, `False`,
 * `None`; NumPy 1.0/2.0 headers may carry Python 2's `3L`), and `pyRepr` writes what
 * Python's `repr` writes, character for character (the header must be NumPy's, byte for
 * byte). Tuples are {@link PyTuple}s so that `(3,)` and `[3]` stay apart.
 */
import { ValueError } from "@pybuffer/struct";

/** A Python tuple: an array marked as a tuple (`repr` writes `(…)`, and `(x,)` for one). */
export class PyTuple extends Array<PyValue> {
  /** `map`, `slice` and the like make plain arrays: only the parser makes tuples. */
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  /** `new PyTuple(…)` with a single number would make a sparse array: use this. */
  static of2(items: readonly PyValue[]): PyTuple {
    const tuple = new PyTuple();
    for (const item of items) tuple.push(item);
    return tuple;
  }
}

/** A Python dict with string keys, in insertion order. */
export type PyDict = Map<PyValue, PyValue>;

/** The values a header holds. */
export type PyValue = string | number | bigint | boolean | null | PyTuple | PyValue[] | PyDict;

// Nesting deeper than this is refused: a hostile header must not exhaust the stack.
const MAX_DEPTH = 64;

const ESCAPES: Record<string, string> = {
  "\n": "",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
};

class Reader {
  pos = 0;
  readonly text: string;
  readonly longs: boolean;
  constructor(text: string, longs: boolean) {
    this.text = text;
    this.longs = longs;
  }

  fail(): never {
    throw new SyntaxError(`invalid syntax at ${this.pos}`);
  }

  skip(): void {
    while (this.pos < this.text.length && " \t\n\r\f\v".includes(this.text[this.pos] as string)) {
      this.pos++;
    }
  }

  eat(char: string): boolean {
    this.skip();
    if (this.text[this.pos] !== char) return false;
    this.pos++;
    return true;
  }

  value(depth: number): PyValue {
    if (depth > MAX_DEPTH) this.fail();
    this.skip();
    const c = this.text[this.pos];
    if (c === "{") return this.dict(depth);
    if (c === "(") return this.tuple(depth);
    if (c === "[") return this.list(depth);
    if (c === "'" || c === '"') return this.strings();
    const word = /^(?:[+-]\s*)?[0-9]+[lL]?(?![\w])|^[A-Za-z_]\w*/.exec(this.text.slice(this.pos));
    if (word === null) this.fail();
    this.pos += word[0].length;
    const w = word[0];
    if (w === "True") return true;
    if (w === "False") return false;
    if (w === "None") return null;
    if (!/[0-9]/.test(w) || (!this.longs && /[lL]$/.test(w))) this.fail();
    const digits = w.replace(/\s+|[lL]$/g, "");
    if (/^[+-]?0[0-9]/.test(digits) && /[1-9]/.test(digits)) this.fail(); // 012 is no literal
    const n = BigInt(digits);
    return Number.isSafeInteger(Number(n)) ? Number(n) : n;
  }

  items(depth: number, close: string): { items: PyValue[]; comma: boolean } {
    const items: PyValue[] = [];
    let comma = false;
    while (!this.eat(close)) {
      if (items.length > 0 && !comma) this.fail();
      items.push(this.value(depth + 1));
      comma = this.eat(",");
    }
    return { items, comma };
  }

  tuple(depth: number): PyValue {
    this.pos++;
    const { items, comma } = this.items(depth, ")");
    // `(x)` is x itself; `(x,)` and `()` are tuples.
    if (items.length === 1 && !comma) return items[0] as PyValue;
    return PyTuple.of2(items);
  }

  list(depth: number): PyValue[] {
    this.pos++;
    return this.items(depth, "]").items;
  }

  dict(depth: number): PyDict {
    this.pos++;
    const dict: PyDict = new Map();
    let comma = true;
    while (!this.eat("}")) {
      if (!comma) this.fail();
      const key = this.value(depth + 1);
      if (!this.eat(":")) this.fail();
      const value = this.value(depth + 1);
      dict.set(typeof key === "object" && key !== null ? this.fail() : key, value);
      comma = this.eat(",");
    }
    return dict;
  }

  /** One string literal, or several side by side (Python joins them). */
  strings(): string {
    let out = this.string();
    for (;;) {
      this.skip();
      const c = this.text[this.pos];
      if (c !== "'" && c !== '"') return out;
      out += this.string();
    }
  }

  string(): string {
    const quote = this.text[this.pos] as string;
    this.pos++;
    let out = "";
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c === "\n") this.fail();
      this.pos++;
      if (c === quote) return out;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = this.text[this.pos];
      if (e === undefined) this.fail();
      this.pos++;
      const simple = ESCAPES[e];
      if (simple !== undefined) out += simple;
      else if (e === "x" || e === "u" || e === "U")
        out += this.hex(e === "x" ? 2 : e === "u" ? 4 : 8);
      else if (/[0-7]/.test(e)) {
        const octal = /^[0-7]{0,2}/.exec(this.text.slice(this.pos))?.[0] ?? "";
        this.pos += octal.length;
        out += String.fromCodePoint(Number.parseInt(e + octal, 8));
      } else out += `\\${e}`;
    }
  }

  hex(n: number): string {
    const digits = this.text.slice(this.pos, this.pos + n);
    if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(digits)) this.fail();
    this.pos += n;
    const code = Number.parseInt(digits, 16);
    if (code > 0x10ffff) this.fail();
    return String.fromCodePoint(code);
  }
}

/**
 * `ast.literal_eval(text)` for the literals a header holds; a `ValueError` naming the
 * text (NumPy's "Cannot parse header: …") for anything else. `longs`: Python 2's `3L`
 * is read as 3 (NumPy filters it out of 1.0 and 2.0 headers).
 *
 * @example
 * parsePyLiteral("{'shape': (3,), }").get("shape"); // PyTuple [3]
 */
export function parsePyLiteral(text: string, longs = false): PyValue {
  const reader = new Reader(text, longs);
  try {
    const value = reader.value(0);
    reader.skip();
    if (reader.pos !== text.length) reader.fail();
    return value;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new ValueError(`Cannot parse header: ${pyRepr(text)}`);
  }
}

// Python's str.isprintable: not in the Unicode categories Other (C*) or Separator (Z*),
// the ASCII space excepted.
const UNPRINTABLE = /[\p{C}\p{Z}]/u;

function reprChar(ch: string, quote: string): string {
  if (ch === quote || ch === "\\") return `\\${ch}`;
  if (ch === "\n") return "\\n";
  if (ch === "\r") return "\\r";
  if (ch === "\t") return "\\t";
  if (ch === " " || !UNPRINTABLE.test(ch)) return ch;
  const code = ch.codePointAt(0) as number;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\U${code.toString(16).padStart(8, "0")}`;
}

/** Python's `repr` of a str. @example pyStrRepr("it's"); // "\"it's\"" */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) out += reprChar(ch, quote);
  return out + quote;
}

/**
 * Python's `repr` of a header value.
 *
 * @example
 * pyRepr(PyTuple.of2([2, 3])); // "(2, 3)"
 */
export function pyRepr(value: PyValue): string {
  if (typeof value === "string") return pyStrRepr(value);
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (value === true) return "True";
  if (value === false) return "False";
  if (value === null) return "None";
  if (value instanceof PyTuple) {
    const inner = value.map(pyRepr).join(", ");
    return value.length === 1 ? `(${inner},)` : `(${inner})`;
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  const parts: string[] = [];
  for (const [k, v] of value) parts.push(`${pyRepr(k)}: ${pyRepr(v)}`);
  return `{${parts.join(", ")}}`;
}
