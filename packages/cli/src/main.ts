#!/usr/bin/env node
/**
 * `pybuf`: the pybuffer command line. With no arguments it tours the sample file bundled
 * with it; otherwise `pybuf COMMAND …` (see `pybuf --help`). Every failure is one line on
 * stderr and a non-zero exit (`fail.ts`). With `PYBUF_REPORT_RSS=1` in the environment,
 * the peak resident memory is printed on stderr at exit (the streaming tests use it).
 *
 * `pybuf --help` and `pybuf --version` are answered here, from this module and the command
 * list alone, so they start about as fast as `node` does (issue #20); everything else
 * loads `run.ts`, and the commands load the engine (`@pybuffer/struct`, …) they use.
 */
import { readFileSync } from "node:fs";
import { COMMANDS } from "./commands/index.js";
import { packageFile } from "./package-file.js";

function version(): string {
  const manifest = packageFile("package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n");
  return `usage: pybuf [COMMAND [ARGUMENTS]]

Binary files with Python struct formats, with CPython's results and error messages.
Without a command, a tour of the sample file bundled with pybuf.

commands:
${list}

pybuf COMMAND --help    the arguments of COMMAND
pybuf --version         the version of @pybuffer/cli`;
}

/** The text of `pybuf --help` or `pybuf --version`, or undefined for anything else. */
function answer([first, ...rest]: readonly string[]): string | undefined {
  if (first === "--help" || first === "-h" || (first === "help" && rest.length === 0)) {
    return usage();
  }
  if (first === "--version" || first === "-V") return version();
  return undefined;
}

const argv = process.argv.slice(2);
const text = answer(argv);
if (text === undefined) await (await import("./run.js")).run(argv, COMMANDS);
else process.stdout.write(`${text}\n`);
if (process.env.PYBUF_REPORT_RSS === "1") {
  process.stderr.write(`pybuf: peak RSS ${process.resourceUsage().maxRSS} KiB\n`);
}
