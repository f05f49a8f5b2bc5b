/**
 * IEEE 754 binary16 (`e`), as CPython's `PyFloat_Pack2` / `PyFloat_Unpack2`:
 * rounding half to even straight from the double, `OverflowError` past the
 * largest finite half. A NaN keeps its sign and nothing else, as in 3.13 (the version
 * this package follows): it packs as the quiet NaN `0x7e00` or `0xfe00` and unpacks to
 * the quiet double NaN of its sign (3.14 also carries the payload and the signalling
 * bit across).
 */
import { OverflowError } from "../errors.js";

const SCRATCH = new DataView(new ArrayBuffer(8));

/** Whether a NaN has its sign bit set (only its bits can tell). */
function signBit(x: number): boolean {
  SCRATCH.setFloat64(0, x);
  return SCRATCH.getUint8(0) >= 0x80;
}

/** The quiet NaN with the sign bit set (CPython's `-fabs(Py_NAN)`). */
const NEG_NAN: number = (() => {
  SCRATCH.setUint32(0, 0xfff80000);
  SCRATCH.setUint32(4, 0);
  return SCRATCH.getFloat64(0);
})();

function roundHalfEven(y: number): number {
  const f = Math.floor(y);
  const d = y - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * The binary16 bits of a number.
 *
 * @example
 * float16Bits(65504); // 0x7bff
 */
export function float16Bits(x: number): number {
  const sign = x < 0 || Object.is(x, -0) || (Number.isNaN(x) && signBit(x)) ? 0x8000 : 0;
  if (Number.isNaN(x)) return sign | 0x7e00;
  const a = Math.abs(x);
  if (a === Number.POSITIVE_INFINITY) return sign | 0x7c00;
  if (a >= 65520) throw new OverflowError("float too large to pack with e format");
  if (a < 2 ** -14) {
    // Subnormal (or rounds up into the smallest normal: bits 0x0400 either way).
    return sign | roundHalfEven(a * 2 ** 24);
  }
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  let m = roundHalfEven((a / 2 ** e - 1) * 1024);
  if (m === 1024) {
    m = 0;
    e++;
  }
  return sign | ((e + 15) << 10) | m;
}

/**
 * The number that binary16 bits stand for.
 *
 * @example
 * float16Value(0x3c00); // 1
 */
export function float16Value(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const e = (bits >> 10) & 0x1f;
  const m = bits & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m === 0 ? sign * Number.POSITIVE_INFINITY : sign < 0 ? NEG_NAN : Number.NaN;
  return sign * (1024 + m) * 2 ** (e - 25);
}
