/**
 * Items of the formats CPython's memoryview refuses (`<i`, `>d`, `2h`, `T{...}`, `Zd`),
 * read and written through @pybuffer/struct, as CPython's comparison does with its
 * cached "struct unpacker". A bad value raises memoryview's own `invalid type` /
 * `invalid value` errors, and a failed pack leaves the item untouched.
 */
import type { Abi } from "@pybuffer/core";
import { OverflowError, parseFormat, Struct, StructError } from "@pybuffer/struct";
import { checkBytes, invalidType, invalidValue, unsupportedFormat } from "./guards.js";
import type { ItemCodec } from "./item-codec.js";

/**
 * A struct error from packing one item, as memoryview reports a bad item:
 * `TypeError('memoryview: invalid type for format …')` for a value of the wrong kind,
 * `ValueError('memoryview: invalid value for format …')` for one out of range.
 */
function packError(error: unknown, format: string): Error {
  if (error instanceof TypeError) return invalidType(format);
  const message = error instanceof Error ? error.message : "";
  if (
    error instanceof StructError &&
    /required argument is not|must be a bytes|argument for/.test(message)
  ) {
    return invalidType(format);
  }
  if (error instanceof StructError || error instanceof OverflowError) return invalidValue(format);
  return error instanceof Error ? error : new TypeError(String(error));
}

/**
 * The single characters CPython's struct module accepts: 3.13's, and 3.14's complex
 * `F` and `D` (our struct has them), so that `==` on `F`/`D` views compares values as
 * in 3.14 while their items stay unsupported, as there.
 */
const STRUCT_CODES = "xcbB?hHiIlLqQnNefdFDspP";

/** Struct-backed codecs by ABI and format (bounded like CPython's struct cache). */
const STRUCT_CACHE = new Map<string, ItemCodec | Error>();
const STRUCT_CACHE_MAX = 100;

/**
 * A codec that unpacks items with @pybuffer/struct (CPython's "struct unpacker"), or
 * the `NotImplementedError` memoryview raises when struct cannot lay `format` out in
 * exactly `itemsize` bytes.
 *
 * @example
 * structCodec(">d", 8, "lp64"); // reads big-endian doubles
 */
export function structCodec(format: string, itemsize: number, abi: Abi): ItemCodec | Error {
  if (format.replace(/^@/, "").length === 1 && !STRUCT_CODES.includes(format.slice(-1))) {
    // A single character CPython's struct module does not know (`w`, `u`, `g`, `O`, …).
    return unsupportedFormat(format);
  }
  const key = `${abi}:${itemsize}:${format}`;
  const cached = STRUCT_CACHE.get(key);
  if (cached !== undefined) return cached;
  let result: ItemCodec | Error;
  try {
    const struct = new Struct(format, { abi });
    const values = parseFormat(format, { abi }).length;
    const scratch = new Uint8Array(Math.max(itemsize, 1));
    if (struct.size !== itemsize) throw unsupportedFormat(format);
    // A format with a layout but no values struct can give (`g`, `O`, `&`) fails here.
    struct.unpackFrom(scratch, 0);
    result = {
      code: "",
      read: (dv, o) => {
        const out = struct.unpackFrom(dv.buffer, o) as unknown[];
        return values === 1 ? out[0] : out;
      },
      write: (dv, o, v) => {
        const args = values === 1 ? [v] : Array.isArray(v) && v.length === values ? v : null;
        if (args === null) throw invalidType(format);
        // Pack into scratch first: a failed pack must leave the item untouched.
        try {
          struct.packInto(scratch, 0, ...args);
        } catch (error) {
          throw packError(error, format);
        }
        // Packing converts the value; the memory is checked again after it.
        checkBytes(dv.buffer, o, o + itemsize);
        new Uint8Array(dv.buffer, o, itemsize).set(scratch.subarray(0, itemsize));
      },
    };
  } catch {
    result = unsupportedFormat(format);
  }
  if (STRUCT_CACHE.size >= STRUCT_CACHE_MAX) STRUCT_CACHE.clear();
  STRUCT_CACHE.set(key, result);
  return result;
}
