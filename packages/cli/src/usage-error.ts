/**
 * A wrong command line: `pybuf unpack: missing FILE (see 'pybuf unpack --help')`, exit
 * status 2, as argparse does. Apart from `fail.ts` (which describes every other error with
 * the engine's help), so that parsing a command line loads nothing else.
 */

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

/**
 * Whether `error` came from {@link usageError}.
 *
 * @example
 * ```ts
 * isUsageError(usageError("", "unknown command 'x'")); // true
 * ```
 */
export function isUsageError(error: unknown): error is Error {
  return error instanceof Error && error.cause === USAGE;
}
