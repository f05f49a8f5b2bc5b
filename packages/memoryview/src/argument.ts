/**
 * Arguments read once: `count(x)`, `index(x)` and `set(i, x)` compare with or pack a
 * value that may be an object with getters (a record, a complex `{re, im}`). Its
 * properties are read once, into plain data, before any byte of the view is touched,
 * so a getter runs once per call and whatever it does to the memory (detach, shrink)
 * is seen by the checks that follow.
 */

/** Objects nest no deeper than this in an item value (records nest far less). */
const MAX_DEPTH = 64;

/** Stands for a cycle or a nesting too deep: equal to no item, packable as none. */
const UNREADABLE: unique symbol = Symbol("unreadable argument");

/**
 * `value` as plain data: primitives and byte arrays as they are, arrays element by
 * element, other objects as their own enumerable properties plus `re` and `im` where
 * they are defined (a complex value may keep them on its prototype), each read once.
 *
 * @example
 * let reads = 0;
 * plainValue({ get re() { reads++; return 1; }, im: 2 }); // { re: 1, im: 2 }, reads === 1
 */
export function plainValue(value: unknown): unknown {
  return plain(value, 0, new Set());
}

function plain(value: unknown, depth: number, open: Set<object>): unknown {
  if (typeof value !== "object" || value === null || value instanceof Uint8Array) return value;
  if (depth >= MAX_DEPTH || open.has(value)) return UNREADABLE;
  open.add(value);
  try {
    if (Array.isArray(value)) {
      const n = value.length;
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = plain(value[i], depth + 1, open);
      return out;
    }
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(source)) out[key] = plain(source[key], depth + 1, open);
    for (const key of ["re", "im"]) {
      if (!Object.hasOwn(out, key) && key in source) out[key] = plain(source[key], depth + 1, open);
    }
    return out;
  } finally {
    open.delete(value);
  }
}
