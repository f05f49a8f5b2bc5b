/**
 * The unpack calls of `Struct` and of the module-level functions, on a compiled
 * format (`layout/layout-cache.ts`), with CPython's checks and messages. Kept apart
 * from the pack calls so that a bundle that only unpacks carries no pack code.
 */
import { dataViewOf, viewLength } from "./buffer-arg.js";
import { compileUnpack, type Unpacker } from "./codec/compile-unpack.js";
import { checkBudget } from "./codec/value-budget.js";
import { StructError } from "./errors.js";
import type { Compiled } from "./layout/layout-cache.js";
import { resolveOffset } from "./offsets.js";

/**
 * The unpacker of a compiled format, compiled on first use.
 *
 * @example
 * unpackerOf(c)(dv, 0); // [1, 2]
 */
export function unpackerOf(c: Compiled): Unpacker {
  c.unpack ??= compileUnpack(c.program, c.codegen).fn;
  return c.unpack;
}

/**
 * The value budget for `n` structs (see `codec/value-budget.ts`).
 *
 * @example
 * checkStructs(c, 1);
 */
export function checkStructs(c: Compiled, n: number): void {
  checkBudget(c.program.values, c.size, c.format.length, n);
}

/**
 * CPython's error for a method called without its one argument.
 *
 * @example
 * throw exactlyOne("Struct.unpack", 0);
 */
export function exactlyOne(name: string, given: number): TypeError {
  return new TypeError(`${name}() takes exactly one argument (${given} given)`);
}

/**
 * `Struct.unpack`: a buffer of exactly one struct.
 *
 * @example
 * unpackWhole(c, new Uint8Array([1, 0])); // [1]
 */
export function unpackWhole(c: Compiled, buffer: unknown): unknown[] {
  if (buffer === undefined) throw exactlyOne("Struct.unpack", 0);
  if (!c.single) checkStructs(c, 1);
  const dv = dataViewOf(buffer, false);
  if (viewLength !== c.size) {
    throw new StructError(`unpack requires a buffer of ${c.size} bytes`);
  }
  return (c.unpack ?? unpackerOf(c))(dv, 0);
}

/**
 * `Struct.unpack_from`: one struct at `offset` (negative: from the end).
 *
 * @example
 * unpackAt(c, new Uint8Array([9, 1, 0]), 1); // [1]
 */
export function unpackAt(c: Compiled, buffer: unknown, offset: unknown): unknown[] {
  if (buffer === undefined) {
    throw new TypeError("unpack_from() missing required argument 'buffer' (pos 1)");
  }
  if (!c.single) checkStructs(c, 1);
  const dv = dataViewOf(buffer, false);
  const off = resolveOffset(offset, c.size, viewLength, "unpack", c.abi);
  return (c.unpack ?? unpackerOf(c))(dv, off);
}

/**
 * The buffer of an iterative unpack (`iter_unpack`'s checks): a whole number of
 * structs, within the value budget.
 *
 * @example
 * wholeStructs(c, new Uint8Array(4)).byteLength; // 4
 */
export function wholeStructs(c: Compiled, buffer: unknown): DataView {
  const { size } = c;
  if (size === 0) {
    throw new StructError("cannot iteratively unpack with a struct of length 0");
  }
  const dv = dataViewOf(buffer, false);
  if (viewLength % size !== 0) {
    throw new StructError(`iterative unpacking requires a buffer of a multiple of ${size} bytes`);
  }
  // All structs of the buffer: what a full iteration builds.
  checkStructs(c, viewLength / size);
  return dv;
}

/**
 * Every struct of a buffer as an array of tuples (`list(iter_unpack(buffer))`).
 *
 * @example
 * unpackAll(c, new Uint8Array([1, 0, 2, 0])); // [[1], [2]]
 */
export function unpackAll(c: Compiled, buffer: unknown): unknown[][] {
  if (buffer === undefined) throw exactlyOne("Struct.iter_unpack", 0);
  const dv = wholeStructs(c, buffer);
  const { size } = c;
  const count = dv.byteLength / size;
  const unpack = c.unpack ?? unpackerOf(c);
  const rows: unknown[][] = new Array(count);
  for (let i = 0; i < count; i++) rows[i] = unpack(dv, i * size);
  return rows;
}
