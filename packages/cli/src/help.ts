/**
 * `pybuf --help` and `pybuf --version`: answered from this module and the command list
 * alone, so that they start about as fast as `node` does (issue #20). The build bundles
 * it twice: into `dist/node/main.js` (the ES module CLI), and as `dist/node/help.cjs`, a
 * CommonJS file of its own that the bin (`bin/pybuf.cjs`, CommonJS too) answers from
 * before anything starts Node's ES module loader, which costs Node 20 a few milliseconds
 * at each start. Everything here may import `node:` builtins only (the build checks it).
 */
import { readFileSync } from "node:fs";
import { COMMAND_LIST } from "./commands/list.js";
import { packageFile } from "./package-file.js";
import { endOnWriteError } from "./write-error.js";

function version(): string {
  const manifest = packageFile("package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

function usage(): string {
  const width = Math.max(...COMMAND_LIST.map((c) => c.name.length));
  const list = COMMAND_LIST.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return `usage: pybuf [COMMAND [ARGUMENTS]]

Binary files with Python struct formats, with CPython's results and error messages.
Without a command, a tour of the sample file bundled with pybuf.

commands:
${list}

pybuf COMMAND --help    the arguments of COMMAND
pybuf --version         the version of @pybuffer/cli`;
}

/**
 * The text of `pybuf --help` (`-h`, `help`) or `pybuf --version` (`-V`), or undefined for
 * any other command line.
 *
 * @example
 * ```ts
 * helpText(["--version"]); // "0.0.0"
 * helpText(["calcsize", "<h"]); // undefined
 * ```
 */
export function helpText([first, ...rest]: readonly string[]): string | undefined {
  if (first === "--help" || first === "-h" || (first === "help" && rest.length === 0)) {
    return usage();
  }
  if (first === "--version" || first === "-V") return version();
  return undefined;
}

/**
 * With `PYBUF_REPORT_RSS=1` in the environment, the peak resident memory on stderr (the
 * streaming tests use it); called as `pybuf` ends.
 */
export function reportPeakRss(): void {
  if (process.env.PYBUF_REPORT_RSS === "1") {
    process.stderr.write(`pybuf: peak RSS ${process.resourceUsage().maxRSS} KiB\n`);
  }
}

/**
 * Answers `pybuf ...argv` on stdout when it asks for the help or the version (then reports
 * the peak RSS, as every `pybuf` call does) and says whether it did; any other command line
 * is left to the CLI.
 *
 * @example
 * ```ts
 * if (!answerHelp(process.argv.slice(2))) await import("./main.js");
 * ```
 */
export function answerHelp(argv: readonly string[]): boolean {
  const text = helpText(argv);
  if (text === undefined) return false;
  // Output that cannot be written ends pybuf with one line, as any command's does.
  endOnWriteError(process.stdout);
  process.stdout.write(`${text}\n`);
  reportPeakRss();
  return true;
}
