/**
 * The Python literals of a `.npy` header, both ways: `parsePyLiteral` reads what
 * `ast.literal_eval` reads there (dicts, tuples, lists, strings and bytes with their
 * prefixes, ints in every base, floats, complex numbers, `True`, `False`, `None`,
 * comments; NumPy 1.0/2.0 headers may carry Python 2's `3L`), and `pyRepr` writes what
 * Python's `repr` writes, character for character (the header must be NumPy's, byte for
 * byte). Tuples are {@link PyTuple}s so that `(3,)` and `[3]` stay apart.
 */
import { ValueError } from "@pybuffer/struct";
import { bytesRepr, complexRepr, floatRepr } from "@pybuffer/struct/print";

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

/** A Python float, kept apart from ints (`(3.0,)` is no shape). */
export class PyFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

/** A Python complex number (`2j`, `(1-2j)`). */
export class PyComplex {
  readonly re: number;
  readonly im: number;
  constructor(re: number, im: number) {
    this.re = re;
    this.im = im;
  }
}

/** Python bytes (`b'<f8'`). */
export class PyBytes {
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
}

/** The values a header holds. */
export type PyValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | PyFloat
  | PyComplex
  | PyBytes
  | PyTuple
  | PyValue[]
  | PyDict;

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

// A string or bytes literal starts here: a prefix Python 3 knows, then a quote.
const STRING_START = /^(?:[bB][rR]?|[rR][bB]?|[uU])?['"]/;

// Python's number literals (underscores between digits): group 1 marks an int.
const DIGITS = "[0-9](?:_?[0-9])*";
const EXPONENT = `[eE][+-]?${DIGITS}`;
const POINT = `(?:${DIGITS})?\\.${DIGITS}|${DIGITS}\\.`;
const FLOAT = `(?:${POINT})(?:${EXPONENT})?|${DIGITS}${EXPONENT}`;
const INT = `0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|${DIGITS}`;
const NUMBER = new RegExp(`^(?:(?:${FLOAT}|${DIGITS})[jJ]|${FLOAT}|(${INT}))`);

function negated(
  value: number | bigint | PyFloat | PyComplex,
): number | bigint | PyFloat | PyComplex {
  if (value instanceof PyFloat) return new PyFloat(-value.value);
  if (value instanceof PyComplex) return new PyComplex(-value.re, -value.im);
  const n = -BigInt(value);
  return Number.isSafeInteger(Number(n)) ? Number(n) : n;
}

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

  /** Python's blanks between tokens: spaces, tabs, form feeds, newlines, comments, `\\` + newline. */
  skip(): void {
    const { text } = this;
    for (;;) {
      const c = text[this.pos];
      if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f") this.pos++;
      else if (c === "#")
        while (this.pos < text.length && !"\n\r".includes(text[this.pos] as string)) this.pos++;
      else if (c === "\\" && (text[this.pos + 1] === "\n" || text[this.pos + 1] === "\r"))
        this.pos += 2;
      else return;
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
    const rest = this.text.slice(this.pos, this.pos + 3);
    if (STRING_START.test(rest)) return this.strings();
    // (the keywords are at most 5 letters: a 6-letter window tells them from longer names)
    const word = /^[A-Za-z_]\w*/.exec(this.text.slice(this.pos, this.pos + 6));
    if (word !== null) {
      this.pos += word[0].length;
      if (word[0] === "True") return true;
      if (word[0] === "False") return false;
      if (word[0] === "None") return null;
      this.fail();
    }
    return this.number();
  }

  /** A number literal, signed or not; a real one may be followed by `+ 2j` or `- 2j`. */
  number(): PyValue {
    const sign = /^[+-]/.exec(this.text[this.pos] ?? "")?.[0] ?? "";
    if (sign !== "") {
      this.pos++;
      this.skip();
    }
    const value = sign === "-" ? negated(this.unsigned()) : this.unsigned();
    if (value instanceof PyComplex) return value;
    // `1 + 2j`: a real, then an unsigned imaginary literal (literal_eval's only BinOp)
    const at = this.pos;
    this.skip();
    const op = this.text[this.pos];
    if (op !== "+" && op !== "-") {
      this.pos = at;
      return value;
    }
    this.pos++;
    this.skip();
    const imag = this.unsigned();
    if (!(imag instanceof PyComplex)) this.fail();
    const re = value instanceof PyFloat ? value.value : Number(value);
    return op === "+" ? new PyComplex(re + 0, 0 + imag.im) : new PyComplex(re - 0, 0 - imag.im);
  }

  /** An unsigned int, float or imaginary literal (Python 2's `3L` in 1.0 and 2.0 headers). */
  unsigned(): number | bigint | PyFloat | PyComplex {
    const m = NUMBER.exec(this.text.slice(this.pos, this.pos + 4096));
    if (m === null) this.fail();
    this.pos += m[0].length;
    if (this.longs && this.text[this.pos] === "L") this.pos++;
    if (/[\w.]/.test(this.text[this.pos] ?? "")) this.fail();
    const digits = m[0].replaceAll("_", "");
    if (/[jJ]$/.test(digits)) return new PyComplex(0, Number(digits.slice(0, -1)));
    if (m[1] === undefined) return new PyFloat(Number(digits));
    if (/^0[0-9]/.test(digits) && /[1-9]/.test(digits)) this.fail(); // 012 is no literal
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
      // lists and dicts are unhashable (tuples and scalars are keys)
      const unhashable = key instanceof Map || (Array.isArray(key) && !(key instanceof PyTuple));
      dict.set(unhashable ? this.fail() : key, value);
      comma = this.eat(",");
    }
    return dict;
  }

  /** One string or bytes literal, or several side by side (Python joins them). */
  strings(): string | PyBytes {
    const first = this.string();
    let out = first.text;
    for (;;) {
      this.skip();
      if (!STRING_START.test(this.text.slice(this.pos, this.pos + 3))) break;
      const next = this.string();
      if (next.bytes !== first.bytes) this.fail(); // cannot mix bytes and nonbytes literals
      out += next.text;
    }
    return first.bytes ? new PyBytes(Uint8Array.from(out, (c) => c.charCodeAt(0))) : out;
  }

  /** One literal: its prefix (`r`, `u`, `b`, `rb`…), quotes (`'`, `"`, or tripled), text. */
  string(): { bytes: boolean; text: string } {
    const prefix = /^[rRuUbB]*/.exec(this.text.slice(this.pos, this.pos + 2))?.[0] ?? "";
    this.pos += prefix.length;
    const raw = /r/i.test(prefix);
    const bytes = /b/i.test(prefix);
    const quote = this.text[this.pos] as string;
    const close = this.text.startsWith(quote.repeat(3), this.pos) ? quote.repeat(3) : quote;
    this.pos += close.length;
    let out = "";
    for (;;) {
      if (this.text.startsWith(close, this.pos)) {
        this.pos += close.length;
        return { bytes, text: out };
      }
      const c = this.text[this.pos];
      if (c === undefined || (close.length === 1 && (c === "\n" || c === "\r"))) this.fail();
      if (bytes && c > "\x7f") this.fail(); // bytes can only contain ASCII literal characters
      this.pos++;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = this.text[this.pos];
      if (e === undefined) this.fail();
      this.pos++;
      if (raw) out += `\\${e}`;
      else out += this.escape(e, bytes);
    }
  }

  /** The character(s) of `\\e` in a str or bytes literal (unknown escapes stay as written). */
  escape(e: string, bytes: boolean): string {
    const simple = ESCAPES[e];
    if (simple !== undefined) return simple;
    if (e === "x" || (!bytes && (e === "u" || e === "U"))) {
      return this.hex(e === "x" ? 2 : e === "u" ? 4 : 8);
    }
    if (/[0-7]/.test(e)) {
      const octal = /^[0-7]{0,2}/.exec(this.text.slice(this.pos, this.pos + 2))?.[0] ?? "";
      this.pos += octal.length;
      const code = Number.parseInt(e + octal, 8);
      if (bytes && code > 0xff) this.fail();
      return String.fromCodePoint(code);
    }
    if (!bytes && e === "N") this.fail(); // \N{name}: no table of names here
    return `\\${e}`;
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
    if (text.includes("\0")) reader.fail(); // source code cannot contain null bytes
    // literal_eval strips leading spaces and tabs; past a newline, an indented first or
    // trailing line is Python's IndentationError (a line of blanks with no newline too)
    reader.pos = /^[ \t]*/.exec(text)?.[0].length ?? 0;
    reader.skip();
    const start = reader.pos;
    if (/[\n\r][ \t\f]+$/.test(text.slice(0, start))) reader.fail();
    let value = reader.value(0);
    // `x,` and `x, y` are tuples at the top level too
    if (reader.eat(",")) {
      const items = [value];
      reader.skip();
      while (reader.pos < text.length) {
        items.push(reader.value(1));
        if (!reader.eat(",")) break;
        reader.skip();
      }
      value = PyTuple.of2(items);
    }
    reader.skip();
    if (reader.pos !== text.length || /[\n\r][ \t\f]+$/.test(text)) reader.fail();
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
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (value instanceof PyComplex) return complexRepr(value);
  if (value instanceof PyBytes) return bytesRepr(value.bytes);
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
