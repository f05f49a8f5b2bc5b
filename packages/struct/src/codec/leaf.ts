/**
 * Read and write one scalar (`nu_*`/`np_*`, `lu_*`/`lp_*`, `bu_*`/`bp_*` of
 * `_struct.c` in one place): the interpreter calls these for every scalar, the
 * generated code for every scalar it does not inline.
 */
import { NotImplementedError, OverflowError, StructError, ValueError } from "../errors.js";
import { pyTruth } from "../py-types.js";
import type { Complex } from "../types.js";
import {
  bigInt,
  smallInt,
  toBytes,
  toChar,
  toComplex,
  toFloat,
  toFloat32Std,
  toText,
} from "./convert.js";
import { float16Bits, float16Value } from "./float16.js";
import * as K from "./kinds.js";
import type { Op } from "./ops.js";

function unsupported(op: Op): NotImplementedError {
  return new NotImplementedError(
    `cannot convert PEP 3118 code '${op.code}' faithfully: it has a layout but no value`,
  );
}

function copyBytes(dv: DataView, off: number, len: number): Uint8Array {
  return new Uint8Array(dv.buffer, dv.byteOffset + off, len).slice();
}

function complexAt(re: number, im: number): Complex {
  return { re, im };
}

function readText(op: Op, dv: DataView, off: number): string {
  const unit = op.kind === K.UCS2 ? 2 : 4;
  const at = (k: number): number =>
    unit === 2 ? dv.getUint16(off + 2 * k, op.le) : dv.getUint32(off + 4 * k, op.le);
  let end = op.len;
  while (end > 0 && at(end - 1) === 0) end--;
  let s = "";
  for (let k = 0; k < end; k++) {
    // A `u` unit is at most 0xffff (a lone surrogate stays one, as in Python).
    const cp = at(k);
    if (cp > 0x10ffff) {
      throw new ValueError(`character U+${cp.toString(16)} is not in range [U+0000; U+10ffff]`);
    }
    s += String.fromCodePoint(cp);
  }
  return s;
}

/**
 * Read the scalar of `op` at byte `off` of `dv`.
 *
 * @example
 * readLeaf(op, new DataView(new ArrayBuffer(4)), 0); // 0
 */
export function readLeaf(op: Op, dv: DataView, off: number): unknown {
  const le = op.le;
  switch (op.kind) {
    case K.I8:
      return dv.getInt8(off);
    case K.U8:
      return dv.getUint8(off);
    case K.I16:
      return dv.getInt16(off, le);
    case K.U16:
      return dv.getUint16(off, le);
    case K.I32:
      return dv.getInt32(off, le);
    case K.U32:
      return dv.getUint32(off, le);
    case K.I64:
    case K.U64:
    case K.PTR:
      // Only a pointer can have 4 bytes (wasm32).
      if (op.size === 4) return dv.getUint32(off, le);
      if (op.int64 !== null) return op.int64.read[op.kind === K.I64 ? 0 : 1]!(dv, off, le, op.code);
      return op.kind === K.I64 ? dv.getBigInt64(off, le) : dv.getBigUint64(off, le);
    case K.F16:
      return float16Value(dv.getUint16(off, le));
    case K.F32:
      return dv.getFloat32(off, le);
    case K.F64:
      return dv.getFloat64(off, le);
    case K.BOOL:
      return dv.getUint8(off) !== 0;
    case K.CHAR:
    case K.BYTES:
      return copyBytes(dv, off, op.len);
    case K.PASCAL: {
      if (op.len === 0) return new Uint8Array(0);
      let n = dv.getUint8(off);
      if (n >= op.len) n = op.len - 1;
      return copyBytes(dv, off + 1, n);
    }
    case K.UCS2:
    case K.UCS4:
      return readText(op, dv, off);
    case K.C32:
      return complexAt(dv.getFloat32(off, le), dv.getFloat32(off + 4, le));
    case K.C64:
      return complexAt(dv.getFloat64(off, le), dv.getFloat64(off + 8, le));
    default:
      throw unsupported(op);
  }
}

