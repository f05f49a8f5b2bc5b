/**
 * Python-style type names for JavaScript values, for messages such as CPython's
 * "a bytes-like object is required, not 'str'" (`Py_TYPE(obj)->tp_name`).
 */

import { basicTypeName } from "@pybuffer/struct";

/**
 * The name CPython would print for the nearest Python type of `value`: `'NoneType'`
 * for null and undefined, `'bool'`, `'int'` (integral numbers, bigint), `'float'`,
 * `'str'`, `'list'` (arrays), `'function'`, `'symbol'`, and for other objects the name
 * they declare under struct's `tp_name` key (`'memoryview'`, `'ndarray'`), else their
 * constructor's name (`'Uint8Array'`, `'Map'`), or `'object'`.
 *
 * @example
 * pythonTypeName("abc"); // "str"
 * pythonTypeName(3); // "int"
 * pythonTypeName(new Map()); // "Map"
 */
export function pythonTypeName(value: unknown): string {
  const basic = basicTypeName(value);
  if (basic !== undefined) return basic;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return "object";
  const ctor: unknown = (proto as { constructor?: unknown }).constructor;
  if (typeof ctor === "function" && typeof ctor.name === "string" && ctor.name !== "") {
    return ctor.name === "Object" ? "object" : ctor.name;
  }
  return "object";
}
