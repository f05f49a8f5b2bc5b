/**
 * The pack calls of `Struct` and of the module-level functions, on a compiled format
 * (`layout/layout-cache.ts`), with CPython's checks and messages, and the safety net
 * for a target detached or shrunk by a value's getter (asked only after the engine
 * threw, so the fast path pays nothing).
 */
import { bytesOf, dataViewOf, memoryLost, viewLength } from "./buffer-arg.js";
import { checkStructs } from "./calls-unpack.js";
import {
  checkRow,
  compilePack,
  compilePackMany,
  type ManyPacker,
  type Packer,
} from "./codec/compile-pack.js";
import { interpretPack } from "./codec/interpret.js";
import { isDense } from "./codec/ir.js";
import { MemoryError, StructError } from "./errors.js";
import type { Compiled } from "./layout/layout-cache.js";
import { resolveOffset } from "./offsets.js";
import { pyTypeName } from "./py-types.js";

/**
 * The packer of a compiled format, compiled on first use (and with it, whether
 * packing writes every byte).
 *
 * @example
 * packerOf(c)(dv, 0, [1, 2], 0);
 */
export function packerOf(c: Compiled): Packer {
  if (c.pack === null) {
    c.dense = isDense(c.program);
    const { fn, guarded } = compilePack(c.program, c.codegen);
    c.guarded = guarded ? fn : null;
    c.pack = fn;
  }
  return c.pack;
}

/**
 * The many-rows packer of a compiled format, compiled on first use.
 *
 * @example
 * manyPackerOf(c)(dv, [[1, 2]], 1, 0);
 */
export function manyPackerOf(c: Compiled): ManyPacker {
  if (c.packMany === null) {
    c.dense = isDense(c.program);
    c.packMany = compilePackMany(c.program, c.codegen).fn;
  }
  return c.packMany;
}

/**
 * CPython's errors for `pack_into` called without buffer or offset.
 *
 * @example
 * throw packIntoArity(1);
 */
export function packIntoArity(given: number): StructError {
  return new StructError(`pack_into expected ${given === 0 ? "buffer" : "offset"} argument`);
}

/** The values of `packArray` / `packIntoArray`: an array (its length is checked after). */
function checkValues(values: unknown, method: string): asserts values is readonly unknown[] {
  if (!Array.isArray(values)) {
    throw new TypeError(`${method}() values must be an array, not ${pyTypeName(values)}`);
  }
}

function wrongCount(c: Compiled, call: string, got: number): StructError {
  return new StructError(`${call} expected ${c.length} items for packing (got ${got})`);
}

/**
 * New zeroed bytes; a size the platform cannot allocate is CPython's `MemoryError`
 * (`struct.pack("10000000000000x")`), not the engine's `RangeError`.
 */
function newBytes(n: number): Uint8Array<ArrayBuffer> {
  try {
    return new Uint8Array(n);
  } catch (e) {
    if (e instanceof RangeError) throw new MemoryError("");
    throw e;
  }
}

/**
 * Zero `size` bytes at `off` of `dv` (a sparse struct before packing). A function of its
 * own: written inline, the fill keeps the engine from dropping the arguments array of an
 * inlined `packInto` (bench pack-IHHd, `Struct.packInto loop`).
 */
function zeroStruct(dv: DataView, off: number, size: number): void {
  if (size !== 0) bytesOf(dv).fill(0, off, off + size);
}

/** Re-run a pack that is known to fail, up to the same failing item. */
function redo(pack: () => void): void {
  try {
    pack();
  } catch {
    // The same error as the first run: the caller rethrows that one.
  }
}

/**
 * `Struct.pack` with the values in an array: new bytes.
 *
 * @example
 * packValues(c, [1, 2]); // Uint8Array [1, 0, 2, 0]
 */
export function packValues(c: Compiled, values: unknown): Uint8Array<ArrayBuffer> {
  checkValues(values, "packArray");
  if (!c.single) checkStructs(c, 1);
  if (values.length !== c.length) throw wrongCount(c, "pack", values.length);
  const out = newBytes(c.size);
  (c.pack ?? packerOf(c))(new DataView(out.buffer), 0, values, 0);
  return out;
}

/**
 * The error to throw after packing `n` structs at `off` of `dv` failed with `e`: the
 * family's `ValueError` if a getter detached or shrank the target, else `e`, the bytes
 * left as a `pack_into` loop leaves them (items before the failing one written).
 */
