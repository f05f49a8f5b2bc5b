/**
 * Validation of `StructOptions`.
 */

import { ValueError } from "./errors.js";
import { pyTypeName } from "./py-types.js";
import { type TextEncoding, textEncoding } from "./text-codec.js";
import type { Abi, StructOptions } from "./types.js";

/** Options with every default filled in. */
export interface ResolvedOptions {
  readonly abi: Abi;
  readonly codegen: boolean;
  readonly int64Number: boolean;
  /** The `encoding` option's canonical name, or `null`. */
  readonly encoding: TextEncoding | null;
}

const DEFAULTS: ResolvedOptions = {
  abi: "lp64",
  codegen: true,
  int64Number: false,
  encoding: null,
};

/** An option value in a message: a string quoted, anything else by its Python type name. */
function shown(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : `of type '${pyTypeName(value)}'`;
}

/**
 * Check options and fill in the defaults.
 *
 * @example
 * resolveOptions({ abi: "wasm32" }).codegen; // true
 */
export function resolveOptions(opts: StructOptions | undefined): ResolvedOptions {
  if (opts === undefined) return DEFAULTS;
  if (typeof opts !== "object" || opts === null) {
    throw new TypeError("struct options must be an object");
  }
  const { abi = "lp64", codegen = true, int64 = "bigint" } = opts;
  if (abi !== "lp64" && abi !== "llp64" && abi !== "wasm32") {
    throw new ValueError(`unknown abi ${shown(abi)} (expected "lp64", "llp64" or "wasm32")`);
  }
  if (int64 !== "bigint" && int64 !== "number") {
    throw new ValueError(`unknown int64 option ${shown(int64)} (expected "bigint" or "number")`);
  }
  if (typeof codegen !== "boolean") throw new TypeError("the codegen option must be a boolean");
  const encoding = opts.encoding === undefined ? null : textEncoding(opts.encoding);
  return { abi, codegen, int64Number: int64 === "number", encoding };
}
