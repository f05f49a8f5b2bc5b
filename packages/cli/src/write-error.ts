/**
 * How `pybuf` ends when its output cannot be written: a closed pipe (`pybuf … | head`) ends
 * it quietly, with the status it has so far, as a command in a pipeline should; any other
 * write error (a full disk, `> /dev/full`) ends it with one line on stderr, the `OSError`
 * Python would print (`OSError: [Errno 28] No space left on device`), and status 1, as
 * every failure of `pybuf` is one line (`fail.ts`). The commands' output (`output.ts`) and
 * `pybuf --help`/`--version` (`help.ts`, which loads `node:` builtins only) both end so.
 */
import type { Writable } from "node:stream";
import { osErrorLine } from "./os-error.js";

/**
 * Ends the process as above at the first error `stream` reports.
 *
 * @example
 * ```ts
 * endOnWriteError(process.stdout);
 * process.stdout.write("usage: pybuf …\n");
 * ```
 */
export function endOnWriteError(stream: Writable): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`${osErrorLine(error) ?? `pybuf: ${error.message}`}\n`);
    process.exit(1);
  });
}
