/**
 * Command-line text to the value a format code packs, as Python's own constructors
 * read text: `int(text, 0)`, `float(text)`, `complex(text)`, and bytes literals with
 * Python's escapes. Records and sub-arrays take JSON (`'[1, 2]'`, `'{"id": 1}'`).
 */
import { pythonStrRepr, ValueError } from "@pybuffer/struct";
import type { ValueInfo } from "./values.js";

const INT = /^[+-]?(0[xX](_?[\da-fA-F])+|0[oO](_?[0-7])+|0[bB](_?[01])+|[1-9](_?\d)*|0(_?0)*)$/;
const FLOAT =
  /^[+-]?((\d(_?\d)*)?\.?\d(_?\d)*([eE][+-]?\d(_?\d)*)?|\d(_?\d)*\.|inf|infinity|nan)$/i;

/**
 * Python's `int(text, 0)`: decimal, `0x`, `0o`, `0b`, underscores; a `number` when
 * exact, else a `bigint`.
 *
 * @example
 * ```ts
 * parseInt0("0x10"); // 16
 * parseInt0("18446744073709551615"); // 18446744073709551615n
 * ```
 */
export function parseInt0(text: string): number | bigint {
  const t = text.trim();
  if (!INT.test(t))
    throw new ValueError(`invalid literal for int() with base 0: ${pythonStrRepr(text)}`);
  const negative = t.startsWith("-");
  const digits = t.replace(/^[+-]/, "").replace(/_/g, "");
  const value = BigInt(digits) * (negative ? -1n : 1n);
  return Number.isSafeInteger(Number(value)) ? Number(value) : value;
}

/**
 * Python's `float(text)`.
 *
 * @example
 * ```ts
 * parseFloatPy("-inf"); // -Infinity
 * ```
 */
export function parseFloatPy(text: string): number {
  const t = text.trim();
  if (!FLOAT.test(t))
    throw new ValueError(`could not convert string to float: ${pythonStrRepr(text)}`);
  const lower = t.toLowerCase().replace(/_/g, "");
  const sign = lower.startsWith("-") ? -1 : 1;
  const body = lower.replace(/^[+-]/, "");
  if (body === "nan") return Number.NaN;
  if (body === "inf" || body === "infinity") return sign * Number.POSITIVE_INFINITY;
  return Number(lower);
}

/** Python's one-character escapes of a bytes literal. */
const ESCAPES: Readonly<Record<string, number>> = {
  n: 10,
  r: 13,
  t: 9,
  "\\": 92,
  "'": 39,
  '"': 34,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
};

function notAscii(ch: string, at: number): ValueError {
  const utf8 = Array.from(
    new TextEncoder().encode(ch),
    (b) => `\\x${b.toString(16).padStart(2, "0")}`,
  );
  return new ValueError(
    `bytes can only contain ASCII literal characters, and ${pythonStrRepr(ch)} at position ` +
      `${at} is not one: write the bytes you mean as \\x escapes (${utf8.join("")} is its UTF-8)`,
  );
}

/**
 * The bytes of a Python bytes literal's body or of `b'…'`, by Python's rule for bytes
 * literals: ASCII characters as themselves, escapes (`\x00`, `\n`, `\\`, octal
 * `\101`) for everything else. A character past ASCII is refused, as Python refuses
 * `b'é'`, with the escapes that would write its UTF-8.
 *
 * @example
 * ```ts
 * parseBytes("RIFF\\x00"); // Uint8Array [82, 73, 70, 70, 0]
 * parseBytes("h\u00e9"); // ValueError: bytes can only contain ASCII literal characters, and 'é' …
 * ```
 */
export function parseBytes(text: string): Uint8Array {
  const literal = /^b(['"])(.*)\1$/s.exec(text);
  const body = literal === null ? text : literal[2]!;
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.codePointAt(i)!;
    if (c > 0x7f) throw notAscii(String.fromCodePoint(c), i);
    if (body[i] !== "\\" || i + 1 === body.length) {
      out.push(c);
      continue;
    }
    const start = i;
    const e = body[++i]!;
    const octal = /^[0-7]{1,3}/.exec(body.slice(i));
    if (e === "x") {
      const hex = /^[\da-fA-F]{2}/.exec(body.slice(i + 1));
      if (hex === null) throw new ValueError(`invalid \\x escape at position ${start}`);
      out.push(Number.parseInt(hex[0], 16));
      i += 2;
    } else if (octal !== null) {
      out.push(Number.parseInt(octal[0], 8) & 0xff);
      i += octal[0].length - 1;
    } else if (e === "\n") {
      // A backslash before a newline joins the lines.
    } else if (e in ESCAPES) out.push(ESCAPES[e]!);
    else if (e.codePointAt(0)! > 0x7f) throw notAscii(String.fromCodePoint(e.codePointAt(0)!), i);
    else out.push(92, e.charCodeAt(0));
  }
  return new Uint8Array(out);
}

function parseComplex(text: string): { re: number; im: number } | number {
  const t = text.trim().replace(/^\((.*)\)$/, "$1");
  const m = /^([+-]?[^+-]+(?:[eE][+-]?\d+)?)?(?:([+-][^+-]*(?:[eE][+-]?\d+)?)[jJ])?$/.exec(t);
  const imOnly = /^([+-]?.*)[jJ]$/.exec(t);
  if (m?.[2] !== undefined)
    return { re: m[1] === undefined ? 0 : parseFloatPy(m[1]), im: imPart(m[2]) };
  if (imOnly !== null) return { re: 0, im: imPart(imOnly[1]!) };
  try {
    return parseFloatPy(t);
  } catch {
    throw new ValueError("complex() arg is a malformed string");
  }
}

function imPart(text: string): number {
  return text === "+" || text === "" ? 1 : text === "-" ? -1 : parseFloatPy(text);
}

/**
 * A record or sub-array value: JSON, else `ValueError` with the text as Python shows it
 * (the parser's own message names a token, not the value).
 */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ValueError(
      `could not convert string to a record or sub-array (JSON): ${pythonStrRepr(text)}`,
    );
  }
}

/**
 * The value `info`'s code packs, from command-line `text`.
 *
 * @example
 * ```ts
 * parseValue("1.5", { name: "x", kind: "float", members: null }); // 1.5
 * ```
 */
export function parseValue(text: string, info: ValueInfo): unknown {
  if (info.members !== null || /^\s*[[{]/.test(text)) return parseJson(text);
  switch (info.kind) {
    case "int":
      return parseInt0(text);
    case "float":
      return parseFloatPy(text);
    case "bool":
      if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
      return parseInt0(text) !== 0;
    case "bytes":
      return parseBytes(text);
    case "complex":
      return parseComplex(text);
    default:
      return text;
  }
}
