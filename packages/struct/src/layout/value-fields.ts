/**
 * Which field of a layout each value `unpack` gives comes from: a field with a
 * sub-array shape, or a string code (`s p u w t`), gives one value; any other field as
 * many as its count (`3h` is three values). Padding gives none.
 */
import { STRING_CODES } from "../grammar/string-codes.js";
import type { Field, Layout } from "../types.js";

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
    const n = f.shape !== null || STRING_CODES.includes(f.code) ? 1 : f.count;
    for (let i = 0; i < n; i++) out.push(f);
  }
  return out;
}
