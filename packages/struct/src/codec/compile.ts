/**
 * The code generator: turns a program into straight-line JavaScript (one
 * `DataView` call per scalar, no loops, no per-field dispatch). Only numbers and
 * fixed identifiers go into the source: names, codes and every other piece of
 * user text stay in the closure arrays `O` (ops) and `N` (nodes). Layouts too big
 * to unroll, and environments that forbid `new Function` (CSP), get the
 * interpreter. The unpack and pack halves live apart (`compile-unpack.ts`,
 * `compile-pack.ts`) so that a bundle pays only for the half it calls.
 */
import type { Codec } from "./codec.js";
import { compilePack, compilePackMany } from "./compile-pack.js";
import { compileColumns, compileUnpack } from "./compile-unpack.js";
import type { Program } from "./ir.js";

export { canGenerateCode, MAX_UNROLL } from "./emit.js";

/**
 * The whole codec of a program: generated code when allowed and small enough, else
 * the interpreter.
 *
 * @example
 * compileCodec(program, true).source; // "return function unpack(dv, o) …"
 */
export function compileCodec(program: Program, codegen: boolean): Codec {
  const unpack = compileUnpack(program, codegen);
  const pack = compilePack(program, codegen);
  const packMany = compilePackMany(program, codegen);
  const columns = compileColumns(program, codegen);
  return {
    unpack: unpack.fn,
    pack: pack.fn,
    packMany: packMany.fn,
    columns: columns.fn,
    source:
      unpack.source === null
        ? null
        : `${unpack.source}\n${pack.source}\n${packMany.source}\n${columns.source}`,
  };
}
