/**
 * The code generator: turns a program into straight-line JavaScript (one
 * `DataView` call per scalar, no loops, no per-field dispatch). Only numbers and
 * fixed identifiers go into the source: names, codes and every other piece of
 * user text stay in the closure arrays `O` (ops) and `N` (nodes). Layouts too big
 * to unroll, and environments that forbid `new Function` (CSP), get the
 * interpreter.
 */

import { type Codec, checkRow, interpreterCodec } from "./codec.js";
import { bigInt, smallInt, toFloat } from "./convert.js";
import { float16Value } from "./float16.js";
import { readInt64Number, readUint64Number } from "./int64.js";
import { readNode, writeNode } from "./interpret.js";
import { LEAF, type Node, type Program } from "./ir.js";
import { readLeaf, writeLeaf } from "./leaf.js";
import { K, type Op } from "./ops.js";

/** Most values one struct may have for the generator to unroll it. */
export const MAX_UNROLL = 256;

let functionAllowed: boolean | undefined;

/**
 * Whether `new Function` works here (false under a CSP without `unsafe-eval`).
 *
 * @example
 * canGenerateCode(); // true in Node
 */
export function canGenerateCode(): boolean {
  if (functionAllowed === undefined) {
    try {
      functionAllowed = new Function("return 1")() === 1;
    } catch {
      functionAllowed = false;
    }
  }
  return functionAllowed;
}

const HELPERS = {
  R: readLeaf,
  W: writeLeaf,
  RN: readNode,
  WN: writeNode,
  SI: smallInt,
  BI: bigInt,
  TF: toFloat,
  F16V: float16Value,
  I64N: readInt64Number,
  U64N: readUint64Number,
  ROW: checkRow,
};
const HELPER_NAMES = Object.keys(HELPERS);
const HELPER_VALUES = Object.values(HELPERS);

const GETTERS: Record<number, string> = {
  [K.I8]: "getInt8",
  [K.U8]: "getUint8",
  [K.I16]: "getInt16",
  [K.U16]: "getUint16",
  [K.I32]: "getInt32",
  [K.U32]: "getUint32",
  [K.F32]: "getFloat32",
  [K.F64]: "getFloat64",
};

class Emitter {
  readonly ops: Op[] = [];
  readonly nodes: Node[] = [];

  opRef(op: Op): string {
    this.ops.push(op);
    return `O[${this.ops.length - 1}]`;
  }

  nodeRef(node: Node): string {
    this.nodes.push(node);
    return `N[${this.nodes.length - 1}]`;
  }

  /** Expression reading the node whose parent starts at `base`. */
  read(node: Node, base: string): string {
    if (node.t !== LEAF) return `RN(${this.nodeRef(node)}, dv, ${base})`;
    const { op } = node;
    const at = `${base} + ${node.off}`;
    const le = op.le ? "true" : "false";
    const getter = GETTERS[op.kind];
    if (getter !== undefined) return `dv.${getter}(${at}, ${le})`;
    switch (op.kind) {
      case K.I64:
      case K.U64:
        if (op.int64Number) return this.int64Number(op, base, node.off);
        return op.kind === K.I64 ? `dv.getBigInt64(${at}, ${le})` : `dv.getBigUint64(${at}, ${le})`;
      case K.F16:
        return `F16V(dv.getUint16(${at}, ${le}))`;
      case K.BOOL:
        return `dv.getUint8(${at}) !== 0`;
      default:
        return `R(${this.opRef(op)}, dv, ${at})`;
    }
  }

  /**
   * An exact-number read of an 8-byte integer: high half within ±(2^21 - 1) is
   * always safe and read inline; anything else goes to the checked helper
   * (bench unpack-qQ-safe 'Struct.iterUnpack, int64: "number"').
   */
  int64Number(op: Op, base: string, off: number): string {
    const le = op.le ? "true" : "false";
    const [lo, hi] = op.le ? [off, off + 4] : [off + 4, off];
    const signed = op.kind === K.I64;
    const fallback = `${signed ? "I64N" : "U64N"}(dv, ${base} + ${off}, ${le}, ${this.opRef(op)}.code)`;
    const high = `(h = dv.${signed ? "getInt32" : "getUint32"}(${base} + ${hi}, ${le}))`;
    const unsafe = signed ? `${high} > 2097151 || h < -2097151` : `${high} > 2097151`;
    return `(${unsafe} ? ${fallback} : h * 4294967296 + dv.getUint32(${base} + ${lo}, ${le}))`;
  }

