/**
 * The options argument every entry point takes: absent, or a plain object. Anything else
 * (null, a number, a string) is a `TypeError` naming the caller, never a crash deeper in.
 */
import { type Abi, pythonTypeName } from "@pybuffer/core";
import { calcSize } from "@pybuffer/struct";
import type { LayoutOptions } from "./layout.js";

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

let lastFormat = "";
let lastAbi: Abi | undefined;
let lastSize = 0;

/**
 * The item size of `format` (native sizes of `options.abi`, LP64 by default), for options
 * that give a format (callers test for none first: the common wrap then makes no call and
 * stays small enough for engines to inline whole). The last answer is kept: a wrap per
 * request asks the same every time, and parsing it again cost
 * toTypedArray(fromTypedArray(b, { format })) ~10% (bench cast).
 *
 * @example
 * ```ts
 * itemSizeOf({ format: "<IH" }, "<IH"); // 6
 * ```
 */
export function itemSizeOf(options: LayoutOptions, format: string): number {
  const abi = options.abi;
  if (format === lastFormat && abi === lastAbi && typeof format === "string") return lastSize;
  const size = calcSize(format, { abi: abi ?? "lp64" });
  if (typeof format === "string") {
    lastFormat = format;
    lastAbi = abi;
    lastSize = size;
  }
  return size;
}
