/**
 * `pybuf pack FORMAT VALUE…`: Python's `struct.pack(FORMAT, *values)`, printed as
 * `.hex()` or written to a file with `-o`.
 */
import { parseFormat, Struct } from "@pybuffer/struct";
import { positionals, stringOption } from "../args.js";
import { ABI_OPTION, type Command, structOptions } from "../command.js";
import { parseValue } from "../parse-value.js";
import { valuesOf } from "../values.js";
import { writeWhole } from "../write-file.js";

/**
 * The `pack` command.
 *
 * @example
 * ```sh
 * pybuf pack '<hd?3s' -2 1.5 True ab     # feff000000000000f83f01616200
 * pybuf pack '<I' 7 -o seven.bin
 * ```
 */
export const packCommand: Command = {
  name: "pack",
  help: `usage: pybuf pack FORMAT [VALUE ...] [-o FILE] [--abi ABI]

Prints struct.pack(FORMAT, *values).hex(), or writes the bytes to FILE with -o (whole
or not at all: a failed write leaves FILE as it was).
Values are read as Python reads text: int(v, 0) for integer codes (0x10, -2, 1_000),
float(v) for e f d (1.5, -inf, nan), True/False/1/0 for ?, a bytes literal for c s p
(ab, \\x00\\xff, b'RIFF'), complex(v) for Zf Zd (1+2j), JSON for records and sub-arrays.

options:
  -o, --output FILE   write the bytes to FILE instead of printing hex
  --abi ABI           the C ABI of native mode: lp64 (default), llp64, wasm32`,
  options: { ...ABI_OPTION, output: { type: "string", short: "o" } },
  async run(args, out) {
    const [format, ...texts] = positionals("pack", args, ["FORMAT"], true);
    const options = structOptions("pack", args);
    const infos = valuesOf(parseFormat(format!, options));
    // Extra values stay text, so that pack reports the count as CPython does.
    const values = texts.map((t, i) => (infos[i] === undefined ? t : parseValue(t, infos[i])));
    const bytes = new Struct(format!, options).pack(...values);
    const file = stringOption(args, "output");
    if (file === undefined)
      out.line(Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(""));
    else await writeWhole(file, bytes);
  },
};
