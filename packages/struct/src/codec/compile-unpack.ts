/**
 * The unpack half of the code generator: one `DataView` read per inlined scalar,
 * straight-line, for `unpack` (one struct) and `columns` (many structs into columns);
 * the interpreter's loops where code generation is not allowed or the layout is too big.
 */
import { Emitter, GETTERS, generates } from "./emit.js";
import { float16Value } from "./float16.js";
import { interpretUnpack, readNode } from "./interpret.js";
import { LEAF, type Node, type Program } from "./ir.js";
import * as K from "./kinds.js";
import { readLeaf } from "./leaf.js";

/** Unpack one struct at byte `off`. */
export type Unpacker = (dv: DataView, off: number) => unknown[];
/** Fill `cols[j][i]` for value `j` of struct `i`, for `n` consecutive structs from byte 0. */
export type ColumnsDecoder = (
  dv: DataView,
  n: number,
  cols: readonly { [i: number]: unknown }[],
) => void;

/** A generated function and its source (`null`: the interpreter's). */
export interface Generated<F> {
  readonly fn: F;
  readonly source: string | null;
}

function readHelpers(): Record<string, unknown> {
  return {
    R: readLeaf,
    RN: readNode,
    F16V: float16Value,
  };
}

/** Expression reading the node whose parent starts at `base`. */
function read(e: Emitter, node: Node, base: string): string {
  if (node.t !== LEAF) return `RN(${e.nodeRef(node)}, dv, ${base})`;
  const { op } = node;
  const at = `${base} + ${node.off}`;
  const le = op.le ? "true" : "false";
  const getter = GETTERS[op.kind];
  if (getter !== undefined) return `dv.${getter}(${at}, ${le})`;
  switch (op.kind) {
    case K.I64:
    case K.U64:
      if (op.int64 !== null) return op.int64.inline(e, op, base, node.off);
      return op.kind === K.I64 ? `dv.getBigInt64(${at}, ${le})` : `dv.getBigUint64(${at}, ${le})`;
    case K.F16:
      return `F16V(dv.getUint16(${at}, ${le}))`;
    case K.BOOL:
      return `dv.getUint8(${at}) !== 0`;
    default:
      return `R(${e.opRef(op)}, dv, ${at})`;
  }
}

/** One read expression per value of a struct at `o`. */
function reads(e: Emitter, program: Program): string[] {
  const out: string[] = [];
  for (const item of program.items) {
    for (let r = 0; r < item.repeat; r++) {
      out.push(read(e, item.node, r === 0 ? "o" : `o + ${r * item.stride}`));
    }
  }
  return out;
}

/**
 * The unpacker of a program: generated when allowed and small enough, else the interpreter.
 *
 * @example
 * compileUnpack(program, true).fn(dv, 0); // [1, 2]
 */
export function compileUnpack(program: Program, codegen: boolean): Generated<Unpacker> {
  if (!generates(program.length, codegen)) {
    return { fn: (dv, off) => interpretUnpack(program, dv, off), source: null };
  }
  const e = new Emitter();
  const source = `return function unpack(dv, o) {\n  let h;\n  return [${reads(e, program).join(",\n    ")}];\n};`;
  return { fn: e.build(source, readHelpers()) as Unpacker, source };
}

/**
 * The column decoder of a program (see {@link ColumnsDecoder}).
 *
 * @example
 * compileColumns(program, true).fn(dv, 3, cols);
 */
export function compileColumns(program: Program, codegen: boolean): Generated<ColumnsDecoder> {
  const size = program.size;
  if (!generates(program.length, codegen)) {
    const fn: ColumnsDecoder = (dv, n, cols) => {
      for (let i = 0, o = 0; i < n; i++, o += size) {
        let j = 0;
        for (const item of program.items) {
          for (let r = 0; r < item.repeat; r++) {
            cols[j++]![i] = readNode(item.node, dv, o + r * item.stride);
          }
        }
      }
    };
    return { fn, source: null };
  }
  const e = new Emitter();
  const values = reads(e, program);
  const decl = values.map((_, j) => `c${j} = C[${j}]`).join(", ");
  const body = values.map((x, j) => `c${j}[i] = ${x};`).join("\n    ");
  const source =
    `return function columns(dv, n, C) {\n  let h;\n  ${values.length > 0 ? `const ${decl};` : ""}\n` +
    `  for (let i = 0, o = 0; i < n; i++, o += ${size}) {\n    ${body}\n  }\n};`;
  return { fn: e.build(source, readHelpers()) as ColumnsDecoder, source };
}
