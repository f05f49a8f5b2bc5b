/**
 * `memoryview.hex([sep[, bytes_per_sep]])`: CPython's `_Py_strhex_with_sep`, argument
 * checks and messages included. Bytes become ASCII digits through a two-character
 * table into a byte array, which one `TextDecoder` call turns into a string.
 */
import { pythonTypeName } from "@pybuffer/core";
import { MemoryError, OverflowError, ValueError } from "@pybuffer/struct";
import { asPyInt } from "./py-values.js";
import { HOST_LE } from "./rows.js";

// TextDecoder is in every browser and in Node, but `types: []` leaves it undeclared.
declare const TextDecoder: new () => { decode(input: ArrayBufferView): string };

const DIGITS = "0123456789abcdef";
const PAIRS = new Uint16Array(256);
for (let b = 0; b < 256; b++) {
  const hi = DIGITS.charCodeAt(b >> 4);
  const lo = DIGITS.charCodeAt(b & 15);
  PAIRS[b] = HOST_LE ? hi | (lo << 8) : (hi << 8) | lo;
}
const decoder = new TextDecoder();

/**
 * V8's longest string (2²⁹ − 24 characters): a longer hex string cannot be made, so it
 * is `MemoryError` (CPython's, when the str cannot be allocated) before any work.
 */
const MAX_STRING_LENGTH = 0x1fffffe8;

/** Node's (and Bun's) Buffer, found at run time: its native hex encoder is 2-3× faster. */
interface HexEncoder {
  from(
    memory: ArrayBufferLike,
    offset: number,
    length: number,
  ): { toString(encoding: "hex"): string };
}
const NodeBuffer = (globalThis as { Buffer?: HexEncoder }).Buffer;

/**
 * The platform's `Uint8Array.prototype.toHex` (Node 26, current browsers), or undefined.
 * On Node 26 it took about half the time of Buffer's encoder, for 16-byte and 16 MiB inputs.
 */
const toHex = (Uint8Array.prototype as { toHex?: (this: Uint8Array) => string }).toHex;

/** `sep` as one ASCII character code, `-1` for none, or CPython's error. */
function sepCode(sep: unknown): number {
  if (sep === undefined) return -1;
  let code: number;
  if (typeof sep === "string") {
    const chars = [...sep];
    if (chars.length !== 1) throw new ValueError("sep must be length 1.");
    code = (chars[0] as string).codePointAt(0) as number;
  } else if (sep instanceof Uint8Array) {
    if (sep.length !== 1) throw new ValueError("sep must be length 1.");
    code = sep[0] as number;
  } else if (Array.isArray(sep)) {
    if (sep.length !== 1) throw new ValueError("sep must be length 1.");
    throw new TypeError("sep must be str or bytes.");
  } else {
    throw new TypeError(`object of type '${pythonTypeName(sep)}' has no len()`);
  }
  if (code > 127) throw new ValueError("sep must be ASCII.");
  return code;
}

/** `bytes_per_sep` as a C int (argument clinic's `int` converter). */
function groupSize(value: unknown): number {
  if (value === undefined) return 1;
  const int = asPyInt(value);
  if (int === null) {
    throw new TypeError(`'${pythonTypeName(value)}' object cannot be interpreted as an integer`);
  }
  const n = Number(int);
  if (n > 2147483647 || n < -2147483648) {
    throw new OverflowError("Python int too large to convert to C int");
  }
  return n;
}

/**
 * Checks `hex()`'s arguments before any byte is read (CPython parses them first).
 * Returns `[sepCode, bytesPerSep]`.
 *
 * @example
 * hexArgs(":", 2); // [58, 2]
 */
export function hexArgs(sep: unknown, bytesPerSep: unknown): [number, number] {
  const per = groupSize(bytesPerSep);
  return [sepCode(sep), per];
}

/**
 * Throws `MemoryError` when the hex of `n` bytes (with `sep` every `|per|` bytes) would
 * be longer than the engine's strings, before any byte is copied.
 *
 * @example
 * checkHexLength(2 ** 29, -1, 0); // MemoryError
 */
export function checkHexLength(n: number, sep: number, per: number): void {
  const chars = sep < 0 || per === 0 ? 2 * n : 2 * n + Math.floor((n - 1) / Math.abs(per));
  if (chars > MAX_STRING_LENGTH) throw new MemoryError("");
}

/**
 * Lower-case hex digits of `bytes`, with `sep` (a character code, or -1) between
 * groups of `|per|` bytes counted from the right (`per > 0`) or the left (`per < 0`).
 *
 * @example
 * hexString(new Uint8Array([0xb9, 0x01, 0xef]), 58, 2); // "b9:01ef"
 */
export function hexString(bytes: Uint8Array, sep: number, per: number): string {
  const n = bytes.length;
  checkHexLength(n, sep, per);
  if (sep < 0 || per === 0 || n === 0) {
    // bench hex "memoryview(b).hex()": 2.6 ns/byte through Buffer, 6.6 through TextDecoder.
    if (toHex !== undefined) return toHex.call(bytes);
    if (NodeBuffer !== undefined)
      return NodeBuffer.from(bytes.buffer, bytes.byteOffset, n).toString("hex");
    const out = new Uint16Array(n);
    for (let i = 0; i < n; i++) out[i] = PAIRS[bytes[i] as number] as number;
    return decoder.decode(out);
  }
  const group = Math.abs(per);
  const out = new Uint8Array(n * 2 + Math.floor((n - 1) / group));
  // Bytes before the first separator: a whole group from the left, the remainder from the right.
  const first = per < 0 ? group : n % group || group;
  let o = 0;
  for (let i = 0; i < n; i++) {
    if (i >= first && (i - first) % group === 0) out[o++] = sep;
    const b = bytes[i] as number;
    out[o++] = DIGITS.charCodeAt(b >> 4);
    out[o++] = DIGITS.charCodeAt(b & 15);
  }
  return decoder.decode(out);
}
