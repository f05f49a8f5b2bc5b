/**
 * How `pybuf` fails: always one line on stderr and a non-zero exit, never a stack trace.
 *
 * - the family's errors (and JavaScript's `TypeError`) print as the last line of
 *   CPython's traceback would: `struct.error: bad char in struct format`, status 1;
 * - files that cannot be read print as Python's `OSError`s do:
 *   `FileNotFoundError: [Errno 2] No such file or directory: 'x.bin'`, status 1;
 * - a wrong command line prints `pybuf unpack: missing FILE (see 'pybuf unpack --help')`,
 *   status 2, as argparse does.
 */
import { constants } from "node:os";
import { pythonErrorName } from "@pybuffer/struct";

/** The `cause` that marks an `Error` as a command-line mistake. */
const USAGE: unique symbol = Symbol("pybuf usage");

/**
 * An error for a wrong command line of `command` (exit status 2).
 *
 * @example
 * ```ts
 * throw usageError("unpack", "missing FILE");
 * ```
 */
export function usageError(command: string, message: string): Error {
  const where = command === "" ? "pybuf" : `pybuf ${command}`;
  return new Error(`${where}: ${message} (see '${where} --help')`, { cause: USAGE });
}

const OS_ERRORS: Readonly<Record<string, [name: string, text: string]>> = {
  ENOENT: ["FileNotFoundError", "No such file or directory"],
  EACCES: ["PermissionError", "Permission denied"],
  EPERM: ["PermissionError", "Operation not permitted"],
  EISDIR: ["IsADirectoryError", "Is a directory"],
  ENOTDIR: ["NotADirectoryError", "Not a directory"],
  EEXIST: ["FileExistsError", "File exists"],
};

/** Python's `repr(str)` of a path, for OSError lines. */
function pathRepr(path: string): string {
  return path.includes("'") && !path.includes('"') ? `"${path}"` : `'${path.replace(/'/g, "\\'")}'`;
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
  if (error instanceof Error && error.cause === USAGE) return { line: error.message, status: 2 };
  const system = error as { code?: unknown; path?: unknown; message?: unknown } | null;
  if (typeof system?.code === "string" && typeof system.path === "string") {
    const errno = (constants.errno as Record<string, number | undefined>)[system.code];
    const [name, text] = OS_ERRORS[system.code] ?? ["OSError", String(system.message)];
    const number = errno === undefined ? "" : `[Errno ${errno}] `;
    return { line: `${name}: ${number}${text}: ${pathRepr(system.path)}`, status: 1 };
  }
  const name = pythonErrorName(error) ?? (error instanceof TypeError ? "TypeError" : undefined);
  const message = error instanceof Error ? error.message : String(error);
  return { line: name === undefined ? `pybuf: ${message}` : `${name}: ${message}`, status: 1 };
}
