/**
 * The codec IR (CPython's `formatcode` list, grown into a tree for records and
 * sub-arrays): one node per value position, offsets relative to the parent.
 * Both the interpreter and the code generator read it.
 */
import { STRING_CODES } from "../grammar/string-codes.js";
import type { Abi, Field, Layout } from "../types.js";
import * as K from "./kinds.js";
import { type Int64Number, type Op, opFor } from "./ops.js";
import { recordKeys } from "./record-keys.js";

/** Node tags. */
export const LEAF = 0;
export const ARRAY = 1;
export const RECORD = 2;

/** A scalar at `off`. */
export interface LeafNode {
  readonly t: typeof LEAF;
  readonly off: number;
  readonly op: Op;
}

/** A sub-array: `dims` (C order) of `elem`, `stride` bytes apart, starting at `off`. */
export interface ArrayNode {
  readonly t: typeof ARRAY;
  readonly off: number;
  readonly dims: readonly number[];
  readonly stride: number;
  readonly elem: Node;
}

/** A record at `off`: an object keyed by `keys` (null prototype) or, if `keys` is null, an array. */
export interface RecordNode {
  readonly t: typeof RECORD;
  readonly off: number;
  readonly keys: readonly string[] | null;
  readonly members: readonly Node[];
}

/** Any IR node. */
export type Node = LeafNode | ArrayNode | RecordNode;

/** A top-level field: `repeat` values of `node`, `stride` bytes apart. */
export interface TopItem {
  readonly node: Node;
  readonly repeat: number;
  readonly stride: number;
}

/** The compiled program of a layout. */
export interface Program {
  readonly size: number;
  /** Number of values of one unpack (number of pack arguments). */
  readonly length: number;
  readonly items: readonly TopItem[];
  /** Values one unpack builds, nested ones included (see `value-budget.ts`). */
  readonly values: number;
}

function fieldNode(field: Field, abi: Abi, int64: Int64Number | null): Node {
  const { offset, shape } = field;
  // A sub-array's element sits at its start; anything else at the field's offset.
  const off = shape === null ? offset : 0;
  const elem: Node =
    field.fields !== null
      ? recordNode(field.fields, off, abi, int64)
      : { t: LEAF, off, op: opFor(field, abi, int64) };
  return shape === null ? elem : { t: ARRAY, off: offset, dims: shape, stride: field.size, elem };
}

function recordNode(layout: Layout, off: number, abi: Abi, int64: Int64Number | null): RecordNode {
  const members: Node[] = [];
  let named = false;
  for (const f of layout.fields) {
    if (f.code === "x") continue;
    if (f.name !== null) named = true;
    members.push(fieldNode(f, abi, int64));
  }
  return { t: RECORD, off, keys: named ? recordKeys(layout) : null, members };
}

/**
 * The values one node builds when unpacked: every scalar, string, record and
 * sub-array list counts one (a float: past 2^53 only "too many" matters).
 *
 * @example
 * nodeValues(buildProgram(parseFormat("T{ii}"), "lp64", null).items[0]!.node); // 3
 */
export function nodeValues(node: Node): number {
  if (node.t === LEAF) return 1;
  if (node.t === ARRAY) {
    // One list per index prefix, then the elements.
    let lists = 0;
    let outer = 1;
    for (const d of node.dims) {
      lists += outer;
      outer *= d;
    }
    return outer === 0 ? lists : lists + outer * nodeValues(node.elem);
  }
  let n = 1;
  for (const m of node.members) n += nodeValues(m);
  return n;
}

/**
 * Compile a layout into its program.
 *
 * @example
 * buildProgram(parseFormat("<2h"), "lp64", null).length; // 2
 */
export function buildProgram(layout: Layout, abi: Abi, int64: Int64Number | null): Program {
  const items: TopItem[] = [];
  let values = 0;
  for (const f of layout.fields) {
    if (f.code === "x") continue;
    const single = STRING_CODES.includes(f.code);
    let stride = f.size;
    if (f.shape !== null) for (const d of f.shape) stride *= d;
    const repeat = single ? 1 : f.count;
    if (repeat === 0) continue;
    const node = fieldNode(f, abi, int64);
    values += repeat * nodeValues(node);
    items.push({ node, repeat, stride });
  }
  return { size: layout.size, length: layout.length, items, values };
}

/** Whether packing a scalar of this kind writes all of its bytes (not `s`, `p`, `u`, `w`, …). */
function fixedWidth(kind: number): boolean {
  return kind <= K.CHAR || kind === K.C32 || kind === K.C64 || kind === K.PTR;
}

function writtenBytes(node: Node): number {
  if (node.t === LEAF) return fixedWidth(node.op.kind) ? node.op.size : Number.NaN;
  if (node.t === ARRAY) {
    let n = writtenBytes(node.elem);
    for (const d of node.dims) n *= d;
    return n;
  }
  let n = 0;
  for (const m of node.members) n += writtenBytes(m);
  return n;
}

/**
 * Whether packing writes every byte of the struct (no padding, no variable-length
 * strings), so the zero-fill before packing can be skipped.
 *
 * @example
 * isDense(buildProgram(parseFormat("<IHHd"), "lp64", null)); // true
 */
export function isDense(program: Program): boolean {
  let n = 0;
  for (const item of program.items) n += writtenBytes(item.node) * item.repeat;
  return n === program.size;
}
