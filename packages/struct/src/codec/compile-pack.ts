/**
 * The pack half of the code generator: per scalar an inline type and range test, the
 * `DataView` write, and a call to the checked converter only when the test fails;
 * straight-line for `pack` (one struct) and `packMany` (rows); the interpreter's
 * loops where code generation is not allowed or the layout is too big.
 */
import { StructError } from "../errors.js";
import { pyTypeName } from "../py-types.js";
import type { Generated } from "./compile-unpack.js";
import { bigInt, smallInt, toFloat } from "./convert.js";
import { Emitter, GETTERS, generates } from "./emit.js";
import { interpretPack, writeNode } from "./interpret.js";
import { LEAF, type Node, type Program } from "./ir.js";
import * as K from "./kinds.js";
import { writeLeaf } from "./leaf.js";

/** Pack `args[start…]` into the zeroed struct at byte `off`. */
export type Packer = (dv: DataView, off: number, args: readonly unknown[], start: number) => void;
/** Pack `rows[i]` at byte `start + i * size` of `dv` (zeroed beforehand), for `n` rows. */
export type ManyPacker = (dv: DataView, rows: readonly unknown[], n: number, start: number) => void;

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
 * Statements converting `v` and writing it for the node whose parent starts at `base`.
 * Every converter call also gets `dv`, the value's offset and the struct's end `end`,
 * last: the guarded helpers need them, the plain ones ignore them.
 */
function write(e: Emitter, node: Node, base: string, end: string): string {
  if (node.t !== LEAF) return `WN(${e.nodeRef(node)}, dv, ${base}, v);`;
  const { op } = node;
  const at = `${base} + ${node.off}`;
  const where = `dv, ${at}, ${end}`;
  const le = op.le ? "true" : "false";
  switch (op.kind) {
    case K.I8:
    case K.U8:
    case K.I16:
    case K.U16:
    case K.I32:
    case K.U32: {
      // Integer and range test without `%` (a float modulus): `| 0` and `>>> 0`
      // keep only 32-bit integers.
      const int = op.kind === K.U32 ? "(v >>> 0) !== v" : "(v | 0) !== v";
      const range = op.size < 4 ? ` || v < ${op.lo} || v > ${op.hi}` : "";
      const check = `typeof v !== "number" || ${int}${range}`;
      const set = GETTERS[op.kind]!.replace("get", "set");
      return `if (${check}) v = SI(${e.opRef(op)}, v, ${where}); dv.${set}(${at}, v, ${le});`;
    }
    case K.I64:
    case K.U64: {
      const set = op.kind === K.I64 ? "setBigInt64" : "setBigUint64";
      const ok = `typeof v === "bigint" && v >= ${op.lo}n && v <= ${op.hi}n`;
      return `dv.${set}(${at}, ${ok} ? v : BI(${e.opRef(op)}, v, ${where}), ${le});`;
    }
    case K.F64:
      return `dv.setFloat64(${at}, typeof v === "number" ? v : TF(v, ${where}), ${le});`;
    case K.F32:
      if (op.std) return `W(${e.opRef(op)}, dv, ${at}, v, ${where});`;
      return `dv.setFloat32(${at}, typeof v === "number" ? v : TF(v, ${where}), ${le});`;
    default:
      return `W(${e.opRef(op)}, dv, ${at}, v, ${where});`;
  }
}

/** One write per value of a struct at `o`, the value read by `value(j)`. */
function writes(
  e: Emitter,
  program: Program,
  value: (j: number) => string,
  indent: string,
): string {
  const out: string[] = [];
  const end = `o + ${program.size}`;
  for (const item of program.items) {
    for (let r = 0; r < item.repeat; r++) {
      const w = write(e, item.node, r === 0 ? "o" : `o + ${r * item.stride}`, end);
      out.push(`v = ${value(out.length)};\n${indent}${w}`);
    }
  }
  return out.join(`\n${indent}`);
}

function writeHelpers(): Record<string, unknown> {
  return { W: writeLeaf, WN: writeNode, SI: smallInt, BI: bigInt, TF: toFloat, ROW: checkRow };
}

/**
 * The helpers of the guarded packer: a conversion that fails zeroes the struct from the
 * failing value on, then throws, so the bytes are those of CPython's `pack_into` (the
 * values before the failing one written, the rest zero) with no `try` around the
 * generated code (a `try` there costs the engine its escape analysis of the
 * arguments array: bench pack-IHHd, `Struct.packInto loop`).
 */
function guardedHelpers(): Record<string, unknown> {
  // Every converter call passes `dv`, the value's offset and the struct's end last.
  const guard =
    (convert: (...args: never[]) => unknown) =>
    (...args: unknown[]): unknown => {
      try {
        return convert(...(args as never[]));
      } catch (e) {
        const [dv, at, end] = args.slice(-3) as [DataView, number, number];
        new Uint8Array(dv.buffer, dv.byteOffset + at, end - at).fill(0);
        throw e;
      }
    };
  return {
    ...writeHelpers(),
    SI: guard(smallInt),
    BI: guard(bigInt),
    TF: guard(toFloat),
    W: guard(writeLeaf),
  };
}

/** Kinds whose conversion never runs user code (no getter, no proxy trap can detach the target). */
function convertsPlainly(kind: number): boolean {
  return kind <= K.F64 || kind === K.PTR;
}

/** A packer, and whether it is guarded (see {@link guardedHelpers}). */
export interface CompiledPacker extends Generated<Packer> {
  readonly guarded: boolean;
}

/**
 * The packer of a program: generated when allowed and small enough, else the interpreter.
 * Generated for a struct whose every value is a scalar converted without user code (so
 * the target cannot be detached or shrunk while packing), it is guarded: a conversion
 * that fails zeroes the rest of the struct before it throws.
 *
 * @example
 * compilePack(program, true).fn(dv, 0, [1, 2], 0);
 */
export function compilePack(program: Program, codegen: boolean): CompiledPacker {
  if (!generates(program.length, codegen)) {
    return {
      fn: (dv, off, args, start) => interpretPack(program, dv, off, args, start),
      source: null,
      guarded: false,
    };
  }
  const guarded = program.items.every(
    ({ node }) => node.t === LEAF && convertsPlainly(node.op.kind),
  );
  const e = new Emitter();
  const source = `return function pack(dv, o, a, s) {\n  let v;\n  ${writes(e, program, (j) => `a[s + ${j}]`, "  ")}\n};`;
  const fn = e.build(source, guarded ? guardedHelpers() : writeHelpers()) as Packer;
  return { fn, source, guarded };
}

/**
 * The many-rows packer of a program (see {@link ManyPacker}).
 *
 * @example
 * compilePackMany(program, true).fn(dv, [[1, 2]], 1, 0);
 */
export function compilePackMany(program: Program, codegen: boolean): Generated<ManyPacker> {
  const { size, length } = program;
  if (!generates(length, codegen)) {
    const fn: ManyPacker = (dv, rows, n, start) => {
      for (let i = 0; i < n; i++) {
        interpretPack(program, dv, start + i * size, checkRow(rows[i], length), 0);
      }
    };
    return { fn, source: null };
  }
  const e = new Emitter();
  const source =
    `return function packMany(dv, rows, n, o) {\n  let v, a;\n` +
    `  for (let i = 0; i < n; i++, o += ${size}) {\n` +
    `    a = rows[i];\n    if (!Array.isArray(a) || a.length !== ${length}) a = ROW(a, ${length});\n` +
    `    ${writes(e, program, (j) => `a[${j}]`, "    ")}\n  }\n};`;
  return { fn: e.build(source, writeHelpers()) as ManyPacker, source };
}
