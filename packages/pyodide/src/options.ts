/** The options argument every entry point takes: an object, or left out. */
import { pythonTypeName } from "@pybuffer/core";

const NO_OPTIONS = Object.freeze({});

/**
 * `options` as given, `{}` when left out; `TypeError` for anything but an object.
 *
 * @example
 * const { copy } = checkOptions<ToPyodideOptions>(options, "toPyodide");
 */
export function checkOptions<T extends object>(options: T | undefined, what: string): T {
  if (options === undefined) return NO_OPTIONS as T;
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${what}: options must be an object, not '${pythonTypeName(options)}'`);
  }
  return options;
}
