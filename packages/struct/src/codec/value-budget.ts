/**
 * The value budget: how many JavaScript values a call may build. A format is often
 * untrusted input (a file header, a network peer), and zero-size items (`T{}`,
 * `0s`, sub-arrays of them) let a short format over an empty buffer ask for any
 * number of values: `unpack("100000000T{}", new Uint8Array(0))` would exhaust the
 * heap. CPython's struct cannot do that (each value costs a format character or a
 * byte), so the rule is ours: a call builds at most `VALUE_FLOOR` values plus
 * `VALUES_PER_BYTE` per byte it reads or writes, counted from the IR without
 * building anything. Every scalar, string, record and sub-array list counts one.
 */
import { StructError } from "../errors.js";

/** Values any call may build, whatever its byte count. */
export const VALUE_FLOOR = 65_536;

/** Values allowed per byte read or written, beyond the floor. */
export const VALUES_PER_BYTE = 8;

/**
 * Whether `values` values over `bytes` bytes are within the budget.
 *
 * @example
 * withinBudget(1e8, 0); // false
 */
export function withinBudget(values: number, bytes: number): boolean {
  return values <= VALUE_FLOOR + VALUES_PER_BYTE * bytes;
}

/**
 * Throw the budget's `StructError` unless `values` values over `bytes` bytes fit.
 *
 * @example
 * checkBudget(3, 4); // fine
 */
export function checkBudget(values: number, bytes: number): void {
  if (withinBudget(values, bytes)) return;
  const shown = Number.isSafeInteger(values) ? String(values) : values.toExponential(3);
  throw new StructError(
    `too many values: the format gives ${shown} values for ${bytes} bytes ` +
      `(at most ${VALUE_FLOOR} plus ${VALUES_PER_BYTE} per byte)`,
  );
}
