/**
 * The shape of every printed summary: `<name key=value … items>`, with Python's
 * spelling of the values (`'B'`, `(2, 3)`, `False`), and the first few items of an
 * n-dimensional view as nested lists, elided with `...`, read through a callback so
 * that nothing outside the object's own items is ever touched.
 */
import { pythonStrRepr } from "../py-types.js";

/** Items shown along the last dimension, and rows along each outer one. */
const ROW = 8;
const ROWS = 4;
/** Items read at most, whatever the number of dimensions. */
const TOTAL = 32;
/** Characters one item may take before it is cut (a long `s` field). */
const ITEM_WIDTH = 48;

/**
 * A value of a summary's `key=value` part, as Python spells it: strings quoted,
 * arrays as tuples, booleans as `True`/`False`.
 *
 * @example
 * pyValue([2, 3]); // "(2, 3)"
 * pyValue("<h"); // "'<h'"
 */
export function pyValue(value: string | number | boolean | readonly number[] | null): string {
  if (value === null) return "None";
  if (typeof value === "string") return pythonStrRepr(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  if (!Array.isArray(value)) return String(value);
  return value.length === 1 ? `(${value[0]},)` : `(${value.join(", ")})`;
}

/**
 * `<name key=value … body>`: the parts whose value is `undefined` are left out.
 *
 * @example
 * summary("memory", { format: "B", shape: [3] }, "[1, 2, 3]");
 * // "<memory format='B' shape=(3,) [1, 2, 3]>"
 */
export function summary(
  name: string,
  parts: Readonly<Record<string, string | number | boolean | readonly number[] | null | undefined>>,
  body?: string,
): string {
  let out = `<${name}`;
  for (const [key, value] of Object.entries(parts)) {
    if (value !== undefined) out += ` ${key}=${pyValue(value)}`;
  }
  return `${out}${body === undefined || body === "" ? "" : ` ${body}`}>`;
}

function cut(text: string): string {
  return text.length <= ITEM_WIDTH ? text : `${text.slice(0, ITEM_WIDTH - 3)}...`;
}

/**
 * The first items of an array of `shape` as nested lists (a 0-d array: its one item),
 * `...` where items are left out: at most 8 along the last dimension, 4 rows along
 * each other one, 32 in all. `read` gets each shown index and gives the item's text.
 *
 * @example
 * elidedItems([2, 20], ([i, j]) => String(i * 20 + j));
 * // "[[0, 1, 2, 3, 4, 5, 6, 7, ...], [20, 21, 22, 23, 24, 25, 26, 27, ...]]"
 */
export function elidedItems(
  shape: readonly number[],
  read: (index: readonly number[]) => string,
): string {
  if (shape.length === 0) return cut(read([]));
  const index: number[] = new Array(shape.length).fill(0);
  let budget = TOTAL;
  const last = shape.length - 1;
  const walk = (d: number): string => {
    const n = shape[d] as number;
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      if (budget <= 0 || i >= (d === last ? ROW : ROWS)) {
        parts.push("...");
        break;
      }
      index[d] = i;
      if (d === last) {
        budget--;
        parts.push(cut(read(index.slice())));
      } else parts.push(walk(d + 1));
    }
    return `[${parts.join(", ")}]`;
  };
  return walk(0);
}
