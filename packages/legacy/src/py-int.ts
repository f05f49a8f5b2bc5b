/**
 * Python 2 integer arguments in JavaScript. A Python `int`/`long` is a `number` that is an
 * integer, a `bigint`, or a `boolean` (Python's `bool` is an `int`); any other `number`
 * is a Python `float`. Each function mirrors one CPython conversion and raises its
 * messages: `PyArg_ParseTuple`'s `n` code, `PyNumber_AsSsize_t` for subscripts and
 * repeat counts, and `_PyEval_SliceIndex` for slice bounds.
 *
 * Nothing here calls user code: objects with `valueOf` are not integers (Python's
 * `__index__` has no JavaScript counterpart), so a conversion can never change state.
 */
import { pythonTypeName } from "@pybuffer/core";
import { IndexError, OverflowError } from "@pybuffer/struct";
import { isBytes } from "./segment-procs.js";

/**
 * `PY_SSIZE_T_MAX` on LP64.
 *
 * @example
 * ssizeArg(PY_SSIZE_T_MAX + 1n); // OverflowError
 */
export const PY_SSIZE_T_MAX: bigint = 2n ** 63n - 1n;
/**
 * `PY_SSIZE_T_MIN` on LP64.
 *
 * @example
 * sliceIndexArg(-(2n ** 70n)) === Number(PY_SSIZE_T_MIN); // true
 */
export const PY_SSIZE_T_MIN: bigint = -(2n ** 63n);

/**
 * The exact value of a Python int, or `undefined` for anything else.
 *
 * @example
 * pyInt(true); // 1n
 * pyInt(1.5); // undefined
 */
export function pyInt(value: unknown): bigint | undefined {
  switch (typeof value) {
    case "number":
      return Number.isInteger(value) ? BigInt(value) : undefined;
    case "bigint":
      return value;
    case "boolean":
      return value ? 1n : 0n;
    default:
      return undefined;
  }
}

/**
 * Python 2's type name of a JavaScript value, for messages such as
 * "can't multiply sequence by non-int of type 'float'": core's Python 3 names, except
 * that a JavaScript string is Python 2's `unicode` and a Uint8Array its `str` (a buffer
 * object names itself `buffer` through struct's `tp_name`).
 *
 * @example
 * pyTypeName(null); // "NoneType"
 * pyTypeName("x"); // "unicode"
 */
export function pyTypeName(value: unknown): string {
  if (typeof value === "string") return "unicode";
  if (isBytes(value)) return "str";
  return pythonTypeName(value);
}

/**
 * `PyArg_ParseTuple`'s `n` code (a `Py_ssize_t` argument): the exact value.
 *
 * @example
 * ssizeArg(3); // 3n
 * ssizeArg(2.5); // TypeError: integer argument expected, got float
 * ssizeArg(2n ** 63n); // OverflowError: Python int too large to convert to C long
 */
export function ssizeArg(value: unknown): bigint {
  const n = pyInt(value);
  if (n === undefined) {
    if (typeof value === "number") throw new TypeError("integer argument expected, got float");
    throw new TypeError("an integer is required");
  }
  if (n > PY_SSIZE_T_MAX || n < PY_SSIZE_T_MIN) {
    throw new OverflowError("Python int too large to convert to C long");
  }
  return n;
}

/**
 * `PyNumber_AsSsize_t(item, PyExc_IndexError)` for a subscript: the index as a number
 * (values past 2^53 stay past every length), `undefined` when `value` is not an int.
 *
 * @example
 * indexArg(-1); // -1
 * indexArg(2n ** 64n); // IndexError: cannot fit 'long' into an index-sized integer
 */
export function indexArg(value: unknown): number | undefined {
  const n = pyInt(value);
  if (n === undefined) return undefined;
  if (n > PY_SSIZE_T_MAX || n < PY_SSIZE_T_MIN) {
    throw new IndexError("cannot fit 'long' into an index-sized integer");
  }
  return Number(n);
}

/**
 * The repeat count of `b * n` (`PyNumber_AsSsize_t(n, PyExc_OverflowError)`), exactly.
 *
 * @example
 * repeatCountArg(3); // 3n
 * repeatCountArg(0.5); // TypeError: can't multiply sequence by non-int of type 'float'
 */
export function repeatCountArg(value: unknown): bigint {
  const n = pyInt(value);
  if (n === undefined) {
    throw new TypeError(`can't multiply sequence by non-int of type '${pyTypeName(value)}'`);
  }
  if (n > PY_SSIZE_T_MAX || n < PY_SSIZE_T_MIN) {
    throw new OverflowError("cannot fit 'long' into an index-sized integer");
  }
  return n;
}

/**
 * `_PyEval_SliceIndex`: `null`/`undefined` mean "omitted" (returned as `undefined`),
 * ints are clamped to the `Py_ssize_t` range, anything else is a `TypeError`.
 *
 * @example
 * sliceIndexArg(-(2n ** 70n)); // -9223372036854775808 (clamped)
 */
export function sliceIndexArg(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  const n = pyInt(value);
  if (n === undefined) {
    throw new TypeError("slice indices must be integers or None or have an __index__ method");
  }
  if (n > PY_SSIZE_T_MAX) return Number(PY_SSIZE_T_MAX);
  if (n < PY_SSIZE_T_MIN) return Number(PY_SSIZE_T_MIN);
  return Number(n);
}
