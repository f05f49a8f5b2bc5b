/**
 * An OS error (a file that cannot be read, output that cannot be written) as Python's
 * `OSError`s print: `FileNotFoundError: [Errno 2] No such file or directory`, or
 * `OSError: [Errno 28] No space left on device` for a code with no subclass of its own.
 * `node:` builtins only, loaded when an error is described (`node:os` is not among the
 * modules every Node process loads), so that `pybuf --help` (`help.ts`) can use it and
 * still start as fast as `node` does (issue #20).
 */

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

/**
 * `error`'s line as Python prints the `OSError` (without the file name, which the caller
 * adds), or undefined when `error` is not an error of the operating system.
 *
 * @example
 * ```ts
 * osErrorLine(Object.assign(new Error("ENOSPC: no space left on device, write"), {
 *   code: "ENOSPC",
 *   errno: -28,
 * })); // "OSError: [Errno 28] No space left on device"
 * ```
 */
export function osErrorLine(error: unknown): string | undefined {
  const system = error as { code?: unknown; errno?: unknown; path?: unknown; message?: unknown };
  const os = typeof system?.errno === "number" || typeof system?.path === "string";
  if (typeof system?.code !== "string" || !os) return undefined;
  const { errno } = process.getBuiltinModule("node:os").constants;
  const number = (errno as Record<string, number | undefined>)[system.code];
  const name = OS_ERRORS[system.code]?.[0] ?? "OSError";
  const prefix = number === undefined ? "" : `[Errno ${number}] `;
  return `${name}: ${prefix}${osText(system.code, system.message)}`;
}
