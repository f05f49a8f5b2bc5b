/**
 * Every `pybuf` call but `--help` and `--version` (`help.ts`): the sample tour, or one
 * command, its module loaded now. Output goes through a `LineWriter`; a failure becomes
 * one line on stderr and the exit status `fail.ts` gives it.
 */
import { parseCommandArgs } from "./args.js";
import type { CommandEntry } from "./command.js";
import { LineWriter } from "./output.js";
import { usageError } from "./usage-error.js";

async function dispatch(
  argv: readonly string[],
  commands: readonly CommandEntry[],
  out: LineWriter,
): Promise<void> {
  const [first, ...rest] = argv;
  if (first === undefined) return (await import("./commands/sample.js")).runSample(out);
  const name = first === "help" ? rest[0] : first;
  const entry = commands.find((c) => c.name === name);
  if (entry === undefined) throw usageError("", `unknown command '${name}'`);
  const command = await entry.load();
  if (first === "help") return out.line(command.help);
  const args = parseCommandArgs(command.name, rest, command.options);
  if (args.values.help === true) return out.line(command.help);
  await command.run(args, out);
}

/**
 * Runs `pybuf ...argv` to its end, setting `process.exitCode` when it fails. `commands` is
 * main.ts's list (handed over, so that the list is built into main.js alone).
 *
 * @example
 * ```ts
 * await run(["calcsize", "<bq"], COMMANDS); // prints 9
 * ```
 */
export async function run(
  argv: readonly string[],
  commands: readonly CommandEntry[],
): Promise<void> {
  const out = new LineWriter(process.stdout);
  try {
    await dispatch(argv, commands, out);
    await out.end();
  } catch (error) {
    await out.end();
    // fail.ts names errors with @pybuffer/struct's help: loaded only when one happens.
    const { describeError } = await import("./fail.js");
    const { line, status } = describeError(error);
    process.stderr.write(`${line}\n`);
    process.exitCode = status;
  }
}
