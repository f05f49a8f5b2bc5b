/**
 * The keys of a record's values: its `:name:`s, and for an unnamed field the first
 * `f0`, `f1`, … that no field of the record is named, as NumPy's
 * `_dtype_from_pep3118` names them (`T{i:f1:i}` is `{ f1, f0 }`), so an automatic
 * name never takes an explicit one's place and no value is lost.
 */
import type { Layout } from "../types.js";

/**
 * The key under which `unpack` gives each value field (padding `x` excluded) of a
 * record's layout, in order.
 *
 * @example
 * recordKeys(parseFormat("T{i:f1:i}").fields[0]!.fields!); // ["f1", "f0"]
 */
export function recordKeys(layout: Layout): string[] {
  const { fields } = layout;
  // Named padding reserves its name too, as in NumPy.
  const taken = new Set<string>();
  for (const f of fields) if (f.name !== null) taken.add(f.name);
  const keys: string[] = [];
  // The names only grow, so the first free index never moves back.
  let next = 0;
  for (const f of fields) {
    if (f.code === "x") continue;
    let key = f.name;
    if (key === null) {
      while (taken.has(`f${next}`)) next++;
      key = `f${next}`;
      taken.add(key);
    }
    keys.push(key);
  }
  return keys;
}