/**
 * Run a float conversion; CPython reports an `OverflowError` caused by an int
 * argument as "int too large to convert" (`s_pack_internal`).
 */
function intOverflow(v: unknown, convert: () => number): number {
  if (typeof v !== "bigint") return convert();
  try {
    return convert();
  } catch (e) {
    if (e instanceof OverflowError) throw new StructError("int too large to convert");
    throw e;
  }
}

function writeText(op: Op, dv: DataView, off: number, text: string): void {
  if (op.kind === K.UCS2) {
    const n = Math.min(text.length, op.len);
    for (let k = 0; k < n; k++) dv.setUint16(off + 2 * k, text.charCodeAt(k), op.le);
    return;
  }
  let k = 0;
  for (const ch of text) {
    if (k >= op.len) break;
    dv.setUint32(off + 4 * k++, ch.codePointAt(0)!, op.le);
  }
}

/**
 * Convert `v` and write it as the scalar of `op` at byte `off` of `dv`; the bytes
 * are zero beforehand, as CPython zeroes the struct before packing.
 *
 * @example
 * writeLeaf(op, new DataView(new ArrayBuffer(4)), 0, 7);
 */
export function writeLeaf(op: Op, dv: DataView, off: number, v: unknown): void {
  const le = op.le;
  switch (op.kind) {
    // A range-checked value has the same bits signed or not: one setter per width.
    case K.I8:
    case K.U8:
    case K.I16:
    case K.U16:
    case K.I32:
    case K.U32: {
      const n = smallInt(op, v);
      if (op.size === 1) dv.setUint8(off, n);
      else if (op.size === 2) dv.setUint16(off, n, le);
      else dv.setUint32(off, n, le);
      return;
    }
    case K.I64:
    case K.U64:
    case K.PTR: {
      const b = bigInt(op, v);
      // Only a pointer can have 4 bytes (wasm32).
      if (op.size === 4) dv.setUint32(off, Number(b), le);
      else dv.setBigUint64(off, b, le);
      return;
    }
    case K.F16:
      dv.setUint16(
        off,
        intOverflow(v, () => float16Bits(toFloat(v))),
        le,
      );
      return;
    case K.F32:
      if (!op.std) dv.setFloat32(off, toFloat(v), le);
      else
        dv.setFloat32(
          off,
          intOverflow(v, () => toFloat32Std(toFloat(v))),
          le,
        );
      return;
    case K.F64:
      dv.setFloat64(off, toFloat(v), le);
      return;
    case K.BOOL:
      dv.setUint8(off, pyTruth(v) ? 1 : 0);
      return;
    case K.CHAR:
      dv.setUint8(off, toChar(v));
      return;
    case K.BYTES: {
      const b = toBytes(v, op.code);
      const n = Math.min(b.length, op.len);
      new Uint8Array(dv.buffer, dv.byteOffset + off, n).set(b.subarray(0, n));
      return;
    }
    case K.PASCAL: {
      const b = toBytes(v, op.code);
      if (op.len === 0) return;
      const n = Math.min(b.length, op.len - 1);
      new Uint8Array(dv.buffer, dv.byteOffset + off + 1, n).set(b.subarray(0, n));
      dv.setUint8(off, Math.min(n, 255));
      return;
    }
    case K.UCS2:
    case K.UCS4:
      writeText(op, dv, off, toText(v, op.code));
      return;
    case K.C32:
    case K.C64: {
      const z = toComplex(v);
      if (op.kind === K.C32) {
        // 3.14 packs host-order F with a C cast (overflow gives inf), big-endian
        // F with PyFloat_Pack4 (OverflowError).
        const pack4 = le ? Math.fround : (x: number) => intOverflow(v, () => toFloat32Std(x));
        dv.setFloat32(off, pack4(z.re), le);
        dv.setFloat32(off + 4, pack4(z.im), le);
        return;
      }
      dv.setFloat64(off, z.re, le);
      dv.setFloat64(off + 8, z.im, le);
      return;
    }
    default:
      throw unsupported(op);
  }
}
