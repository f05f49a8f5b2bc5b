/**
 * Python 2.7's string hash (`string_hash` in Objects/stringobject.c), which the buffer
 * object uses for `hash(buffer)`: with hash randomisation off (2.7's default, and
 * `PYTHONHASHSEED=0`) the secret prefix and suffix are 0, so the value is a pure
 * function of the bytes:
 *
 *     x = byte[0] << 7;  for each byte: x = (1000003 * x) ^ byte;  x ^= len
 *
 * in wrapping 64-bit signed arithmetic (`long` on LP64), with -1 replaced by -2 (CPython
 * reserves -1 for errors) and the empty string hashing to 0.
 *
 * The loop runs on two 32-bit halves so it allocates nothing per byte; only the
 * result becomes a bigint.
 */
import { pythonTypeName } from "@pybuffer/core";

const MULTIPLIER = 1000003;
const TWO_32 = 0x1_0000_0000;

/**
 * `hash(str)` of Python 2.7 (LP64, no randomisation) as a signed 64-bit bigint.
 *
 * @example
 * stringHash(new Uint8Array([0x61])); // 12416037344n, as hash('a') in Python 2.7
 * stringHash(new Uint8Array(0)); // 0n
 */
export function stringHash(bytes: Uint8Array): bigint {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(
      `stringHash() argument must be a Uint8Array, not '${pythonTypeName(bytes)}'`,
    );
  }
  const len = bytes.length;
  if (len === 0) return 0n;
  const first = bytes[0] as number;
  // x = first << 7 fits in the low half.
  let lo = (first << 7) >>> 0;
  let hi = 0;
  for (let i = 0; i < len; i++) {
    // (hi:lo) * 1000003 mod 2^64: the low product is below 2^52, so it is exact.
    const low = lo * MULTIPLIER;
    const carry = Math.floor(low / TWO_32);
    lo = (low - carry * TWO_32) >>> 0;
    hi = (Math.imul(hi, MULTIPLIER) + carry) >>> 0;
    lo = (lo ^ (bytes[i] as number)) >>> 0;
  }
  // x ^= len (len < 2^53: split it into halves too).
  lo = (lo ^ (len % TWO_32)) >>> 0;
  hi = (hi ^ Math.floor(len / TWO_32)) >>> 0;
  const x = BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
  return x === -1n ? -2n : x;
}
