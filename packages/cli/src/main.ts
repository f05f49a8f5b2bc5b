#!/usr/bin/env node
/**
 * `pybuf`: the pybuffer command line. With no arguments it tours the sample file bundled
 * with it; otherwise `pybuf COMMAND …` (see `pybuf --help`). Every failure is one line on
 * stderr and a non-zero exit (`fail.ts`). With `PYBUF_REPORT_RSS=1` in the environment,
 * the peak resident memory is printed on stderr at exit (the streaming tests use it).
 */
import { readFileSync } from "node:fs";
import { parseCommandArgs } from "./args.js";
import { COMMANDS } from "./commands/index.js";
import { LineWriter } from "./output.js";
import { packageFile } from "./package-file.js";
import { usageError } from "./usage-error.js";

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

async function main(argv: readonly string[], out: LineWriter): Promise<void> {
  const [first, ...rest] = argv;
  // The engine (struct, memoryview, …) loads with the command that needs it, not before.
  if (first === undefined) return (await import("./commands/sample.js")).runSample(out);
  if (first === "--help" || first === "-h" || (first === "help" && rest.length === 0)) {
    return out.line(usage());
  }
  if (first === "--version" || first === "-V") return out.line(version());
  const name = first === "help" ? rest[0] : first;
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry === undefined) throw usageError("", `unknown command '${name}'`);
  const command = await entry.load();
  if (first === "help") return out.line(command.help);
  const args = parseCommandArgs(command.name, rest, command.options);
  if (args.values.help === true) return out.line(command.help);
  await command.run(args, out);
}

const out = new LineWriter(process.stdout);
try {
  await main(process.argv.slice(2), out);
  await out.end();
} catch (error) {
  await out.end();
  const { describeError } = await import("./fail.js");
  const { line, status } = describeError(error);
  process.stderr.write(`${line}\n`);
  process.exitCode = status;
}
if (process.env.PYBUF_REPORT_RSS === "1") {
  process.stderr.write(`pybuf: peak RSS ${process.resourceUsage().maxRSS} KiB\n`);
}
