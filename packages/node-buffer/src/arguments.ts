/**
 * Argument checks shared by the Buffer entry points: what counts as bytes, and the
 * options object (absent or an object; anything else is a `TypeError` naming the caller).
 */
import { pythonTypeName } from "@pybuffer/core";

const TYPED_ARRAY = Object.getPrototypeOf(Uint8Array.prototype) as object;

function intrinsic<T>(name: string | symbol): (this: unknown) => T {
  return Object.getOwnPropertyDescriptor(TYPED_ARRAY, name)?.get as (this: unknown) => T;
}

/** The `%TypedArray%.prototype[Symbol.toStringTag]` getter (a Buffer reports `Uint8Array`). */
export const tagOf: (this: unknown) => string | undefined = intrinsic(Symbol.toStringTag);

/**
 * The platform's own `buffer`, `byteOffset` and `byteLength` getters of TypedArrays:
 * called on a Buffer, they give its real bytes whatever own properties or subclass
 * overrides claim.
 */
export const accessors: {
  readonly buffer: (this: unknown) => ArrayBufferLike;
  readonly byteOffset: (this: unknown) => number;
  readonly byteLength: (this: unknown) => number;
} = {
  buffer: intrinsic("buffer"),
  byteOffset: intrinsic("byteOffset"),
  byteLength: intrinsic("byteLength"),
};

/**
 * Whether `value` is a Node `Buffer` or any other `Uint8Array` (by the TypedArray tag,
 * which a `Buffer` reports as `Uint8Array`).
 *
 * @example
 * ```ts
 * isBytes(Buffer.from("ab")); // true
 * isBytes(new Uint16Array(1)); // false
 * ```
 */
export function isBytes(value: unknown): value is Uint8Array {
  return tagOf.call(value) === "Uint8Array";
}

/**
 * `options` itself when it is an object, `{}` when it is `undefined`, else `TypeError`.
 *
 * @example
 * ```ts
 * checkOptions(5, "toNodeBuffer"); // TypeError: toNodeBuffer: options must be an object, not 'int'
 * ```
 */
export function checkOptions<T extends object>(options: T | undefined, what: string): T {
  if (options === undefined) return {} as T;
  if (typeof options === "object" && options !== null) return options;
  throw new TypeError(`${what}: options must be an object, not '${pythonTypeName(options)}'`);
}
