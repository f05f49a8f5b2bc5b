/**
 * Colour for terminals only: ANSI codes when stdout is a TTY and `NO_COLOR` does not ask
 * otherwise (`FORCE_COLOR` forces them, for tests); plain text in pipes and files.
 */

const PALETTE = [31, 32, 33, 34, 35, 36, 91, 92, 93, 94, 95, 96] as const;

/** Text painters, identity functions when colour is off. */
export interface Painter {
  readonly enabled: boolean;
  /** The `n`-th field's colour (cycling through 12). */
  field(n: number, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/**
 * Whether stdout gets colour.
 *
 * @example
 * ```ts
 * const paint = painter(colourWanted());
 * paint.bold("offset");
 * ```
 */
export function colourWanted(stream: { isTTY?: boolean } = process.stdout): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}

/**
 * A painter that colours only when `enabled`.
 *
 * @example
 * ```ts
 * painter(true).dim("padding"); // "\x1b[2mpadding\x1b[22m"
 * ```
 */
export function painter(enabled: boolean): Painter {
  const sgr = (on: number, off: number) => (text: string) =>
    enabled ? `\x1b[${on}m${text}\x1b[${off}m` : text;
  return {
    enabled,
    field: (n, text) => sgr(PALETTE[n % PALETTE.length]!, 39)(text),
    dim: sgr(2, 22),
    bold: sgr(1, 22),
  };
}
