/**
 * The JavaScript half of py/oracle_json.py: Python values in JSON, both directions.
 * Decoding gives the JS value types of DESIGN.md: bytes as Uint8Array, ints beyond
 * 2^53 as bigint, complex as {re, im}; an exception as an {@link OracleError}.
 */

/** A Python exception as the oracle recorded it. */
export interface OracleError {
  readonly error: string;
  readonly message: string;
}

/** What one call gave in Python: a value, or an exception. */
export type Outcome =
  | { readonly ok: unknown }
  | { readonly error: string; readonly message: string };

export function isOracleError(value: unknown): value is OracleError {
  return typeof value === "object" && value !== null && "error" in value && "message" in value;
}

export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}

const BITS = new DataView(new ArrayBuffer(8));

/**
 * The number with these IEEE 754 bits (16 hex digits, big-endian). A NaN keeps its sign
 * and payload as long as it is not stored into an array by V8's code, which may
 * canonicalise it.
 */
function fromBits(hex: string): number {
  BITS.setBigUint64(0, BigInt(`0x${hex}`));
  return BITS.getFloat64(0);
}

/**
 * The 16 hex digits of a number's IEEE 754 bits (big-endian).
 *
 * @example
 * floatBits(-0); // "8000000000000000"
 */
export function floatBits(x: number): string {
  BITS.setFloat64(0, x);
  return BITS.getBigUint64(0).toString(16).padStart(16, "0");
}

function decodeFloat(text: string): number {
  if (text === "nan") return Number.NaN;
  if (text.startsWith("nan:")) return fromBits(text.slice(4));
  if (text === "inf") return Number.POSITIVE_INFINITY;
  if (text === "-inf") return Number.NEGATIVE_INFINITY;
  return Number(text);
}

/** JSON.parse reviver for oracle documents. */
export function reviveOracle(_key: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length !== 1) return value;
  const payload = record[keys[0] as string];
  switch (keys[0]) {
    case "$bytes":
    case "$bytearray":
      return hexToBytes(payload as string);
    case "$int":
      return BigInt(payload as string);
    case "$float":
      return decodeFloat(payload as string);
    case "$complex": {
      const [re, im] = payload as [number, number];
      return { re, im };
    }
    case "$error": {
      const [error, message] = payload as [string, string];
      return { error, message };
    }
    default:
      return value;
  }
}

/** Parses an oracle document or answer line. */
export function parseOracle<T = unknown>(text: string): T {
  return JSON.parse(text, reviveOracle) as T;
}

/** Encodes a JS value as an argument for the live oracle (see py/oracle_json.decode). */
export function encodeForPython(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: bytesToHex(value) };
  if (typeof value === "bigint") return { $int: value.toString() };
  if (typeof value === "number") {
    if (Number.isNaN(value)) {
      const bits = floatBits(value);
      return { $float: bits === "7ff8000000000000" ? "nan" : `nan:${bits}` };
    }
    if (value === Number.POSITIVE_INFINITY) return { $float: "inf" };
    if (value === Number.NEGATIVE_INFINITY) return { $float: "-inf" };
    if (Object.is(value, -0)) return { $float: "-0.0" };
    return value;
  }
  if (Array.isArray(value)) return value.map(encodeForPython);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeForPython(v);
    return out;
  }
  return value;
}
