/**
 * How `pybuf` fails: always one line on stderr and a non-zero exit, never a stack trace.
 *
 * - the family's errors (and JavaScript's `TypeError`) print as the last line of
 *   CPython's traceback would: `struct.error: bad char in struct format`, status 1;
 * - files that cannot be read or written print as Python's `OSError`s do:
 *   `FileNotFoundError: [Errno 2] No such file or directory: 'x.bin'`, status 1;
 * - whatever the error, the line is one line: newlines in it print as `\n`;
 * - a wrong command line prints `pybuf unpack: missing FILE (see 'pybuf unpack --help')`,
 *   status 2, as argparse does (`usage-error.ts`).
 */
import { pythonErrorName, pythonStrRepr } from "@pybuffer/struct";
import { osErrorLine } from "./os-error.js";
import { isUsageError } from "./usage-error.js";

/** Control characters escaped as Python escapes them, so that the line stays one line. */
function oneLine(text: string): string {
  return text.replace(/[\n\r]/g, (c) => (c === "\n" ? "\\n" : "\\r"));
}

/**
 * The one line `pybuf` prints for `error`, and the exit status.
 *
 * @example
 * ```ts
 * describeError(new StructError("bad char in struct format"));
 * // { line: "struct.error: bad char in struct format", status: 1 }
 * ```
 */
export function describeError(error: unknown): { line: string; status: number } {
  const { line, status } = describe(error);
  return { line: oneLine(line), status };
}

function describe(error: unknown): { line: string; status: number } {
  if (isUsageError(error)) return { line: error.message, status: 2 };
  const os = osErrorLine(error);
  if (os !== undefined) {
    const path = (error as { path?: unknown }).path;
    const where = typeof path === "string" ? `: ${pythonStrRepr(path)}` : "";
    return { line: `${os}${where}`, status: 1 };
  }
  const name = pythonErrorName(error) ?? (error instanceof TypeError ? "TypeError" : undefined);
  const message = error instanceof Error ? error.message : String(error);
  return { line: name === undefined ? `pybuf: ${message}` : `${name}: ${message}`, status: 1 };
}
