/**
 * The scalar codec of one code in one mode (CPython's `formatdef` row): what the
 * interpreter and the generated code both read and write. Ops are built from the
 * layout once per `Struct` and never carry user text into generated source.
 */
import type { Abi, Field } from "../types.js";
import type { Emitter } from "./emit.js";
import * as K from "./kinds.js";

/** Reads an 8-byte integer at `off` as an exact number (the `int64: "number"` option). */
export type Int64Reader = (dv: DataView, off: number, le: boolean, code: string) => number;

/**
 * The `int64: "number"` option (`codec/int64.ts`): its readers and the generated code of
 * its fast path, handed in by the caller that takes the option (`Struct`), so that no
 * other bundle carries them.
 */
export interface Int64Number {
  readonly read: readonly [signed: Int64Reader, unsigned: Int64Reader];
  /** Expression reading the 8-byte integer of `op` at `base + off` in generated code. */
  readonly inline: (e: Emitter, op: Op, base: string, off: number) => string;
}

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
  /** The `int64: "number"` option for an 8-byte integer or pointer, else `null`. */
  readonly int64: Int64Number | null;
}

/** The integer codes, signed then unsigned in each pair. */
const INTEGERS = "bBhHiIlLqQnN";

/** Every other code with a value, in the order of its kind from `K.F16` on (`Zf` is `F`). */
const OTHERS = "efd?cspuwFDP";

function kindOf(code: string, size: number, std: boolean, abi: Abi): number {
  const int = INTEGERS.indexOf(code);
  // `I8 U8 I16 U16 I32 U32 I64 U64` are 0 to 7: twice the log of the size, +1 unsigned.
  if (int >= 0) return 2 * Math.log2(size) + (int & 1);
  if (code === "g") return !std && abi === "llp64" ? K.F64 : K.UNSUPPORTED;
  const other = OTHERS.indexOf(code[0] === "Z" ? code.slice(1).toUpperCase() : code);
  return other < 0 ? K.UNSUPPORTED : K.F16 + other;
}

/**
 * The op of a non-record field.
 *
 * @example
 * opFor(parseFormat("<h").fields[0]!, "lp64", null).kind === K.I16;
 */
export function opFor(field: Field, abi: Abi, int64: Int64Number | null): Op {
  const { code, size } = field;
  const std = field.mode !== "@" && field.mode !== "^";
  const kind = kindOf(code, size, std, abi);
  let lo: number | bigint = 0;
  let hi: number | bigint = 0;
  if (kind <= K.U64 || kind === K.PTR) {
    // A pointer takes any value of either signedness (CPython's `np_void_p`).
    const half = 1n << BigInt(size * 8 - 1);
    lo = kind & 1 && kind !== K.PTR ? 0n : -half;
    hi = (kind & 1 ? 2n * half : half) - 1n;
    if (size < 8) [lo, hi] = [Number(lo), Number(hi)];
  }
  return {
    kind,
    code,
    le: field.byteOrder === "little",
    size,
    len: code === "u" || code === "w" ? field.count : size,
    lo,
    hi,
    std,
    int64: size === 8 && (kind <= K.U64 || kind === K.PTR) ? int64 : null,
  };
}