function packFailed(
  c: Compiled,
  dv: DataView,
  off: number,
  rows: readonly unknown[] | null,
  values: readonly unknown[],
  e: unknown,
): unknown {
  const n = rows === null ? 1 : rows.length;
  const end = off + n * c.size;
  const lost = memoryLost(dv, end);
  if (lost !== null) return lost;
  if (!c.dense) return e;
  // Dense packing skipped the zero-fill: redo it from zero, up to the failing item.
  bytesOf(dv).fill(0, off, end);
  const { program, size, length } = c;
  redo(() => {
    if (rows === null) interpretPack(program, dv, off, values, 0);
    else
      for (let i = 0; i < n; i++)
        interpretPack(program, dv, off + i * size, checkRow(rows[i], length), 0);
  });
  return e;
}

/**
 * `Struct.pack_into` with the values in an array.
 *
 * @example
 * packIntoValues(c, new Uint8Array(4), 0, [1, 2]);
 */
export function packIntoValues(
  c: Compiled,
  buffer: unknown,
  offset: unknown,
  values: unknown,
): void {
  checkValues(values, "packIntoArray");
  if (!c.single) checkStructs(c, 1);
  if (values.length !== c.length) throw wrongCount(c, "pack_into", values.length);
  const dv = dataViewOf(buffer, true);
  const off = resolveOffset(offset, c.size, viewLength, "pack", c.abi);
  packChecked(c, dv, off, values);
}

/** Pack one struct at `off` of `dv`, any engine error turned into CPython's bytes and errors. */
function packChecked(c: Compiled, dv: DataView, off: number, values: readonly unknown[]): void {
  const pack = c.pack ?? packerOf(c);
  // Every byte of a dense struct gets written: zero only when packing fails.
  if (!c.dense) zeroStruct(dv, off, c.size);
  try {
    pack(dv, off, values, 0);
  } catch (e) {
    throw packFailed(c, dv, off, null, values, e);
  }
}

/**
 * `Struct.pack_into` with the values of a rest parameter (an array no user code can
 * reach): where the format has a guarded packer, packed without a `try`, which lets the
 * engine drop the array when the call is inlined; else as {@link packIntoValues}.
 *
 * @example
 * packIntoRest(c, new Uint8Array(4), 0, [1, 2]);
 */
export function packIntoRest(
  c: Compiled,
  buffer: unknown,
  offset: unknown,
  values: unknown[],
): void {
  if (!c.single) checkStructs(c, 1);
  if (values.length !== c.length) throw wrongCount(c, "pack_into", values.length);
  const dv = dataViewOf(buffer, true);
  const size = c.size;
  const off = resolveOffset(offset, size, viewLength, "pack", c.abi);
  if (c.pack === null) packerOf(c);
  const guarded = c.guarded;
  if (guarded === null) {
    packChecked(c, dv, off, values);
    return;
  }
  if (!c.dense) zeroStruct(dv, off, size);
  guarded(dv, off, values, 0);
}

/** The rows of `packMany` / `packManyInto`: an array, its length the number of structs. */
function rowCount(c: Compiled, rows: unknown): number {
  if (!Array.isArray(rows)) {
    throw new TypeError(`packMany expects an array of rows, not ${pyTypeName(rows)}`);
  }
  checkStructs(c, rows.length);
  return rows.length;
}

/**
 * `packMany`: rows into new bytes, one struct after another.
 *
 * @example
 * packRows(c, [[1], [2]]); // Uint8Array [1, 0, 2, 0]
 */
export function packRows(
  c: Compiled,
  rows: readonly (readonly unknown[])[],
): Uint8Array<ArrayBuffer> {
  const n = rowCount(c, rows);
  const out = newBytes(n * c.size);
  (c.packMany ?? manyPackerOf(c))(new DataView(out.buffer), rows, n, 0);
  return out;
}

/**
 * `packManyInto`: rows into `buffer` from `offset` on; rows before a failing one are
 * written, as `pack_into` calls in a loop would leave them.
 *
 * @example
 * packRowsInto(c, new Uint8Array(6), 2, [[1], [2]]);
 */
export function packRowsInto(
  c: Compiled,
  buffer: unknown,
  offset: unknown,
  rows: readonly (readonly unknown[])[],
): void {
  const n = rowCount(c, rows);
  const dv = dataViewOf(buffer, true);
  const total = n * c.size;
  const off = resolveOffset(offset, total, viewLength, "pack", c.abi);
  const packMany = c.packMany ?? manyPackerOf(c);
  if (!c.dense) zeroStruct(dv, off, total);
  try {
    packMany(dv, rows, n, off);
  } catch (e) {
    throw packFailed(c, dv, off, rows, rows, e);
  }
}
