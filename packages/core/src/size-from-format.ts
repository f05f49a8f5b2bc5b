/** `PyBuffer_SizeFromFormat`: the item size a struct format describes. */
import { type Abi, calcSize } from "@pybuffer/struct";

/**
 * `PyBuffer_SizeFromFormat(format)`: `struct.calcsize(format)`, with native mode
 * following `abi` (default `lp64`). Errors are the struct module's (`StructError:
 * bad char in struct format`); `''` gives 0.
 *
 * @example
 * sizeFromFormat("xi"); // 8
 * sizeFromFormat("P", "wasm32"); // 4
 */
export function sizeFromFormat(format: string, abi: Abi = "lp64"): number {
  if (typeof format !== "string") {
    throw new TypeError(`sizeFromFormat() argument must be str, not '${typeof format}'`);
  }
  return calcSize(format, { abi });
}
