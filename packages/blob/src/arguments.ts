/**
 * Argument checks shared by the Blob entry points: what counts as a Blob, and the
 * options object (absent or an object; anything else is a `TypeError` naming the caller).
 */
import { pythonTypeName } from "@pybuffer/core";

/**
 * Whether `value` can be read as a Blob (a `Blob` or `File` from any realm).
 *
 * @example
 * ```ts
 * isBlob(new File(["x"], "x.txt")); // true
 * isBlob(new Uint8Array(1)); // false
 * ```
 */
export function isBlob(value: unknown): value is Blob {
  if (typeof value !== "object" || value === null) return false;
  const blob = value as Partial<Blob>;
  return (
    typeof blob.size === "number" &&
    typeof blob.arrayBuffer === "function" &&
    typeof blob.stream === "function" &&
    typeof blob.slice === "function"
  );
}

/**
 * The TypeError for a value that is not a Blob, naming the caller.
 *
 * @example
 * ```ts
 * throw notBlob("fromBlob", new Uint8Array(1)); // fromBlob: expected a Blob or File, not 'Uint8Array'
 * ```
 */
export function notBlob(what: string, value: unknown): TypeError {
  const kind =
    value === null
      ? "null"
      : typeof value === "object"
        ? Object.prototype.toString.call(value).slice(8, -1)
        : typeof value;
  return new TypeError(`${what}: expected a Blob or File, not '${kind}'`);
}

/**
 * `options` itself when it is an object, `{}` when it is `undefined`, else `TypeError`.
 *
 * @example
 * ```ts
 * checkOptions(null, "toBlob"); // TypeError: toBlob: options must be an object, not 'NoneType'
 * ```
 */
export function checkOptions<T extends object>(options: T | undefined, what: string): T {
  if (options === undefined) return {} as T;
  if (typeof options === "object" && options !== null) return options;
  throw new TypeError(`${what}: options must be an object, not '${pythonTypeName(options)}'`);
}
