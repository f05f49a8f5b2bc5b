/**
 * Pack-side conversions of JavaScript values, with CPython's messages:
 * `get_pylong` / range checks for integers, `PyFloat_AsDouble` for floats, the
 * bytes checks of `c`, `s`, `p`, and the extensions (complex, `u`/`w` strings).
 */
import { checkAttached } from "../buffer-arg.js";
import { OverflowError, StructError } from "../errors.js";
import type { Complex } from "../types.js";
import type { Op } from "./ops.js";

function notInteger(): StructError {
  return new StructError("required argument is not an integer");
}

function rangeError(op: Op): StructError {
  if (op.code === "P") return new StructError("int too large to convert");
  return new StructError(`'${op.code}' format requires ${op.lo} <= number <= ${op.hi}`);
}

/** An integer argument (`get_pylong`: ints, and bools as 0 and 1), range-checked. */
function intArg(op: Op, v: unknown): number | bigint {
  const n = typeof v === "boolean" ? Number(v) : v;
  if (typeof n !== "bigint" && !Number.isInteger(n)) throw notInteger();
  // Number and bigint compare exactly, either way round.
  if ((n as number) < op.lo || (n as number) > op.hi) throw rangeError(op);
  return n as number | bigint;
}

/**
 * An integer argument of a code of at most 4 bytes, range-checked.
 *
 * @example
 * smallInt(op, 5n); // 5
 */
export function smallInt(op: Op, v: unknown): number {
  return Number(intArg(op, v));
}

/**
 * An integer argument of an 8-byte code (or `P`), range-checked, as a bigint.
 *
 * @example
 * bigInt(op, 1); // 1n
 */
export function bigInt(op: Op, v: unknown): bigint {
  return BigInt(intArg(op, v));
}

/**
 * A float argument (`PyFloat_AsDouble`): numbers, bigints that fit a double, booleans.
 *
 * @example
 * toFloat(2n); // 2
 */
export function toFloat(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "bigint") {
    const d = Number(v);
    if (Number.isFinite(d)) return d;
  }
  throw new StructError("required argument is not a float");
}

/**
 * A standard-size `f` value: `OverflowError` when rounding to binary32 overflows.
 *
 * @example
 * toFloat32Std(1.5); // 1.5
 */
export function toFloat32Std(x: number): number {
  const y = Math.fround(x);
  if (!Number.isFinite(y) && Number.isFinite(x)) {
    throw new OverflowError("float too large to pack with f format");
  }
  return y;
}

/**
 * A complex argument: `{re, im}`, or a real number (imaginary part 0).
 *
 * @example
 * toComplex(2); // { re: 2, im: 0 }
 */
export function toComplex(v: unknown): Complex {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const { re, im } = v as Partial<Complex>;
    if (typeof re === "number" && typeof im === "number") return { re, im };
  } else if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") {
    try {
      return { re: toFloat(v), im: 0 };
    } catch {
      // fall through to the complex message
    }
  }
  throw new StructError("required argument is not a complex");
}

/**
 * The bytes of a `c` argument: a Uint8Array of length 1.
 *
 * @example
 * toChar(new Uint8Array([65])); // 65
 */
export function toChar(v: unknown): number {
  if (v instanceof Uint8Array && v.length === 1) return v[0]!;
  if (v instanceof Uint8Array) checkAttached(v);
  throw new StructError("char format requires a bytes object of length 1");
}

/**
 * The bytes of an `s` / `p` argument: any Uint8Array (Python: bytes or bytearray).
 *
 * @example
 * toBytes(new Uint8Array(2), "s").length; // 2
 */
export function toBytes(v: unknown, code: string): Uint8Array {
  if (v instanceof Uint8Array) {
    checkAttached(v);
    return v;
  }
  const error = new StructError(`argument for '${code}' must be a bytes object`);
  // CPython's message, and a note (PEP 678's __notes__) for text passed where bytes go.
  if (typeof v === "string") error.addNote(TEXT_NOTE);
  throw error;
}

/** The note on the error for a string given to `s` or `p`. */
export const TEXT_NOTE: string =
  "to pack text, encode it first (new TextEncoder().encode(text) gives UTF-8), or make " +
  'the Struct with { encoding: "utf-8" } to pack and unpack s and p fields as strings';

/**
 * The text of a `u` / `w` argument: a string.
 *
 * @example
 * toText("hi", "w"); // "hi"
 */
export function toText(v: unknown, code: string): string {
  if (typeof v === "string") return v;
  throw new StructError(`argument for '${code}' must be a str object`);
}
