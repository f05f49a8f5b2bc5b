/**
 * The opt-in `encoding` option of `Struct` (an extension: CPython's `s` and `p` take and
 * give bytes only): `s` and `p` fields pack strings, encoded with the named encoding,
 * and unpack to strings, decoded with it and with the trailing NUL padding removed.
 * Python spells it `struct.pack("4s", text.encode("utf-8"))` and
 * `struct.unpack("4s", b)[0].rstrip(b"\0").decode("utf-8")`. The codec is wrapped, so a
 * Struct without the option pays nothing.
 */
import type { Codec } from "./codec/codec.js";
import { UnicodeDecodeError, ValueError } from "./errors.js";
import { cantEncode } from "./grammar/format-source.js";
import { valueFields } from "./layout/value-fields.js";
import type { Field, Layout } from "./types.js";

/** The canonical names of the encodings the option takes. */
export type TextEncoding = "utf-8" | "latin-1" | "ascii";

const ALIASES: Readonly<Record<string, TextEncoding>> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "latin-1": "latin-1",
  latin1: "latin-1",
  "iso-8859-1": "latin-1",
  ascii: "ascii",
};

/**
 * The canonical name of an `encoding` option, or `LookupError`'s message as a ValueError.
 *
 * @example
 * textEncoding("UTF8"); // "utf-8"
 */
export function textEncoding(name: unknown): TextEncoding {
  if (typeof name !== "string") {
    throw new TypeError("the encoding option must be a string");
  }
  const found = ALIASES[name.toLowerCase().replace(/_/g, "-")];
  if (found === undefined) {
    throw new ValueError(
      `unknown encoding: ${name} (the encoding option takes "utf-8", "latin-1" or "ascii")`,
    );
  }
  return found;
}

// The platform's codecs (Node and browsers); struct's build has no DOM typings.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
declare const TextDecoder: new (
  label: string,
  options: { fatal: boolean },
) => { decode(bytes: Uint8Array): string };

// Made on first use: reading Node's lazy TextEncoder global at import would change it.
let utf8: {
  encoder: { encode(text: string): Uint8Array };
  decoder: { decode(b: Uint8Array): string };
} | null = null;

function utf8Codec(): NonNullable<typeof utf8> {
  if (utf8 === null) {
    utf8 = { encoder: new TextEncoder(), decoder: new TextDecoder("utf-8", { fatal: true }) };
  }
  return utf8;
}

/** `text.encode(encoding)`, with Python's UnicodeEncodeError for a character out of range. */
function encode(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === "utf-8") return utf8Codec().encoder.encode(text);
  const limit = encoding === "ascii" ? 0x80 : 0x100;
  const points = Array.from(text, (ch) => ch.codePointAt(0) as number);
  const bad = points.findIndex((cp) => cp >= limit);
  if (bad >= 0) {
    throw cantEncode(encoding, points[bad]!, bad, limit);
  }
  return Uint8Array.from(points);
}

/** `bytes.rstrip(b"\0").decode(encoding)`. */
function decode(bytes: Uint8Array, encoding: TextEncoding): string {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  const body = bytes.subarray(0, end);
  if (encoding === "utf-8") {
    try {
      return utf8Codec().decoder.decode(body);
    } catch {
      throw utf8Error(body);
    }
  }
  const bad = encoding === "ascii" ? body.findIndex((b) => b >= 0x80) : -1;
  if (bad >= 0) {
    throw new UnicodeDecodeError(
      `'ascii' codec can't decode byte 0x${body[bad]!.toString(16)} in position ${bad}: ` +
        "ordinal not in range(128)",
    );
  }
  let text = "";
  for (const b of body) text += String.fromCharCode(b);
  return text;
}

