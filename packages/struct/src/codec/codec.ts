/**
 * A codec: the three entry points every `Struct` calls, produced either by the
 * code generator or by the interpreter from the same program.
 */

import { StructError } from "../errors.js";
import { pyTypeName } from "../py-types.js";
import { interpretPack, interpretUnpack, readNode } from "./interpret.js";
import type { Program } from "./ir.js";

/** The compiled entry points of one layout. */
export interface Codec {
  /** Unpack one struct at byte `off`. */
  readonly unpack: (dv: DataView, off: number) => unknown[];
  /** Pack `args[start…]` into the zeroed struct at byte `off`. */
  readonly pack: (dv: DataView, off: number, args: readonly unknown[], start: number) => void;
  /** Pack `rows[i]` at byte `start + i * size` of `dv` (zeroed beforehand), for `n` rows. */
  readonly packMany: (dv: DataView, rows: readonly unknown[], n: number, start: number) => void;
  /** Fill `cols[j][i]` for value `j` of struct `i`, for `n` consecutive structs from byte 0. */
  readonly columns: (dv: DataView, n: number, cols: readonly { [i: number]: unknown }[]) => void;
  /** The generated source (for tests), or `null` for the interpreter. */
  readonly source: string | null;
}

/**
 * One row of `packMany`: an array of exactly `length` values.
 *
 * @example
 * checkRow([1, 2], 2);
 */
export function checkRow(row: unknown, length: number): readonly unknown[] {
  if (!Array.isArray(row)) {
    throw new TypeError(`packMany expects each row to be an array, not ${pyTypeName(row)}`);
  }
  if (row.length !== length) {
    throw new StructError(`pack expected ${length} items for packing (got ${row.length})`);
  }
  return row;
}

/**
 * The interpreter's codec.
 *
 * @example
 * interpreterCodec(program).unpack(dv, 0);
 */
export function interpreterCodec(program: Program): Codec {
  const size = program.size;
  return {
    unpack: (dv, off) => interpretUnpack(program, dv, off),
    pack: (dv, off, args, start) => interpretPack(program, dv, off, args, start),
    packMany: (dv, rows, n, start) => {
      for (let i = 0; i < n; i++) {
        interpretPack(program, dv, start + i * size, checkRow(rows[i], program.length), 0);
      }
    },
    columns: (dv, n, cols) => {
      for (let i = 0, o = 0; i < n; i++, o += size) {
        let j = 0;
        for (const item of program.items) {
          for (let r = 0; r < item.repeat; r++) {
            cols[j++]![i] = readNode(item.node, dv, o + r * item.stride);
          }
        }
      }
    },
    source: null,
  };
}
