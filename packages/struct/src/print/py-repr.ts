/**
 * Python's `repr()` of the values `struct.unpack` gives: floats in `float.__repr__`'s
 * shortest round-trip form (`1.0`, `1e-05`, `1e+16`), bytes as `b'...'` literals,
 * complex numbers as `(1+2j)`, bools as `True`/`False`, str as `'...'`. Shared by the
 * printed summaries of every package and by `pybuf`.
 */
import { pythonStrRepr } from "../py-types.js";

/**
 * `repr(float)`: shortest digits that round-trip, fixed notation for 1e-4 <= |x| < 1e16.
 *
 * @example
 * floatRepr(1); // "1.0"
 * floatRepr(1e16); // "1e+16"
 */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Number.POSITIVE_INFINITY) return "inf";
  if (x === Number.NEGATIVE_INFINITY) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  // toExponential() without digits gives the shortest round-trip digits, as repr does.
  const [mantissa = "", exponent = "0"] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(exponent);
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const fraction = digits.slice(exp + 1);
  return `${sign}${whole}.${fraction === "" ? "0" : fraction}`;
}

/**
 * `repr(bytes)`: single quotes unless the bytes hold `'` and no `"`.
 *
 * @example
 * bytesRepr(new Uint8Array([104, 105, 0])); // "b'hi\\x00'"
 */
export function bytesRepr(bytes: Uint8Array): string {
  const quote = bytes.includes(0x27) && !bytes.includes(0x22) ? 0x22 : 0x27;
  let out = "";
  for (const c of bytes) {
    if (c === quote || c === 0x5c) out += `\\${String.fromCharCode(c)}`;
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += String.fromCharCode(c);
  }
  const q = String.fromCharCode(quote);
  return `b${q}${out}${q}`;
}

/**
 * `repr(complex)`: `(1+2j)`, `2j` when the real part is +0.
 *
 * @example
 * complexRepr({ re: 1, im: -2 }); // "(1-2j)"
 */
export function complexRepr(z: { re: number; im: number }): string {
  const part = (x: number) => floatRepr(x).replace(/\.0$/, "");
  const im = `${part(z.im)}j`;
  if (z.re === 0 && !Object.is(z.re, -0)) return im;
  // Python writes the imaginary part's own sign, -0's too: (1-0j).
  const sign = z.im < 0 || Object.is(z.im, -0) ? "" : "+";
  return `(${part(z.re)}${sign}${im})`;
}

/**
 * Python's repr of one unpacked leaf value; `float` says a number is a Python float
 * (JavaScript cannot tell `2` from `2.0`).
 *
 * @example
 * leafRepr(2, true); // "2.0"
 * leafRepr(2n, false); // "2"
 */
export function leafRepr(value: unknown, float: boolean): string {
  if (typeof value === "number") return float ? floatRepr(value) : String(value);
  if (typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "string") return pythonStrRepr(value);
  if (value instanceof Uint8Array) return bytesRepr(value);
  if (typeof value === "object" && value !== null && "re" in value && "im" in value) {
    return complexRepr(value as { re: number; im: number });
  }
  return String(value);
}
