/**
 * Which field of a layout each value `unpack` gives comes from: a field with a
 * sub-array shape, or a string code (`s p u w`), gives one value; any other field as
 * many as its count (`3h` is three values). Padding gives none.
 */
import type { Field, Layout } from "../types.js";

const ONE_VALUE_CODES = new Set(["s", "p", "u", "w"]);

/**
 * The top-level field of each value `unpack` gives, in order.
 *
 * @example
 * valueFields(parseFormat("<2hx3s")).map((f) => f.code); // ["h", "h", "s"]
 */
export function valueFields(layout: Layout): Field[] {
  const out: Field[] = [];
  for (const f of layout.fields) {
    if (f.code === "x") continue;
    const n = f.shape !== null || ONE_VALUE_CODES.has(f.code) ? 1 : f.count;
    for (let i = 0; i < n; i++) out.push(f);
  }
  return out;
}
