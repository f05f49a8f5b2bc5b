/**
 * Reading and writing one item: CPython's `unpack_single` / `pack_single` for the native
 * single-character formats, with their conversions and errors (`invalid type` /
 * `invalid value for format`); every other format @pybuffer/struct can lay out goes
 * through a struct codec (struct-codec.ts).
 */
import type { Abi } from "@pybuffer/core";
import { Struct } from "@pybuffer/struct";
import { nativeSize, singleCode } from "./format.js";
import { formatNotSupported, invalidType, invalidValue, unsupportedFormat } from "./guards.js";
import { asPyInt } from "./py-values.js";
import { structCodec } from "./struct-codec.js";

/**
 * Reads and writes items of one format in a DataView over the whole memory.
 *
 * @example
 * const codec = nativeCodec("d", "lp64") as ItemCodec;
 */
export interface ItemCodec {
  /** The native code (`"d"`), or `""` for a struct-backed format. */
  readonly code: string;
  /** The item at byte `offset`. */
  read(dv: DataView, offset: number): unknown;
  /** Converts `value` as CPython would (throwing its errors), then writes it. */
  write(dv: DataView, offset: number, value: unknown): void;
}

/** A float argument as `PyFloat_AsDouble` sees it; throws the codec's errors. */
function asDouble(value: unknown, code: string): number {
  switch (typeof value) {
    case "number":
      return value;
    case "boolean":
      return value ? 1 : 0;
    case "bigint": {
      const d = Number(value);
      if (!Number.isFinite(d)) throw invalidValue(code);
      return d;
    }
    default:
      throw invalidType(code);
  }
}

/** An integer in [lo, hi] (bigint bounds), as a number, or the codec's errors. */
function smallInt(value: unknown, code: string, lo: number, hi: number): number {
  const x = asPyInt(value);
  if (x === null) throw invalidType(code);
  if (x < lo || x > hi) throw invalidValue(code);
  return Number(x);
}

