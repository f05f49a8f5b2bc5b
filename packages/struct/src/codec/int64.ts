/**
 * 8-byte integers as exact `number`s (the `int64: "number"` option): read as two
 * 32-bit halves, `OverflowError` outside the safe-integer range.
 */
import { OverflowError } from "../errors.js";
import type { Emitter } from "./emit.js";
import * as K from "./kinds.js";
import type { Int64Number, Op } from "./ops.js";

function tooBig(code: string): OverflowError {
  return new OverflowError(
    `'${code}' value does not fit in an exact number (|value| > 2**53 - 1); use int64: "bigint"`,
  );
}

/**
 * A signed 8-byte integer at `off` as a number.
 *
 * @example
 * readInt64Number(new DataView(new ArrayBuffer(8)), 0, true, "q"); // 0
 */
export function readInt64Number(dv: DataView, off: number, le: boolean, code: string): number {
  const lo = dv.getUint32(le ? off : off + 4, le);
  const hi = dv.getInt32(le ? off + 4 : off, le);
  if (hi > 0x1fffff || hi < -0x200000 || (hi === -0x200000 && lo === 0)) throw tooBig(code);
  return hi * 4294967296 + lo;
}

/**
 * An unsigned 8-byte integer at `off` as a number.
 *
 * @example
 * readUint64Number(new DataView(new ArrayBuffer(8)), 0, true, "Q"); // 0
 */
export function readUint64Number(dv: DataView, off: number, le: boolean, code: string): number {
  const lo = dv.getUint32(le ? off : off + 4, le);
  const hi = dv.getUint32(le ? off + 4 : off, le);
  if (hi > 0x1fffff) throw tooBig(code);
  return hi * 4294967296 + lo;
}

/**
 * An exact-number read of an 8-byte integer in generated code: high half within
 * ±(2^21 - 1) is always safe and read inline; anything else goes to the op's checked
 * reader through `R` (bench unpack-qQ-safe 'Struct.iterUnpack, int64: "number"').
 */
function inline(e: Emitter, op: Op, base: string, off: number): string {
  const le = op.le ? "true" : "false";
  const [lo, hi] = op.le ? [off, off + 4] : [off + 4, off];
  const signed = op.kind === K.I64;
  const fallback = `R(${e.opRef(op)}, dv, ${base} + ${off})`;
  const high = `(h = dv.${signed ? "getInt32" : "getUint32"}(${base} + ${hi}, ${le}))`;
  const unsafe = signed ? `${high} > 2097151 || h < -2097151` : `${high} > 2097151`;
  return `(${unsafe} ? ${fallback} : h * 4294967296 + dv.getUint32(${base} + ${lo}, ${le}))`;
}

/** The `int64: "number"` option as `Struct` hands it to the codec. */
export const INT64_NUMBER: Int64Number = { read: [readInt64Number, readUint64Number], inline };
