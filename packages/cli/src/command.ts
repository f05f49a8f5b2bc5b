/**
 * What every `pybuf` command is: a name, its `--help` text, its options and a function of
 * its arguments that writes to stdout; and how `pybuf --help` lists it without loading it.
 */
import type { StructOptions } from "@pybuffer/struct";
import { type OptionSpec, type ParsedArgs, stringOption } from "./args.js";
import type { CommandSummary } from "./commands/list.js";
import type { LineWriter } from "./output.js";
import { usageError } from "./usage-error.js";

/** One `pybuf` command. */
export interface Command {
  readonly name: string;
  readonly help: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  run(args: ParsedArgs, out: LineWriter): Promise<void>;
}

/**
 * A command as the command list names it: its module (and the engine it imports) loads
 * only when the command runs, so that `pybuf --help` starts as fast as `node` does.
 */
export interface CommandEntry extends CommandSummary {
  load(): Promise<Command>;
}

/** The `--abi` option every command that reads a format takes. */
export const ABI_OPTION: Readonly<Record<string, OptionSpec>> = { abi: { type: "string" } };

const ABIS = ["lp64", "llp64", "wasm32"] as const;

/**
 * The struct options from `--abi` (native mode's C ABI; default `lp64`).
 *
 * @example
 * ```ts
 * structOptions("calcsize", { values: { abi: "wasm32" }, positionals: [] }); // { abi: "wasm32" }
 * ```
 */
export function structOptions(command: string, args: ParsedArgs): StructOptions {
  const abi = stringOption(args, "abi");
  if (abi === undefined) return {};
  const found = ABIS.find((a) => a === abi);
  if (found === undefined) {
    throw usageError(command, `--abi must be one of ${ABIS.join(", ")}, not '${abi}'`);
  }
  return { abi: found };
}
