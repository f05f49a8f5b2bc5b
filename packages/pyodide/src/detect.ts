/**
 * Telling Pyodide's objects apart without importing Pyodide and without calling into
 * Python. Any string property read on a PyProxy that its JavaScript prototype does not
 * have is a Python `getattr` (it may run Python code, or answer `x.shape` with a Python
 * attribute), so nothing here reads one: the tag is a `Symbol.toStringTag` getter and
 * the prototype chain is read with `Reflect.getPrototypeOf`, which Pyodide's proxy
 * handler does not send to Python. `instanceof pyodide.ffi.PyProxy` is no use: it is
 * false for proxies from a second loaded instance.
 */
import type { PyBufferProxyLike, PyBufferViewLike, PyProxyLike } from "./types.js";

const tagOf = Object.prototype.toString;

/**
 * Whether `value` is a Pyodide `PyProxy` (of any loaded instance, destroyed or not).
 *
 * @example
 * ```ts
 * isPyProxy(pyodide.runPython("object()")); // => true
 * isPyProxy({}); // => false
 * ```
 */
export function isPyProxy(value: unknown): value is PyProxyLike {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    tagOf.call(value) === "[object PyProxy]"
  );
}

/** Whether a prototype on `value`'s chain (not Python) defines `name` as a function. */
function prototypeHas(value: object, name: string): boolean {
  let proto = Reflect.getPrototypeOf(value);
  for (let depth = 0; proto !== null && depth < 8; depth++) {
    const own = Object.getOwnPropertyDescriptor(proto, name);
    if (own !== undefined) return typeof own.value === "function";
    proto = Reflect.getPrototypeOf(proto);
  }
  return false;
}

/**
 * The prototypes of PyProxies found to have `getBuffer` (Pyodide makes one class per set
 * of Python capabilities, shared by all proxies with that set). The tag is a getter on
 * PyProxy's prototype, the same for every object below it, so a value with a known
 * prototype needs no tag read: that read goes through the proxy's `get` handler and was
 * most of the cost of telling a proxy apart.
 */
const bufferPrototypes = new WeakSet<object>();
/**
 * The buffer proxies already told apart: a proxy wrapped again is known at once, without
 * even its prototype, which a Proxy gives only through a slow runtime call.
 */
const bufferProxies = new WeakSet<object>();

/**
 * Whether `value` is a PyProxy of a Python object with the buffer protocol (Pyodide
 * gives such proxies `getBuffer`): `bytes`, `bytearray`, `memoryview`, `array.array`,
 * ctypes arrays and structures, NumPy arrays, … Answered without a Python call.
 *
 * @example
 * ```ts
 * isBufferProxy(pyodide.runPython("bytearray(2)")); // => true
 * isBufferProxy(pyodide.runPython("[1, 2]")); // => false
 * ```
 */
export function isBufferProxy(value: unknown): value is PyBufferProxyLike {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return false;
  if (bufferProxies.has(value)) return true;
  const proto = Reflect.getPrototypeOf(value);
  const known = proto !== null && bufferPrototypes.has(proto);
  if (!known && (!isPyProxy(value) || !prototypeHas(value, "getBuffer"))) return false;
  if (proto !== null) bufferPrototypes.add(proto);
  bufferProxies.add(value);
  return true;
}

const VIEW_FIELDS = ["offset", "format", "itemsize", "shape", "strides", "data"] as const;

/**
 * Whether `value` is a Pyodide `PyBufferView` (what `proxy.getBuffer()` returns),
 * released or not: an object of the class named `PyBufferView` with its own data fields.
 *
 * @example
 * ```ts
 * isPyBufferView(pyodide.runPython("bytearray(2)").getBuffer()); // => true
 * ```
 */
export function isPyBufferView(value: unknown): value is PyBufferViewLike {
  if (typeof value !== "object" || value === null || isPyProxy(value)) return false;
  const proto = Reflect.getPrototypeOf(value);
  const ctor = proto === null ? undefined : Object.getOwnPropertyDescriptor(proto, "constructor");
  if (typeof ctor?.value !== "function" || ctor.value.name !== "PyBufferView") return false;
  return VIEW_FIELDS.every((key) => Object.hasOwn(value, key)) && prototypeHas(value, "release");
}
