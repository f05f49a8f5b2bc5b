/**
 * The value budget: how many JavaScript values a call may build. A format is often
 * untrusted input (a file header, a network peer), and zero-size items (`T{}`,
 * `0s`, sub-arrays of them) let a short format over an empty buffer ask for any
 * number of values: `unpack("100000000T{}", new Uint8Array(0))` would exhaust the
 * heap. CPython's struct cannot do that: each of its values costs a format character
 * or a byte. So the rule is ours, and every CPython format is within it: a call builds
 * at most `VALUE_FLOOR` values, plus `VALUES_PER_BYTE` per byte it reads or writes,
 * plus one per format character and struct, counted from the IR without building
 * anything. Every scalar, string, record and sub-array list counts one.
 */
import { StructError } from "../errors.js";

/** Values any call may build, whatever its size. */
export const VALUE_FLOOR = 65_536;

/** Values allowed per byte read or written, beyond the floor. */
export const VALUES_PER_BYTE = 8;

/**
 * Throw the budget's `StructError` unless `n` structs of `values` values each, `size`
 * bytes each, from a format of `chars` characters, fit.
 *
 * @example
 * checkBudget(3, 4, 3, 1); // fine: "<hh" builds 2 values
 * checkBudget(1e8, 0, 12, 1); // StructError: "100000000T{}"
 */
export function checkBudget(values: number, size: number, chars: number, n: number): void {
  const limit = VALUE_FLOOR + n * (VALUES_PER_BYTE * size + chars);
  const total = values * n;
  if (total <= limit) return;
  const shown = Number.isSafeInteger(total) ? String(total) : total.toExponential(3);
  throw new StructError(
    `too many values: the format gives ${shown} values for ${size * n} bytes (at most ${limit})`,
  );
}
