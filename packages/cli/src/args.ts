/**
 * The command line of one `pybuf` command: options from a small spec, everything else
 * positional. Unlike `util.parseArgs`, a token such as `-2`, `-1.5`, `-inf` or `-nan`
 * is a value (a negative number for `pybuf pack`), not an option.
 */
import { usageError } from "./usage-error.js";

/** One option: whether it takes a value, and its one-letter alias. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
}

/** The parsed command line: option values by long name, then the positionals. */
export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean>>;
  readonly positionals: readonly string[];
}

const NEGATIVE_VALUE = /^-(\d|\.\d|inf|nan)/i;

/**
 * Parses `argv` for `command` against `spec`; `--help`/`-h` is always accepted.
 *
 * @example
 * ```ts
 * parseCommandArgs("pack", ["<h", "-2", "-o", "x.bin"], { output: { type: "string", short: "o" } });
 * // { values: { output: "x.bin" }, positionals: ["<h", "-2"] }
 * ```
 */
export function parseCommandArgs(
  command: string,
  argv: readonly string[],
  spec: Readonly<Record<string, OptionSpec>>,
): ParsedArgs {
  const options: Record<string, OptionSpec> = { help: { type: "boolean", short: "h" }, ...spec };
  const byShort = new Map<string, string>();
  for (const [name, option] of Object.entries(options)) {
    if (option.short !== undefined) byShort.set(option.short, name);
  }
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith("-") || token === "-" || NEGATIVE_VALUE.test(token)) {
      positionals.push(token);
      continue;
    }
    const long = token.startsWith("--");
    const eq = long ? token.indexOf("=") : -1;
    const key = long ? token.slice(2, eq < 0 ? undefined : eq) : token.slice(1);
    const name = long ? key : byShort.get(key);
    const option = name === undefined ? undefined : options[name];
    if (name === undefined || option === undefined) {
      throw usageError(command, `unknown option '${token}'`);
    }
    if (option.type === "boolean") {
      if (eq >= 0) throw usageError(command, `option '--${name}' takes no value`);
      values[name] = true;
    } else if (eq >= 0) {
      values[name] = token.slice(eq + 1);
    } else {
      const value = argv[i + 1];
      if (value === undefined) throw usageError(command, `option '${token}' needs a value`);
      values[name] = value;
      i++;
    }
  }
  return { values, positionals };
}

/**
 * A string option's value, or `undefined`.
 *
 * @example
 * ```ts
 * stringOption({ values: { sep: ":" }, positionals: [] }, "sep"); // ":"
 * ```
 */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * An integer option (`--offset 16`, `--count 0x10`), checked against `min`.
 *
 * @example
 * ```ts
 * intOption("unpack", { values: { count: "3" }, positionals: [] }, "count", 0); // 3
 * ```
 */
export function intOption(
  command: string,
  args: ParsedArgs,
  name: string,
  min: number,
): number | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const value = /^[+-]?(\d+|0x[\da-f]+)$/i.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    const what = min === 0 ? "a non-negative integer" : `an integer >= ${min}`;
    throw usageError(command, `--${name} must be ${what}, not '${text}'`);
  }
  return value;
}

/**
 * The positionals, checked to be between `min` and `max` in number.
 *
 * @example
 * ```ts
 * positionals("hex", { values: {}, positionals: ["a.bin"] }, ["FILE"]); // ["a.bin"]
 * ```
 */
export function positionals(
  command: string,
  args: ParsedArgs,
  names: readonly string[],
  variadic = false,
): readonly string[] {
  const given = args.positionals;
  if (given.length < names.length) {
    throw usageError(command, `missing ${names.slice(given.length).join(" ")}`);
  }
  if (!variadic && given.length > names.length) {
    throw usageError(command, `unexpected argument '${given[names.length]}'`);
  }
  return given;
}
