/**
 * The options argument every entry point takes: absent, or a plain object. Anything else
 * (null, a number, a string) is a `TypeError` naming the caller, never a crash deeper in.
 */
import { pythonTypeName } from "@pybuffer/core";

/**
 * `options` itself when it is an object, `{}` when it is `undefined`, else `TypeError`.
 *
 * @example
 * ```ts
 * checkOptions(undefined, "fromTypedArray"); // {}
 * checkOptions(null, "fromTypedArray"); // TypeError: fromTypedArray: options must be an object, not 'NoneType'
 * ```
 */
export function checkOptions<T extends object>(options: T | undefined, what: string): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${what}: options must be an object, not '${pythonTypeName(options)}'`);
  }
  return options;
}
