/**
 * Python's repr of what `unpack(format, …)` gives for one item: a lone value as
 * itself (`1`, `2.0`, `b'ab'`), several as a tuple (`(1, 2.0)`). The layout says which
 * numbers are floats and how records and sub-arrays nest: a named `T{}` record as a
 * dict, an unnamed one as a tuple, a sub-array as nested lists.
 */
import { valueFields } from "../layout/value-fields.js";
import type { Field, Layout } from "../types.js";
import { leafRepr } from "./py-repr.js";

const FLOAT_CODES = new Set(["e", "f", "d"]);

function tuple(parts: readonly string[]): string {
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
}

/** A value of `field` with `dims` sub-array dimensions left. */
function memberRepr(value: unknown, field: Field, dims: number): string {
  if (dims > 0 && Array.isArray(value)) {
    return `[${value.map((v) => memberRepr(v, field, dims - 1)).join(", ")}]`;
  }
  if (field.code === "T" && field.fields !== null) return recordRepr(value, field.fields);
  return leafRepr(value, FLOAT_CODES.has(field.code));
}

/** A `T{}` record: a dict when its members are named (as unpack gives), else a tuple. */
function recordRepr(value: unknown, layout: Layout): string {
  const members = layout.fields.filter((f) => f.code !== "x");
  if (Array.isArray(value)) {
    return tuple(value.map((v, i) => fieldRepr(v, members[i])));
  }
  if (typeof value !== "object" || value === null) return leafRepr(value, false);
  const record = value as Record<string, unknown>;
  const entries = members.map((f) => {
    const name = f.name ?? "";
    return `${leafRepr(name, false)}: ${fieldRepr(record[name], f)}`;
  });
  return `{${entries.join(", ")}}`;
}

function fieldRepr(value: unknown, field: Field | undefined): string {
  if (field === undefined) return leafRepr(value, false);
  return memberRepr(value, field, field.shape?.length ?? 0);
}

/**
 * Python's repr of one unpacked item of `layout` (`values` as `unpack` returns them).
 *
 * @example
 * itemRepr([1, 2], parseFormat("<hd")); // "(1, 2.0)"
 * itemRepr([3], parseFormat("B")); // "3"
 */
export function itemRepr(values: readonly unknown[], layout: Layout): string {
  const fields = valueFields(layout);
  const parts = values.map((v, i) => fieldRepr(v, fields[i]));
  return parts.length === 1 ? (parts[0] as string) : tuple(parts);
}