/** An 8-byte integer in [lo, hi], as a bigint, or the codec's errors. */
function bigInt(value: unknown, code: string, lo: bigint, hi: bigint): bigint {
  const x = asPyInt(value);
  if (x === null) throw invalidType(code);
  const big = typeof x === "bigint" ? x : BigInt(x);
  if (big < lo || big > hi) throw invalidValue(code);
  return big;
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;

function int4(code: string, signed: boolean): ItemCodec {
  const lo = signed ? -0x80000000 : 0;
  const hi = signed ? 0x7fffffff : 0xffffffff;
  return signed
    ? {
        code,
        read: (dv, o) => dv.getInt32(o, true),
        write: (dv, o, v) => dv.setInt32(o, smallInt(v, code, lo, hi), true),
      }
    : {
        code,
        read: (dv, o) => dv.getUint32(o, true),
        write: (dv, o, v) => dv.setUint32(o, smallInt(v, code, lo, hi), true),
      };
}

function int8(code: string, signed: boolean): ItemCodec {
  return signed
    ? {
        code,
        read: (dv, o) => dv.getBigInt64(o, true),
        write: (dv, o, v) => dv.setBigInt64(o, bigInt(v, code, I64_MIN, I64_MAX), true),
      }
    : {
        code,
        read: (dv, o) => dv.getBigUint64(o, true),
        write: (dv, o, v) => dv.setBigUint64(o, bigInt(v, code, 0n, U64_MAX), true),
      };
}

/** `P`: an unsigned pointer-sized integer; negative values wrap, as in CPython. */
function pointer(size: number): ItemCodec {
  if (size === 4) {
    return {
      code: "P",
      read: (dv, o) => dv.getUint32(o, true),
      write: (dv, o, v) => dv.setUint32(o, smallInt(v, "P", -0x80000000, 0xffffffff) >>> 0, true),
    };
  }
  return {
    code: "P",
    read: (dv, o) => dv.getBigUint64(o, true),
    write: (dv, o, v) =>
      dv.setBigUint64(o, BigInt.asUintN(64, bigInt(v, "P", I64_MIN, U64_MAX)), true),
  };
}

// `?` and `e` reuse struct's own conversions (truth value; binary16 rounding), compiled
// on first use: compiling them at import was 2.3 ms of `import "pybuffer"` (issue #20).
let bool: Struct | undefined;
let half: Struct | undefined;
const boolStruct = (): Struct => (bool ??= new Struct("?"));
const halfStruct = (): Struct => (half ??= new Struct("<e"));
const HALF_SCRATCH = new Uint8Array(2);
const BOOL_SCRATCH = new Uint8Array(1);

const FIXED: Record<string, ItemCodec> = {
  b: {
    code: "b",
    read: (dv, o) => dv.getInt8(o),
    write: (dv, o, v) => dv.setInt8(o, smallInt(v, "b", -128, 127)),
  },
  B: {
    code: "B",
    read: (dv, o) => dv.getUint8(o),
    write: (dv, o, v) => dv.setUint8(o, smallInt(v, "B", 0, 255)),
  },
  h: {
    code: "h",
    read: (dv, o) => dv.getInt16(o, true),
    write: (dv, o, v) => dv.setInt16(o, smallInt(v, "h", -32768, 32767), true),
  },
  H: {
    code: "H",
    read: (dv, o) => dv.getUint16(o, true),
    write: (dv, o, v) => dv.setUint16(o, smallInt(v, "H", 0, 65535), true),
  },
  i: int4("i", true),
  I: int4("I", false),
  q: int8("q", true),
  Q: int8("Q", false),
  "?": {
    code: "?",
    read: (dv, o) => dv.getUint8(o) !== 0,
    // Python's truth value, as struct computes it for `?`.
    write: (dv, o, v) => {
      boolStruct().packInto(BOOL_SCRATCH, 0, v);
      dv.setUint8(o, BOOL_SCRATCH[0] as number);
    },
  },
  c: {
    code: "c",
    read: (dv, o) => new Uint8Array([dv.getUint8(o)]),
    write: (dv, o, v) => {
      if (!(v instanceof Uint8Array)) throw invalidType("c");
      if (v.length !== 1) throw invalidValue("c");
      dv.setUint8(o, v[0] as number);
    },
  },
  e: {
    code: "e",
    read: (dv, o) => (halfStruct().unpackFrom(dv.buffer, o) as [number])[0],
    write: (dv, o, v) => {
      const d = asDouble(v, "e");
      try {
        halfStruct().packInto(HALF_SCRATCH, 0, d);
      } catch {
        // PyFloat_Pack2's OverflowError (|x| >= 65520), as memoryview reports it.
        throw invalidValue("e");
      }
      new Uint8Array(dv.buffer, o, 2).set(HALF_SCRATCH);
    },
  },
  f: {
    code: "f",
    read: (dv, o) => dv.getFloat32(o, true),
    write: (dv, o, v) => dv.setFloat32(o, asDouble(v, "f"), true),
  },
  d: {
    code: "d",
    read: (dv, o) => dv.getFloat64(o, true),
    write: (dv, o, v) => dv.setFloat64(o, asDouble(v, "d"), true),
  },
};

const BY_ABI = new Map<Abi, Record<string, ItemCodec>>();

function nativeTable(abi: Abi): Record<string, ItemCodec> {
  let table = BY_ABI.get(abi);
  if (table === undefined) {
    const long = nativeSize("l", abi) === 8;
    const size = nativeSize("n", abi) === 8;
    table = {
      ...FIXED,
      l: long ? int8("l", true) : int4("l", true),
      L: long ? int8("L", false) : int4("L", false),
      n: size ? int8("n", true) : int4("n", true),
      N: size ? int8("N", false) : int4("N", false),
      P: pointer(nativeSize("P", abi)),
    };
    BY_ABI.set(abi, table);
  }
  return table;
}

/**
 * The native codec of a single-character code memoryview supports, or `undefined`.
 *
 * @example
 * nativeCodec("d", "lp64")?.code; // "d"
 */
export function nativeCodec(code: string, abi: Abi): ItemCodec | undefined {
  return nativeTable(abi)[code];
}

/**
 * The codec for items of `format` (with `itemsize` bytes each), or the error CPython's
 * memoryview raises for it: a native single code gets its C codec; another single
 * character `NotImplementedError('memoryview: format w not supported')`; a
 * multi-character format a struct codec when @pybuffer/struct lays it out in exactly
 * `itemsize` bytes, else `NotImplementedError('memoryview: unsupported format …')`.
 *
 * @example
 * codecFor("<i", 4, "lp64"); // a struct-backed codec
 * codecFor("w", 4, "lp64"); // NotImplementedError: memoryview: format w not supported
 */
export function codecFor(format: string, itemsize: number, abi: Abi): ItemCodec | Error {
  const code = singleCode(format);
  if (code !== null) {
    const codec = nativeTable(abi)[code];
    if (codec === undefined) return formatNotSupported(code);
    if (nativeSize(code, abi) > itemsize) return unsupportedFormat(format);
    return codec;
  }
  return structCodec(format, itemsize, abi);
}

/**
 * A codec standing for a single-character format memoryview cannot read: its error
 * is raised when an item is read or written, as in CPython's `unpack_single`.
 *
 * @example
 * failingCodec(new Error("no")).read(dv, 0); // throws
 */
export function failingCodec(error: Error): ItemCodec {
  return {
    code: "",
    read: () => {
      throw error;
    },
    write: () => {
      throw error;
    },
  };
}