/** The lowest and highest second byte a UTF-8 lead byte allows (RFC 3629). */
function secondRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** Python's UnicodeDecodeError for the first byte of `bytes` that is not UTF-8. */
function utf8Error(bytes: Uint8Array): UnicodeDecodeError {
  const fail = (at: number, reason: string) =>
    new UnicodeDecodeError(
      `'utf-8' codec can't decode byte 0x${bytes[at]!.toString(16).padStart(2, "0")} in ` +
        `position ${at}: ${reason}`,
    );
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const tail =
      lead >= 0xc2 && lead <= 0xdf
        ? 1
        : lead >= 0xe0 && lead <= 0xef
          ? 2
          : lead >= 0xf0 && lead <= 0xf4
            ? 3
            : -1;
    if (tail < 0) return fail(i, "invalid start byte");
    for (let k = 1; k <= tail; k++) {
      const b = bytes[i + k];
      const [lo, hi] = k === 1 ? secondRange(lead) : [0x80, 0xbf];
      if (b === undefined) return fail(i, "unexpected end of data");
      if (b < lo || b > hi) return fail(i, "invalid continuation byte");
    }
    i += tail + 1;
  }
  return fail(0, "invalid start byte");
}

/** Applies `fn` to every `s`/`p` leaf of a value of `field` (sub-arrays and records opened). */
function mapText(value: unknown, field: Field, dims: number, fn: (v: unknown) => unknown): unknown {
  if (dims > 0 && Array.isArray(value)) return value.map((v) => mapText(v, field, dims - 1, fn));
  if (field.code === "s" || field.code === "p") return fn(value);
  if (field.code !== "T" || field.fields === null) return value;
  const members = field.fields.fields.filter((f) => f.code !== "x");
  const member = (v: unknown, f: Field | undefined) =>
    f === undefined ? v : mapText(v, f, f.shape?.length ?? 0, fn);
  if (Array.isArray(value)) return value.map((v, i) => member(v, members[i]));
  if (typeof value !== "object" || value === null) return value;
  const record = { ...(value as Record<string, unknown>) };
  for (const f of members) if (f.name !== null) record[f.name] = member(record[f.name], f);
  return record;
}

function hasText(fields: readonly Field[]): boolean {
  return fields.some(
    (f) => f.code === "s" || f.code === "p" || (f.fields !== null && hasText(f.fields.fields)),
  );
}

/**
 * `codec` with the `s`/`p` values of `layout` as strings in `encoding`; `codec` itself
 * when the layout has none.
 *
 * @example
 * textCodec(codec, parseFormat("4s"), "utf-8").unpack(dv, 0); // ["RIFF"]
 */
export function textCodec(codec: Codec, layout: Layout, encoding: TextEncoding): Codec {
  if (!hasText(layout.fields)) return codec;
  const fields = valueFields(layout);
  const toBytes = (v: unknown) => (typeof v === "string" ? encode(v, encoding) : v);
  const toText = (v: unknown) => (v instanceof Uint8Array ? decode(v, encoding) : v);
  const packed = (args: readonly unknown[], start: number): unknown[] => {
    const out = args.slice();
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      out[start + i] = mapText(args[start + i], f, f.shape?.length ?? 0, toBytes);
    }
    return out;
  };
  const unpacked = (values: unknown[]): unknown[] => {
    for (let i = 0; i < values.length; i++) {
      const f = fields[i];
      if (f !== undefined) values[i] = mapText(values[i], f, f.shape?.length ?? 0, toText);
    }
    return values;
  };
  return {
    unpack: (dv, off) => unpacked(codec.unpack(dv, off)),
    pack: (dv, off, args, start) => codec.pack(dv, off, packed(args, start), start),
    packMany: (dv, rows, n, start) => {
      const converted = rows.slice(0, n).map((row) => (Array.isArray(row) ? packed(row, 0) : row));
      codec.packMany(dv, converted, n, start);
    },
    columns: (dv, n, cols) => {
      codec.columns(dv, n, cols);
      fields.forEach((f, j) => {
        const col = cols[j] as unknown[];
        if (!Array.isArray(col)) return;
        for (let i = 0; i < n; i++) col[i] = mapText(col[i], f, f.shape?.length ?? 0, toText);
      });
    },
    source: codec.source,
  };
}
