/**
 * The bytes an array's `data` lies in: its ArrayBuffer, byte offset and length in
 * elements, read through the platform's own TypedArray accessors (a subclass or own
 * property cannot make the data claim other bytes). stdlib's `BooleanArray`,
 * `Complex64Array` and `Complex128Array` are not TypedArrays; their bytes are taken by
 * making a TypedArray over the `buffer`, `byteOffset` and `length` they report, which
 * the platform bounds-checks, so a lying object gets an error, never other bytes.
 */
import { isDetached, isMemory, type Memory, pythonTypeName } from "@pybuffer/core";
import { BufferError } from "@pybuffer/struct";
import type { ElementType } from "./element-types.js";

/** The data's bytes, counted in elements of its type. */
export interface DataRegion {
  readonly memory: Memory;
  readonly byteOffset: number;
  /** Elements the data holds. */
  readonly length: number;
}

const TYPED_ARRAY = Object.getPrototypeOf(Int8Array.prototype) as object;
type Getter<T> = (this: unknown) => T;
const getter = <T>(name: string | symbol): Getter<T> =>
  Object.getOwnPropertyDescriptor(TYPED_ARRAY, name)?.get as Getter<T>;
const tagOf = getter<string | undefined>(Symbol.toStringTag);
const bufferOf = getter<ArrayBufferLike>("buffer");
const byteOffsetOf = getter<number>("byteOffset");
const lengthOf = getter<number>("length");

/**
 * The TypedArray class of `value` (`"Float64Array"`, a Node Buffer's `"Uint8Array"`), or
 * `undefined` when it is not a TypedArray.
 *
 * @example
 * ```ts
 * typedArrayKind(new Float32Array(1)); // "Float32Array"
 * typedArrayKind([1, 2]); // undefined
 * ```
 */
export function typedArrayKind(value: unknown): string | undefined {
  return tagOf.call(value);
}

/**
 * The class name stdlib's own arrays are told apart by (`constructor.name`: they set no
 * `Symbol.toStringTag`), or the value's type name.
 *
 * @example
 * ```ts
 * className(new Complex128Array(2)); // "Complex128Array"
 * ```
 */
export function className(value: unknown): string {
  const kind = typedArrayKind(value);
  if (kind !== undefined) return kind;
  if (typeof value === "object" && value !== null) {
    const ctor = (value as { constructor?: { name?: unknown } }).constructor;
    if (typeof ctor?.name === "string" && ctor.name !== "") return ctor.name;
  }
  return pythonTypeName(value);
}

type TypedArrayConstructor = new (
  buffer: ArrayBufferLike,
  byteOffset: number,
  length: number,
) => unknown;

const isIndex = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

function typedRegion(data: unknown, what: string): DataRegion {
  const memory = bufferOf.call(data) as Memory;
  if (isDetached(memory)) throw new BufferError(`${what}: the data's ArrayBuffer is detached`);
  return { memory, byteOffset: byteOffsetOf.call(data), length: lengthOf.call(data) };
}

/**
 * The region of `data`, which {@link className} found to hold elements of `type`: a
 * TypedArray's own, or that of the TypedArray of `type.typed` made over an stdlib array.
 *
 * @example
 * ```ts
 * dataRegion(new Float64Array(4), BY_TYPED_ARRAY.get("Float64Array"), "fromNdarray").length; // 4
 * ```
 */
export function dataRegion(data: unknown, type: ElementType, what: string): DataRegion {
  if (typedArrayKind(data) !== undefined) return typedRegion(data, what);
  const { buffer, byteOffset, length } = data as {
    buffer?: unknown;
    byteOffset?: unknown;
    length?: unknown;
  };
  if (!isMemory(buffer)) {
    throw new TypeError(
      `${what}: the data's buffer is '${pythonTypeName(buffer)}', not an ArrayBuffer`,
    );
  }
  if (isDetached(buffer)) throw new BufferError(`${what}: the data's ArrayBuffer is detached`);
  if (!isIndex(byteOffset) || !isIndex(length)) {
    throw new TypeError(`${what}: the data's byteOffset and length must be integers >= 0`);
  }
  const ctor = (globalThis as unknown as Record<string, TypedArrayConstructor>)[type.typed];
  let typed: unknown;
  try {
    typed = new (ctor as TypedArrayConstructor)(buffer, byteOffset, length * type.parts);
  } catch {
    throw new BufferError(
      `${what}: the data's ${length} elements at byte ${byteOffset} do not fit its ${buffer.byteLength}-byte buffer`,
    );
  }
  const region = typedRegion(typed, what);
  return {
    memory: region.memory,
    byteOffset: region.byteOffset,
    length: region.length / type.parts,
  };
}
