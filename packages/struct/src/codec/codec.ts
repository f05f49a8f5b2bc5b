/**
 * A codec: the four entry points a `Struct` calls, each produced either by the code
 * generator or by the interpreter from the same program (`compile-unpack.ts`,
 * `compile-pack.ts`).
 */
import type { ManyPacker, Packer } from "./compile-pack.js";
import type { ColumnsDecoder, Unpacker } from "./compile-unpack.js";

/** The compiled entry points of one layout. */
export interface Codec {
  /** Unpack one struct at byte `off`. */
  readonly unpack: Unpacker;
  /** Pack `args[start…]` into the zeroed struct at byte `off`. */
  readonly pack: Packer;
  /** Pack `rows[i]` at byte `start + i * size` of `dv` (zeroed beforehand), for `n` rows. */
  readonly packMany: ManyPacker;
  /** Fill `cols[j][i]` for value `j` of struct `i`, for `n` consecutive structs from byte 0. */
  readonly columns: ColumnsDecoder;
  /** The generated source (for tests), or `null` for the interpreter. */
  readonly source: string | null;
}
