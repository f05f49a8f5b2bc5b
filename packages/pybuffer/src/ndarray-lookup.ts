/**
 * scijs `ndarray` and `@stdlib/ndarray` arrays wherever the umbrella takes an exporter,
 * as JavaScript's binary types are (`as-exporter.ts`): recognised by shape at the call
 * (`@pybuffer/ndarray`'s `isNdarray`), wrapped by `fromNdarray`, zero-copy. Neither
 * library is imported. Arrays over plain Arrays are recognised and refused there with the
 * reason (`TypeError`), rather than passed on as unknown objects.
 */
import { fromNdarray, isNdarray } from "@pybuffer/ndarray";

export { isNdarray };

/**
 * `value` as an exporter when it is an array of either library, else `value` unchanged.
 *
 * @example
 * ```ts
 * getBuffer(ndarrayOr(ndarray(new Int16Array(4))), PyBUF_FULL_RO).format; // "h"
 * ndarrayOr("text"); // "text"
 * ```
 */
export function ndarrayOr(value: unknown): unknown {
  return isNdarray(value) ? fromNdarray(value) : value;
}
