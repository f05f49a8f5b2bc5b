/**
 * How JavaScript values look to Python: the type name CPython would print for the
 * nearest Python value, and Python's truth test (`PyObject_IsTrue`).
 */

/**
 * Key of a class's Python type name (CPython's `tp_name`): an object whose prototype
 * (or itself) has a string under `Symbol.for("pybuffer.tp_name")` is named by it in
 * messages, as `memoryview` names a `MemoryView` ("…, not memoryview"). A `Symbol.for`
 * key, so any library's exporter can name itself without importing this package.
 *
 * @example
 * class Frame { static { Object.defineProperty(Frame.prototype, tp_name, { value: "frame" }); } }
 */
export const tp_name: unique symbol = Symbol.for("pybuffer.tp_name") as never;

/**
 * The Python type name of a value whose name does not depend on how a caller maps
 * JavaScript's objects: the primitives (`str`, `int`, `float`, `bool`, `NoneType` for
 * null and undefined, `function`, `symbol`), arrays (`list`), and objects that declare a
 * name under {@link tp_name}; `undefined` for every other object.
 *
 * @example
 * basicTypeName(1.5); // "float"
 * basicTypeName(new MemoryView(nd)); // "memoryview"
 * basicTypeName(new Map()); // undefined
 */
export function basicTypeName(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return "str";
    case "number":
      // -0 exists in Python only as the float -0.0.
      return Number.isInteger(value) && !Object.is(value, -0) ? "int" : "float";
    case "bigint":
      return "int";
    case "boolean":
      return "bool";
    case "undefined":
      return "NoneType";
    case "function":
      return "function";
    case "symbol":
      return "symbol";
    default:
      break;
  }
  if (value === null) return "NoneType";
  if (Array.isArray(value)) return "list";
  const name: unknown = (value as { [tp_name]?: unknown })[tp_name];
  return typeof name === "string" ? name : undefined;
}

/**
 * The Python type name of a JavaScript value as struct sees it, for messages such as
 * "a bytes-like object is required, not 'str'": {@link basicTypeName}, else `bytes` for
 * a Uint8Array, `memoryview` for other binary views, `dict`/`set` for Map/Set and plain
 * objects, else the constructor's name.
 *
 * @example
 * pyTypeName("x"); // "str"
 * pyTypeName(new Uint8Array(1)); // "bytes"
 */
export function pyTypeName(value: unknown): string {
  const basic = basicTypeName(value);
  if (basic !== undefined) return basic;
  if (value instanceof Uint8Array) return "bytes";
  if (ArrayBuffer.isView(value)) return "memoryview";
  if (value instanceof Map) return "dict";
  if (value instanceof Set) return "set";
  const ctor = (value as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor?.name === "string" && ctor.name !== "Object" ? ctor.name : "dict";
}

/**
 * Python's truth value of a JavaScript value: `0`, `0n`, `""`, `null`, `undefined`,
 * `false` and empty arrays, typed arrays, maps and sets are false; NaN is true.
 *
 * @example
 * pyTruth([]); // false
 * pyTruth(Number.NaN); // true
 */
export function pyTruth(value: unknown): boolean {
  switch (typeof value) {
    case "boolean":
      return value;
    case "number":
      return value !== 0;
    case "bigint":
      return value !== 0n;
    case "string":
      return value.length !== 0;
    case "undefined":
      return false;
    default:
      break;
  }
  if (value === null) return false;
  if (Array.isArray(value)) return value.length !== 0;
  if (ArrayBuffer.isView(value)) return value.byteLength !== 0;
  if (value instanceof ArrayBuffer) return value.byteLength !== 0;
  if (value instanceof Map || value instanceof Set) return value.size !== 0;
  return true;
}

/**
 * Python's `repr` of a str: quotes chosen as Python chooses them; quotes, backslashes and
 * ASCII control characters escaped (other characters are kept as they are). What the
 * messages and `Struct#toString` show, and what `pybuf` prints for names and strings.
 *
 * @example
 * pythonStrRepr("<i"); // "'<i'"
 */
export function pythonStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") out += `\\${ch}`;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote;
}
