/** Shared pieces of the fuzz suites (core's and memoryview's `fuzz.property.test.ts`). */
import { pythonErrorName } from "@pybuffer/struct";
import { getPointer } from "../../src/pointer.js";
import type { BufferView } from "../../src/view.js";
import { indices } from "./layouts.js";

/** V8's own TypeErrors (a detached or shrunk buffer reaching a typed-array call): bugs. */
const V8_MESSAGE =
  /Cannot perform|detached ArrayBuffer|Cannot read prop|is not a function|Invalid typed array/;

/**
 * `{ ok: value }` (bytes as an array) or `{ error, message }` for a family error; any other
 * error, V8's own TypeErrors included, is rethrown so the property fails.
 */
export function familyOutcome(fn: () => unknown): unknown {
  try {
    const value = fn();
    return value instanceof Uint8Array ? { ok: Array.from(value) } : { ok: value };
  } catch (error) {
    const name = pythonErrorName(error);
    if (name === undefined || (name === "TypeError" && V8_MESSAGE.test((error as Error).message))) {
      throw error;
    }
    return { error: name, message: (error as Error).message };
  }
}

/** Every byte offset of every item of `view`, whose shape is `shape`. */
export function itemBytes(
  view: BufferView,
  shape: readonly number[],
  itemsize: number,
): Set<number> {
  const items = new Set<number>();
  for (const index of indices(shape, "C")) {
    const p = getPointer(view, index);
    for (let b = 0; b < itemsize; b++) items.add(p + b);
  }
  return items;
}
