/**
 * The scalar codec of one code in one mode (CPython's `formatdef` row): what the
 * interpreter and the generated code both read and write. Ops are built from the
 * layout once per `Struct` and never carry user text into generated source.
 */
import type { Abi, Field } from "../types.js";
import * as K from "./kinds.js";

/** One scalar codec. */
export interface Op {
  readonly kind: number;
  /** The code letter(s) as messages name it (`h`, `Zd`). */
  readonly code: string;
  readonly le: boolean;
  /** Bytes of the value (for s/p: the length; for u/w: characters × unit). */
  readonly size: number;
  /** Characters of `u`/`w`, bytes of `s`/`p`. */
  readonly len: number;
  /** Integer bounds (bigint for 8-byte codes). */
  readonly lo: number | bigint;
  readonly hi: number | bigint;
  /** Standard-size float (`<f` raises on overflow; native `f` does not). */
  readonly std: boolean;
  /** 8-byte integers unpack as exact numbers. */
  readonly int64Number: boolean;
}

/** The integer kind of a size: `I8 U8 I16 U16 I32 U32 I64 U64` are 0 to 7, in that order. */
function intKind(size: number, signed: boolean): number {
  return 2 * Math.log2(size) + (signed ? 0 : 1);
}

function bounds(size: number, signed: boolean): [number | bigint, number | bigint] {
  const bits = BigInt(size * 8);
  const lo = signed ? -(1n << (bits - 1n)) : 0n;
  const hi = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  return size === 8 ? [lo, hi] : [Number(lo), Number(hi)];
}

/** The kind of every code but the integers and `g`. */
const KINDS: Readonly<Record<string, number>> = {
  P: K.PTR,
  e: K.F16,
  f: K.F32,
  d: K.F64,
  "?": K.BOOL,
  c: K.CHAR,
  s: K.BYTES,
  x: K.BYTES,
  p: K.PASCAL,
  u: K.UCS2,
  w: K.UCS4,
  F: K.C32,
  Zf: K.C32,
  D: K.C64,
  Zd: K.C64,
};

function kindOf(field: Field, std: boolean, abi: Abi): number {
  const { code, size } = field;
  // Codes are never empty, and no longer code contains these letters.
  if ("bhilqn".includes(code)) return intKind(size, true);
  if ("BHILQN".includes(code)) return intKind(size, false);
  if (code === "g") return !std && abi === "llp64" ? K.F64 : K.UNSUPPORTED;
  return Object.hasOwn(KINDS, code) ? KINDS[code]! : K.UNSUPPORTED;
}

/**
 * The op of a non-record field.
 *
 * @example
 * opFor(parseFormat("<h").fields[0]!, "lp64", false).kind === K.I16;
 */
export function opFor(field: Field, abi: Abi, int64Number: boolean): Op {
  const std = field.mode !== "@" && field.mode !== "^";
  const kind = kindOf(field, std, abi);
  const signed = kind === K.I8 || kind === K.I16 || kind === K.I32 || kind === K.I64;
  let [lo, hi]: [number | bigint, number | bigint] = [0, 0];
  if (kind <= K.U64) [lo, hi] = bounds(field.size, signed);
  if (kind === K.PTR) {
    const bits = BigInt(field.size * 8);
    [lo, hi] = [-(1n << (bits - 1n)), (1n << bits) - 1n];
  }
  const chars = field.code === "u" || field.code === "w";
  return {
    kind,
    code: field.code,
    le: field.byteOrder === "little",
    size: field.size,
    len: chars ? field.count : field.size,
    lo,
    hi,
    std,
    int64Number,
  };
}
