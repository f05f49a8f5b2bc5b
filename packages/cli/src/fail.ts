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
import { constants } from "node:os";
import { pythonErrorName, pythonStrRepr } from "@pybuffer/struct";
import { isUsageError } from "./usage-error.js";

const OS_ERRORS: Readonly<Record<string, [name: string, text: string]>> = {
  ENOENT: ["FileNotFoundError", "No such file or directory"],
  EACCES: ["PermissionError", "Permission denied"],
  EPERM: ["PermissionError", "Operation not permitted"],
  EISDIR: ["IsADirectoryError", "Is a directory"],
  ENOTDIR: ["NotADirectoryError", "Not a directory"],
  EEXIST: ["FileExistsError", "File exists"],
};

/** The text of an OS error as `strerror` gives it: libuv's description, capitalised. */
function osText(code: string, message: unknown): string {
  const known = OS_ERRORS[code];
  if (known !== undefined) return known[1];
  const described = new RegExp(`^${code}: ([^,]+)`).exec(String(message))?.[1];
  if (described === undefined) return String(message);
  return described[0]!.toUpperCase() + described.slice(1);
}

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
  const system = error as { code?: unknown; errno?: unknown; path?: unknown; message?: unknown };
  const os = typeof system?.errno === "number" || typeof system?.path === "string";
  if (typeof system?.code === "string" && os) {
    const errno = (constants.errno as Record<string, number | undefined>)[system.code];
    const name = OS_ERRORS[system.code]?.[0] ?? "OSError";
    const number = errno === undefined ? "" : `[Errno ${errno}] `;
    const where = typeof system.path === "string" ? `: ${pythonStrRepr(system.path)}` : "";
    return { line: `${name}: ${number}${osText(system.code, system.message)}${where}`, status: 1 };
  }
  const name = pythonErrorName(error) ?? (error instanceof TypeError ? "TypeError" : undefined);
  const message = error instanceof Error ? error.message : String(error);
  return { line: name === undefined ? `pybuf: ${message}` : `${name}: ${message}`, status: 1 };
}
