/**
 * The CSP-safe interpreter: walks the IR with loops (no `new Function`). The
 * generated code calls into it for records and sub-arrays, so both paths share
 * one implementation of everything but the inlined scalars.
 */
import { StructError } from "../errors.js";
import { pyTypeName } from "../py-types.js";
import { ARRAY, type ArrayNode, LEAF, type Node, type Program } from "./ir.js";
import { readLeaf, writeLeaf } from "./leaf.js";

function readArray(node: ArrayNode, dv: DataView, base: number, dim: number): unknown[] {
  const n = node.dims[dim]!;
  let step = node.stride;
  for (let d = dim + 1; d < node.dims.length; d++) step *= node.dims[d]!;
  const out = new Array<unknown>(n);
  const last = dim === node.dims.length - 1;
  for (let k = 0; k < n; k++) {
    out[k] = last
      ? readNode(node.elem, dv, base + k * step)
      : readArray(node, dv, base + k * step, dim + 1);
  }
  return out;
}

/**
 * Read the value of `node` whose parent starts at byte `base`.
 *
 * @example
 * readNode(node, dv, 0);
 */
export function readNode(node: Node, dv: DataView, base: number): unknown {
  const off = base + node.off;
  if (node.t === LEAF) return readLeaf(node.op, dv, off);
  if (node.t === ARRAY) return readArray(node, dv, off, 0);
  const { keys, members } = node;
  if (keys === null) return members.map((m) => readNode(m, dv, off));
  const obj: Record<string, unknown> = Object.create(null);
  for (let k = 0; k < members.length; k++) obj[keys[k]!] = readNode(members[k]!, dv, off);
  return obj;
}

/**
 * Unpack one struct at byte `off` of `dv`.
 *
 * @example
 * interpretUnpack(program, dv, 0); // [1, 2]
 */
export function interpretUnpack(program: Program, dv: DataView, off: number): unknown[] {
  const out = new Array<unknown>(program.length);
  let j = 0;
  for (const item of program.items) {
    for (let r = 0; r < item.repeat; r++) out[j++] = readNode(item.node, dv, off + r * item.stride);
  }
  return out;
}

function expectArray(v: unknown, n: number, what: string): readonly unknown[] {
  if (!Array.isArray(v)) {
    throw new StructError(
      `argument for ${what} must be an array of ${n} items, not ${pyTypeName(v)}`,
    );
  }
  if (v.length !== n) {
    throw new StructError(`argument for ${what} must be an array of ${n} items (got ${v.length})`);
  }
  return v;
}

function writeArray(node: ArrayNode, dv: DataView, base: number, dim: number, v: unknown): void {
  const n = node.dims[dim]!;
  const arr = expectArray(v, n, "a sub-array");
  let step = node.stride;
  for (let d = dim + 1; d < node.dims.length; d++) step *= node.dims[d]!;
  const last = dim === node.dims.length - 1;
  for (let k = 0; k < n; k++) {
    if (last) writeNode(node.elem, dv, base + k * step, arr[k]);
    else writeArray(node, dv, base + k * step, dim + 1, arr[k]);
  }
}

/**
 * Convert and write the value `v` of `node` whose parent starts at byte `base`.
 *
 * @example
 * writeNode(node, dv, 0, 5);
 */
export function writeNode(node: Node, dv: DataView, base: number, v: unknown): void {
  const off = base + node.off;
  if (node.t === LEAF) {
    writeLeaf(node.op, dv, off, v);
    return;
  }
  if (node.t === ARRAY) {
    writeArray(node, dv, off, 0, v);
    return;
  }
  const { keys, members } = node;
  if (keys === null) {
    const arr = expectArray(v, members.length, "a record");
    for (let k = 0; k < members.length; k++) writeNode(members[k]!, dv, off, arr[k]);
    return;
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    throw new StructError(`argument for a record must be an object, not ${pyTypeName(v)}`);
  }
  const obj = v as Record<string, unknown>;
  for (let k = 0; k < members.length; k++) {
    const key = keys[k]!;
    if (!Object.hasOwn(obj, key)) throw new StructError(`record field '${key}' is missing`);
    writeNode(members[k]!, dv, off, obj[key]);
  }
}

/**
 * Pack `args[start…]` into the (zeroed) struct at byte `off` of `dv`.
 *
 * @example
 * interpretPack(program, dv, 0, [1, 2], 0);
 */
export function interpretPack(
  program: Program,
  dv: DataView,
  off: number,
  args: readonly unknown[],
  start: number,
): void {
  let j = start;
  for (const item of program.items) {
    for (let r = 0; r < item.repeat; r++)
      writeNode(item.node, dv, off + r * item.stride, args[j++]);
  }
}
