/**
 * `--slice` text to a memoryview key: `1:3`, `::-1`, `2`, or one part per dimension
 * separated by commas (`1:3,::2`), as Python's `m[1:3, ::2]` writes it.
 */
import { type Key, Slice } from "@pybuffer/memoryview";
import { usageError } from "./usage-error.js";

function bound(text: string, command: string): number | null {
  if (text.trim() === "") return null;
  if (!/^\s*[+-]?\d+\s*$/.test(text)) throw usageError(command, `bad --slice index '${text}'`);
  return Number(text);
}

/**
 * The key `m.get(key)` takes for Python's `m[text]`.
 *
 * @example
 * ```ts
 * sliceKey("1:3,::2", "view"); // [new Slice(1, 3, null), new Slice(null, null, 2)]
 * ```
 */
export function sliceKey(text: string, command: string): Key {
  const parts = text.split(",").map((part): number | Slice => {
    const pieces = part.split(":");
    if (pieces.length === 1) {
      const index = bound(part, command);
      if (index === null) throw usageError(command, `bad --slice '${text}'`);
      return index;
    }
    if (pieces.length > 3) throw usageError(command, `bad --slice '${text}'`);
    const [start = "", stop = "", step = ""] = pieces;
    return new Slice(bound(start, command), bound(stop, command), bound(step, command));
  });
  return parts.length === 1 ? parts[0]! : parts;
}
