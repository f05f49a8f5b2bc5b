/**
 * The printed form of a `parseFormat` layout: its format, size and alignment, and
 * where each field sits (`a: i at 0`), the first few fields only.
 */
import type { Field, Layout } from "../types.js";
import { pyValue } from "./summary.js";

/** Fields listed before the rest are elided. */
const FIELDS = 8;

function fieldText(f: Field): string {
  const name = f.name === null ? "" : `${f.name}: `;
  const shape = f.shape === null ? "" : `${pyValue(f.shape)}`;
  const count = f.shape === null && f.count !== 1 ? String(f.count) : "";
  const code = f.code === "T" && f.fields !== null ? `T{${f.fields.format}}` : f.code;
  return `${name}${shape}${count}${code} at ${f.offset}`;
}

/**
 * `Layout('<ih', size=8, alignment=4, fields=[i at 0, h at 4, x at 6])`.
 *
 * @example
 * layoutRepr(parseFormat("T{<i:a:h:b:}")); // "Layout('T{<i:a:h:b:}', size=6, …)"
 */
export function layoutRepr(layout: Layout): string {
  const shown = layout.fields.slice(0, FIELDS).map(fieldText);
  if (layout.fields.length > FIELDS) shown.push("...");
  return (
    `Layout(${pyValue(layout.format)}, size=${layout.size}, alignment=${layout.alignment}, ` +
    `fields=[${shown.join(", ")}])`
  );
}
