/** `pybuf calcsize FORMAT`: Python's `struct.calcsize(FORMAT)`. */
import { calcSize } from "@pybuffer/struct";
import { positionals } from "../args.js";
import { ABI_OPTION, type Command, structOptions } from "../command.js";

/**
 * The `calcsize` command.
 *
 * @example
 * ```sh
 * pybuf calcsize '@bq'            # 16
 * pybuf calcsize l --abi llp64    # 4
 * ```
 */
export const calcsizeCommand: Command = {
  name: "calcsize",
  help: `usage: pybuf calcsize FORMAT [--abi lp64|llp64|wasm32]

Prints struct.calcsize(FORMAT): the bytes one record of FORMAT takes.

options:
  --abi ABI   the C ABI of native mode (@, ^ or no prefix): lp64 (default), llp64, wasm32`,
  options: ABI_OPTION,
  async run(args, out) {
    const [format] = positionals("calcsize", args, ["FORMAT"]);
    out.line(String(calcSize(format!, structOptions("calcsize", args))));
  },
};
