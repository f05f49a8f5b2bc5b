/**
 * Columnar bulk decode (`unpackColumns`): one column per value position, a typed
 * array for numeric codes, a plain array otherwise.
 */
import { wholeStructs } from "./calls-unpack.js";
import { type ColumnsDecoder, compileColumns } from "./codec/compile-unpack.js";
import { LEAF, type Program } from "./codec/ir.js";
import * as K from "./codec/kinds.js";
import type { Compiled } from "./layout/layout-cache.js";
import type { Column } from "./types.js";

type ColumnCtor = new (n: number) => Column;

/** The typed array of a scalar kind's column, or `undefined` for a plain array. */
function ctorOf(kind: number): ColumnCtor | undefined {
  switch (kind) {
    case K.I8:
      return Int8Array;
    case K.U8:
      return Uint8Array;
    case K.I16:
      return Int16Array;
    case K.U16:
      return Uint16Array;
    case K.I32:
      return Int32Array;
    case K.U32:
      return Uint32Array;
    case K.I64:
      return BigInt64Array;
    case K.U64:
      return BigUint64Array;
    case K.F16:
      // The runtime's `Float16Array` (Node 24+, current browsers), else Float32Array.
      return (globalThis as { Float16Array?: ColumnCtor }).Float16Array ?? Float32Array;
    case K.F32:
      return Float32Array;
    case K.F64:
      return Float64Array;
    default:
      return undefined;
  }
}

function columnFor(program: Program["items"][number], n: number): Column {
  const node = program.node;
  if (node.t !== LEAF) return new Array<unknown>(n);
  const { op } = node;
  let kind = op.kind;
  if (kind === K.PTR) kind = op.size === 4 ? K.U32 : K.U64;
  if ((kind === K.I64 || kind === K.U64) && op.int64 !== null) return new Float64Array(n);
  const ctor = ctorOf(kind);
  return ctor === undefined ? new Array<unknown>(n) : new ctor(n);
}

/**
 * The column decoder of a compiled format, compiled on first use.
 *
 * @example
 * columnsOf(c)(dv, 3, cols);
 */
export function columnsOf(c: Compiled): ColumnsDecoder {
  c.columns ??= compileColumns(c.program, c.codegen).fn;
  return c.columns;
}

/**
 * `unpackColumns`: every struct of `buffer` decoded into one column per value position.
 *
 * @example
 * unpackColumnsOf(c, new Uint8Array(20)); // [Int16Array(2), Float64Array(2)]
 */
export function unpackColumnsOf(c: Compiled, buffer: unknown): Column[] {
  const dv = wholeStructs(c, buffer);
  const n = dv.byteLength / c.size;
  const cols: Column[] = [];
  for (const item of c.program.items) {
    for (let r = 0; r < item.repeat; r++) cols.push(columnFor(item, n));
  }
  if (n > 0) columnsOf(c)(dv, n, cols as { [i: number]: unknown }[]);
  return cols;
}
