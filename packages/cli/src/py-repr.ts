/**
 * Python's `repr()` of the values `struct.unpack` gives, so `pybuf` prints what CPython
 * prints: floats in `float.__repr__`'s shortest round-trip form (`1.0`, `1e-05`, `1e+16`),
 * bytes as `b'...'` literals, bools as `True`/`False`, records as tuples; and the same
 * values as JSON (as Python's `json.dumps` writes them) for `--output jsonl`.
 */
import { pythonStrRepr } from "@pybuffer/struct";
import { bytesRepr, complexRepr, floatRepr, leafRepr } from "@pybuffer/struct/print";
import { elementInfo, type ValueInfo } from "./values.js";

// Python's repr of floats, bytes and complex numbers is shared with every printed summary.
export { bytesRepr, complexRepr, floatRepr };

/**
 * Python's `repr()` of one unpacked value: sub-arrays as lists, named records as dicts.
 *
 * @example
 * ```ts
 * reprOf(2, { name: "x", kind: "float", members: null }); // "2.0"
 * ```
 */
export function reprOf(value: unknown, info: ValueInfo): string {
  if (Array.isArray(value)) {
    if ((info.dims ?? 0) > 0) {
      const item = elementInfo(info);
      return `[${value.map((v) => reprOf(v, item)).join(", ")}]`;
    }
    if (info.members !== null) return tupleRepr(value, info.members);
    return `[${value.map((v) => reprOf(v, info)).join(", ")}]`;
  }
  if (info.members !== null && typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    const items = entries.map(
      ([k, v], i) => `${pythonStrRepr(k)}: ${reprOf(v, info.members![i]!)}`,
    );
    return `{${items.join(", ")}}`;
  }
  return leafRepr(value, info.kind === "float");
}

/**
 * Python's `str()` of one value (what `csv.writer` writes): `repr` except for text.
 *
 * @example
 * ```ts
 * strOf("ab", { name: "s", kind: "str", members: null }); // "ab"
 * ```
 */
export function strOf(value: unknown, info: ValueInfo): string {
  return typeof value === "string" ? value : reprOf(value, info);
}

/**
 * `repr(tuple)` of a record: `(1,)` for one item, `(1, 2.0)` otherwise.
 *
 * @example
 * ```ts
 * tupleRepr([1, 2], valuesOf(parseFormat("<hd"))); // "(1, 2.0)"
 * ```
 */
export function tupleRepr(values: readonly unknown[], infos: readonly ValueInfo[]): string {
  const items = values.map((v, i) => reprOf(v, infos[i] ?? OTHER));
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}

const OTHER: ValueInfo = { name: "", kind: "other", members: null };

/** JSON text of a string, ASCII only, as Python's `json.dumps` writes it. */
function jsonString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function latin1(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 4096) {
    text += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return text;
}

function jsonFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  return floatRepr(x);
}

/**
 * One value as JSON, as Python's `json.dumps` writes it (`1.0`, `NaN`, big integers
 * exact); bytes become a string of their Latin-1 characters, complex numbers
 * `{"re": …, "im": …}`, records objects.
 *
 * @example
 * ```ts
 * jsonOf(new Uint8Array([82, 73]), { name: "id", kind: "bytes", members: null }); // '"RI"'
 * ```
 */
export function jsonOf(value: unknown, info: ValueInfo): string {
  if (Array.isArray(value)) {
    const item = (info.dims ?? 0) > 0 ? elementInfo(info) : null;
    const items = value.map((v, i) => jsonOf(v, item ?? info.members?.[i] ?? info));
    return `[${items.join(", ")}]`;
  }
  if (value instanceof Uint8Array) return jsonString(latin1(value));
  if (typeof value === "number") return info.kind === "float" ? jsonFloat(value) : String(value);
  if (typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return jsonString(value);
  if (typeof value === "object" && value !== null) {
    if (info.kind === "complex") {
      const z = value as { re: number; im: number };
      return `{"re": ${jsonFloat(z.re)}, "im": ${jsonFloat(z.im)}}`;
    }
    const entries = Object.entries(value);
    const items = entries.map(
      ([k, v], i) => `${jsonString(k)}: ${jsonOf(v, info.members?.[i] ?? OTHER)}`,
    );
    return `{${items.join(", ")}}`;
  }
  return "null";
}
