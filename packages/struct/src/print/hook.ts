/**
 * How every public object of the family prints: one `toString` and one Node
 * `util.inspect` hook (`console.log`, the REPL), both giving the same short summary.
 * The hook is keyed by `Symbol.for("nodejs.util.inspect.custom")`, the key Node's
 * `util.inspect` looks up, so nothing imports `node:util` and browsers are unaffected.
 */

/**
 * The key Node's `util.inspect` calls to print an object (`util.inspect.custom`).
 *
 * @example
 * obj[inspectCustom](); // what console.log(obj) prints
 */
export const inspectCustom: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;

/**
 * Makes instances of `target` print as `summary(instance)`: through `util.inspect`
 * (`console.log`) and, unless `toString` is `false` (a class whose `toString` means
 * something else, as Python 2's `str(buffer)`), through `String()`. Installed on the
 * prototype, non-enumerable, so objects keep their own keys and shapes. A summary that
 * throws prints as `<Name: the message>` instead: printing never fails.
 *
 * @example
 * installPrinting(Thing.prototype, (t) => `<thing ${t.size}>`);
 * String(new Thing()); // "<thing 3>"
 */
export function installPrinting<T extends object>(
  target: T,
  summary: (self: T) => string,
  toString = true,
): void {
  function print(this: T): string {
    try {
      return summary(this);
    } catch (error) {
      const name = (this as { constructor?: { name?: unknown } }).constructor?.name;
      return `<${typeof name === "string" ? name : "object"}: ${describeError(error)}>`;
    }
  }
  const method = { value: print, writable: true, configurable: true, enumerable: false };
  Object.defineProperty(target, inspectCustom, method);
  if (toString) Object.defineProperty(target, "toString", method);
}

/**
 * `ValueError: message` for an error (the Python class name where it has one), for
 * summaries that show why something could not be read.
 *
 * @example
 * describeError(new RangeError("x")); // "RangeError: x"
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
