/**
 * What the code generator's two halves (`compile-unpack.ts`, `compile-pack.ts`) share:
 * the closure arrays `O` (ops) and `N` (nodes) that keep user text out of the
 * generated source, the `new Function` check, and the factory call. Each half passes
 * only the helpers its source names, so a bundle that unpacks carries no pack code.
 */
import type { Node } from "./ir.js";
import * as K from "./kinds.js";
import type { Op } from "./ops.js";

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

/** The `DataView` getter of each inlined fixed-width kind (the setter: `get` → `set`). */
export const GETTERS: Readonly<Record<number, string>> = {
  [K.I8]: "getInt8",
  [K.U8]: "getUint8",
  [K.I16]: "getInt16",
  [K.U16]: "getUint16",
  [K.I32]: "getInt32",
  [K.U32]: "getUint32",
  [K.F32]: "getFloat32",
  [K.F64]: "getFloat64",
};

/** The closure arrays of one generated function. */
export class Emitter {
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

  /** Run `body` (a `return function …`) with `O`, `N` and `helpers` in scope. */
  build(body: string, helpers: Readonly<Record<string, unknown>>): unknown {
    const factory = new Function("O", "N", ...Object.keys(helpers), `"use strict";\n${body}`);
    return factory(this.ops, this.nodes, ...Object.values(helpers));
  }
}

/**
 * Whether a program may be compiled to code (else the interpreter runs it).
 *
 * @example
 * generates(program, true); // true in Node for a small layout
 */
export function generates(length: number, codegen: boolean): boolean {
  return codegen && length <= MAX_UNROLL && canGenerateCode();
}
