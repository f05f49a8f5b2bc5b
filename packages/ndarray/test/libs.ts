/**
 * The peer libraries, as the tests use them (pinned in package.json: `ndarray` 1.1.1,
 * `@stdlib/ndarray` 0.4.1, `@stdlib/array` 0.5.1).
 */
import BooleanArray from "@stdlib/array/bool";
import Complex64Array from "@stdlib/array/complex64";
import Complex128Array from "@stdlib/array/complex128";
import StdlibBase from "@stdlib/ndarray/base/ctor";
import Stdlib from "@stdlib/ndarray/ctor";
import DataType from "@stdlib/ndarray/dtype-ctor";
import scijs from "ndarray";

export { BooleanArray, Complex64Array, Complex128Array, DataType, Stdlib, StdlibBase, scijs };

/** The stdlib classes `toStdlib` needs for `?`, `Zf` and `Zd`. */
export const STDLIB_ARRAYS = { BooleanArray, Complex64Array, Complex128Array } as const;
