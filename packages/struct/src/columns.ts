/**
 * Columnar bulk decode (`unpackColumns`): one column per value position, a typed
 * array for numeric codes, a plain array otherwise.
 */
import type { Codec } from "./codec/codec.js";
import { LEAF, type Program } from "./codec/ir.js";
import { K } from "./codec/ops.js";
import type { Column } from "./types.js";

type ColumnCtor = new (n: number) => Column;

/** `e` columns: the runtime's `Float16Array` (Node 24+, current browsers), else Float32Array. */
const F16_COLUMN =
  (globalThis as { Float16Array?: ColumnCtor }).Float16Array ?? (Float32Array as ColumnCtor);

const CTORS: Record<number, ColumnCtor> = {
  [K.I8]: Int8Array,
  [K.U8]: Uint8Array,
  [K.I16]: Int16Array,
  [K.U16]: Uint16Array,
  [K.I32]: Int32Array,
  [K.U32]: Uint32Array,
  [K.I64]: BigInt64Array,
  [K.U64]: BigUint64Array,
  [K.F16]: F16_COLUMN,
  [K.F32]: Float32Array,
  [K.F64]: Float64Array,
};

function columnFor(program: Program["items"][number], n: number): Column {
  const node = program.node;
  if (node.t !== LEAF) return new Array<unknown>(n);
  const { op } = node;
  let kind = op.kind;
  if (kind === K.PTR) kind = op.size === 4 ? K.U32 : K.U64;
  if ((kind === K.I64 || kind === K.U64) && op.int64Number) return new Float64Array(n);
  const ctor = CTORS[kind];
  return ctor === undefined ? new Array<unknown>(n) : new ctor(n);
}

/**
 * Decode `n` consecutive structs of a program into columns.
 *
 * @example
 * decodeColumns(program, codec, dv, 3);
 */
export function decodeColumns(program: Program, codec: Codec, dv: DataView, n: number): Column[] {
  const cols: Column[] = [];
  for (const item of program.items) {
    for (let r = 0; r < item.repeat; r++) cols.push(columnFor(item, n));
  }
  if (n > 0) codec.columns(dv, n, cols as { [i: number]: unknown }[]);
  return cols;
}