  /** Statements converting `v` and writing it for the node whose parent starts at `base`. */
  write(node: Node, base: string): string {
    if (node.t !== LEAF) return `WN(${this.nodeRef(node)}, dv, ${base}, v);`;
    const { op } = node;
    const at = `${base} + ${node.off}`;
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
        return `if (${check}) v = SI(${this.opRef(op)}, v); dv.${set}(${at}, v, ${le});`;
      }
      case K.I64:
      case K.U64: {
        const set = op.kind === K.I64 ? "setBigInt64" : "setBigUint64";
        const ok = `typeof v === "bigint" && v >= ${op.lo}n && v <= ${op.hi}n`;
        return `dv.${set}(${at}, ${ok} ? v : BI(${this.opRef(op)}, v), ${le});`;
      }
      case K.F64:
        return `dv.setFloat64(${at}, typeof v === "number" ? v : TF(v), ${le});`;
      case K.F32: {
        const x = `typeof v === "number" ? v : TF(v)`;
        if (op.std) return `W(${this.opRef(op)}, dv, ${at}, v);`;
        return `dv.setFloat32(${at}, ${x}, ${le});`;
      }
      default:
        return `W(${this.opRef(op)}, dv, ${at}, v);`;
    }
  }
}

function build(body: string, e: Emitter): unknown {
  const factory = new Function("O", "N", ...HELPER_NAMES, `"use strict";\n${body}`);
  return factory(e.ops, e.nodes, ...HELPER_VALUES);
}

/**
 * The codec of a program: generated code when allowed and small enough, else the
 * interpreter.
 *
 * @example
 * compileCodec(program, true).source; // "return function unpack(dv, o) …"
 */
export function compileCodec(program: Program, codegen: boolean): Codec {
  if (!codegen || program.length > MAX_UNROLL || !canGenerateCode()) {
    return interpreterCodec(program);
  }
  const e = new Emitter();
  const reads: string[] = [];
  const writes: string[] = [];
  const rowWrites: string[] = [];
  for (const item of program.items) {
    for (let r = 0; r < item.repeat; r++) {
      const base = r === 0 ? "o" : `o + ${r * item.stride}`;
      reads.push(e.read(item.node, base));
      const w = e.write(item.node, base);
      writes.push(`v = a[s + ${writes.length}];\n  ${w}`);
      rowWrites.push(`v = a[${rowWrites.length}];\n    ${w}`);
    }
  }
  const unpackSrc = `return function unpack(dv, o) {\n  let h;\n  return [${reads.join(",\n    ")}];\n};`;
  const packSrc = `return function pack(dv, o, a, s) {\n  let v;\n  ${writes.join("\n  ")}\n};`;
  const packManySrc =
    `return function packMany(dv, rows, n, o) {\n  let v, a;\n` +
    `  for (let i = 0; i < n; i++, o += ${program.size}) {\n` +
    `    a = rows[i];\n    if (!Array.isArray(a) || a.length !== ${program.length}) a = ROW(a, ${program.length});\n` +
    `    ${rowWrites.join("\n    ")}\n  }\n};`;
  const colDecl = reads.map((_, j) => `c${j} = C[${j}]`).join(", ");
  const colBody = reads.map((x, j) => `c${j}[i] = ${x};`).join("\n    ");
  const columnsSrc =
    `return function columns(dv, n, C) {\n  let h;\n  ${reads.length > 0 ? `const ${colDecl};` : ""}\n` +
    `  for (let i = 0, o = 0; i < n; i++, o += ${program.size}) {\n    ${colBody}\n  }\n};`;
  return {
    unpack: build(unpackSrc, e) as Codec["unpack"],
    pack: build(packSrc, e) as Codec["pack"],
    packMany: build(packManySrc, e) as Codec["packMany"],
    columns: build(columnsSrc, e) as Codec["columns"],
    source: `${unpackSrc}\n${packSrc}\n${packManySrc}\n${columnsSrc}`,
  };
}
