/**
 * `hash(bytes)` as CPython 3.13 computes it on 64-bit builds: SipHash-1-3 over the
 * bytes (`Python/pyhash.c`, `Py_HASH_ALGORITHM` siphash13, no small-string cutoff),
 * keyed by the interpreter's hash secret, with `hash(b'') == 0` and `-1` mapped to `-2`.
 *
 * CPython draws a random key per process unless `PYTHONHASHSEED` is set; with
 * `PYTHONHASHSEED=0` the key is all zeros, which is this function's default key. So
 * `hashBytes(b)` equals `hash(bytes(b))` in a Python started with `PYTHONHASHSEED=0`,
 * and any 16-byte key reproduces a process whose secret is known.
 */
import { ValueError } from "@pybuffer/struct";

// The state: four 64-bit words as (high, low) 32-bit halves.
const s = new Uint32Array(8);

/** v[a] += v[b] */
function add(a: number, b: number): void {
  const lo = ((s[a + 1] as number) + (s[b + 1] as number)) >>> 0;
  const carry = lo < (s[a + 1] as number) ? 1 : 0;
  s[a] = ((s[a] as number) + (s[b] as number) + carry) >>> 0;
  s[a + 1] = lo;
}

/** v[a] = rotl(v[a], n) ^ v[x] */
function rotXor(a: number, n: number, x: number): void {
  let hi = s[a] as number;
  let lo = s[a + 1] as number;
  if (n >= 32) {
    const t = hi;
    hi = lo;
    lo = t;
    n -= 32;
  }
  if (n > 0) {
    const h = ((hi << n) | (lo >>> (32 - n))) >>> 0;
    lo = ((lo << n) | (hi >>> (32 - n))) >>> 0;
    hi = h;
  }
  s[a] = (hi ^ (s[x] as number)) >>> 0;
  s[a + 1] = (lo ^ (s[x + 1] as number)) >>> 0;
}

/** v[a] = rotl(v[a], 32) */
function swap(a: number): void {
  const t = s[a] as number;
  s[a] = s[a + 1] as number;
  s[a + 1] = t;
}

const V0 = 0;
const V1 = 2;
const V2 = 4;
const V3 = 6;

function halfRound(a: number, b: number, c: number, d: number, x: number, y: number): void {
  add(a, b);
  add(c, d);
  rotXor(b, x, a);
  rotXor(d, y, c);
  swap(a);
}

function round(): void {
  halfRound(V0, V1, V2, V3, 13, 16);
  halfRound(V2, V1, V0, V3, 17, 21);
}

function xorWord(a: number, hi: number, lo: number): void {
  s[a] = ((s[a] as number) ^ hi) >>> 0;
  s[a + 1] = ((s[a + 1] as number) ^ lo) >>> 0;
}

function le32(bytes: Uint8Array, i: number): number {
  return (
    ((bytes[i] as number) |
      ((bytes[i + 1] as number) << 8) |
      ((bytes[i + 2] as number) << 16) |
      ((bytes[i + 3] as number) << 24)) >>>
    0
  );
}

const ZERO_KEY = new Uint8Array(16);

/**
 * CPython's `hash(bytes)` of `bytes` under the 16-byte hash secret `key` (default: the
 * all-zero secret of `PYTHONHASHSEED=0`), as a bigint in [-2^63, 2^63).
 *
 * @example
 * hashBytes(new Uint8Array([0x61, 0x62, 0x63])); // -4594863902769663758n
 * hashBytes(new Uint8Array(0)); // 0n
 */
export function hashBytes(bytes: Uint8Array, key: Uint8Array = ZERO_KEY): bigint {
  if (!(bytes instanceof Uint8Array))
    throw new TypeError("hashBytes() argument 1 must be a Uint8Array");
  if (!(key instanceof Uint8Array) || key.length !== 16) {
    throw new ValueError("hashBytes() key must be a Uint8Array of 16 bytes");
  }
  const n = bytes.length;
  if (n === 0) return 0n;
  const k0lo = le32(key, 0);
  const k0hi = le32(key, 4);
  const k1lo = le32(key, 8);
  const k1hi = le32(key, 12);
  s.set([
    (k0hi ^ 0x736f6d65) >>> 0,
    (k0lo ^ 0x70736575) >>> 0,
    (k1hi ^ 0x646f7261) >>> 0,
    (k1lo ^ 0x6e646f6d) >>> 0,
    (k0hi ^ 0x6c796765) >>> 0,
    (k0lo ^ 0x6e657261) >>> 0,
    (k1hi ^ 0x74656462) >>> 0,
    (k1lo ^ 0x79746573) >>> 0,
  ]);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const lo = le32(bytes, i);
    const hi = le32(bytes, i + 4);
    xorWord(V3, hi, lo);
    round();
    xorWord(V0, hi, lo);
  }
  const tail = new Uint8Array(8);
  tail.set(bytes.subarray(i));
  const blo = le32(tail, 0);
  const bhi = (le32(tail, 4) | ((n & 0xff) << 24)) >>> 0;
  xorWord(V3, bhi, blo);
  round();
  xorWord(V0, bhi, blo);
  xorWord(V2, 0, 0xff);
  round();
  round();
  round();
  const hi = ((s[0] as number) ^ (s[2] as number) ^ (s[4] as number) ^ (s[6] as number)) >>> 0;
  const lo = ((s[1] as number) ^ (s[3] as number) ^ (s[5] as number) ^ (s[7] as number)) >>> 0;
  const h = BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
  return h === -1n ? -2n : h;
}
