/**
 * The scalar codec of one code in one mode (CPython's `formatdef` row): what the
 * interpreter and the generated code both read and write. Ops are built from the
 * layout once per `Struct` and never carry user text into generated source.
 */
import type { Abi, Field } from "../types.js";

/** Scalar kinds. */
export const K = {
  I8: 0,
  U8: 1,
  I16: 2,
  U16: 3,
  I32: 4,
  U32: 5,
  I64: 6,
  U64: 7,
  F16: 8,
  F32: 9,
  F64: 10,
  BOOL: 11,
  CHAR: 12,
  BYTES: 13,
  PASCAL: 14,
  UCS2: 15,
  UCS4: 16,
  C32: 17,
  C64: 18,
  PTR: 19,
  UNSUPPORTED: 20,
} as const;

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

const INT_KINDS: Record<number, readonly number[]> = {
  1: [K.I8, K.U8],
  2: [K.I16, K.U16],
  4: [K.I32, K.U32],
  8: [K.I64, K.U64],
};

function intKind(size: number, signed: boolean): number {
  const pair = INT_KINDS[size]!;
  return signed ? pair[0]! : pair[1]!;
}

function bounds(size: number, signed: boolean): [number | bigint, number | bigint] {
  const bits = BigInt(size * 8);
  const lo = signed ? -(1n << (bits - 1n)) : 0n;
  const hi = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  return size === 8 ? [lo, hi] : [Number(lo), Number(hi)];
}

function kindOf(field: Field, std: boolean, abi: Abi): number {
  const { code, size } = field;
  switch (code) {
    case "b":
    case "h":
    case "i":
    case "l":
    case "q":
    case "n":
      return intKind(size, true);
    case "B":
    case "H":
    case "I":
    case "L":
    case "Q":
    case "N":
      return intKind(size, false);
    case "P":
      return K.PTR;
    case "e":
      return K.F16;
    case "f":
      return K.F32;
    case "d":
      return K.F64;
    case "g":
      return !std && abi === "llp64" ? K.F64 : K.UNSUPPORTED;
    case "?":
      return K.BOOL;
    case "c":
      return K.CHAR;
    case "s":
    case "x":
      return K.BYTES;
    case "p":
      return K.PASCAL;
    case "u":
      return K.UCS2;
    case "w":
      return K.UCS4;
    case "F":
    case "Zf":
      return K.C32;
    case "D":
    case "Zd":
      return K.C64;
    default:
      return K.UNSUPPORTED;
  }
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
