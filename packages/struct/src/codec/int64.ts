/**
 * 8-byte integers as exact `number`s (the `int64: "number"` option): read as two
 * 32-bit halves, `OverflowError` outside the safe-integer range.
 */
import { OverflowError } from "../errors.js";
import type { Int64Readers } from "./ops.js";

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

/** The readers `Struct` hands to the codec under `int64: "number"` (signed, unsigned). */
export const INT64_NUMBER: Int64Readers = [readInt64Number, readUint64Number];
