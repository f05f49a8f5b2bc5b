/**
 * A Python exception raised inside Pyodide (Pyodide's `PythonError`, whose `type` is the
 * Python class name and whose message ends with `Name: text` after the traceback), as
 * the family's error of the same name with Python's own text. Anything else is returned
 * unchanged.
 */
import {
  BufferError,
  IndexError,
  MemoryError,
  NotImplementedError,
  OverflowError,
  ValueError,
} from "@pybuffer/struct";

const CLASSES: Readonly<Record<string, new (message: string) => Error>> = {
  BufferError,
  ValueError,
  IndexError,
  OverflowError,
  MemoryError,
  NotImplementedError,
  TypeError,
};

/**
 * The family's form of `error` when it is a Pyodide `PythonError` of a Python class the
 * family has (`BufferError`, `ValueError`, `TypeError`, …); else `error` itself.
 *
 * @example
 * try { proxy.getBuffer("u8"); } catch (error) { throw fromPythonError(error); }
 */
export function fromPythonError(error: unknown): unknown {
  if (!(error instanceof Error) || error.name !== "PythonError") return error;
  const type = (error as { type?: unknown }).type;
  const Class = typeof type === "string" && Object.hasOwn(CLASSES, type) ? CLASSES[type] : null;
  if (Class === null || Class === undefined) return error;
  const lines = error.message.trimEnd().split("\n");
  const last = lines[lines.length - 1] ?? "";
  const prefix = `${type}: `;
  return new Class(last.startsWith(prefix) ? last.slice(prefix.length) : last);
}
