/**
 * The JavaScript types of parsed format entries (see `parse.ts`): what unpack gives, what
 * pack accepts, and which column `unpackColumns` makes. The table is the README's value
 * table; `abi` and `int64` are unions of the choices that may be in force, so an unknown
 * ABI makes `l` `number | bigint`.
 */
import type { Complex } from "../types.js";
import type { Entry, Node } from "./parse.js";

/** Which side of the codec: values unpack gives, or values pack accepts. */
export type Side = "unpack" | "pack";

type IntCode = "b" | "B" | "h" | "H" | "i" | "I" | "l" | "L" | "q" | "Q" | "n" | "N" | "P";
/** Codes whose value depends on the options: 8 bytes or 4, `bigint` or `number`. */
type OptionCode = "q" | "Q" | "l" | "L" | "n" | "N" | "P" | "g";
/** Codes that pack and unpack nothing faithful (`NotImplementedError` at run time). */
type NoValueCode = "O" | "&" | "t" | "Zg";

/**
 * What the option-dependent codes unpack to, per option key (`abi:int64`). Lookup tables
 * rather than conditional types on the options keep the comparison of two `Struct`s with
 * different options a cheap check (conditional types there made it "excessively deep").
 */
interface UnpackByOption {
  "lp64:bigint": {
    q: bigint;
    Q: bigint;
    l: bigint;
    L: bigint;
    n: bigint;
    N: bigint;
    P: bigint;
    g: never;
  };
  "lp64:number": {
    q: number;
    Q: number;
    l: number;
    L: number;
    n: number;
    N: number;
    P: number;
    g: never;
  };
  "llp64:bigint": {
    q: bigint;
    Q: bigint;
    l: number;
    L: number;
    n: bigint;
    N: bigint;
    P: bigint;
    g: number;
  };
  "llp64:number": {
    q: number;
    Q: number;
    l: number;
    L: number;
    n: number;
    N: number;
    P: number;
    g: number;
  };
  "wasm32:bigint": {
    q: bigint;
    Q: bigint;
    l: number;
    L: number;
    n: number;
    N: number;
    P: number;
    g: never;
  };
  "wasm32:number": {
    q: number;
    Q: number;
    l: number;
    L: number;
    n: number;
    N: number;
    P: number;
    g: never;
  };
}

/** The `unpackColumns` columns of the option-dependent codes (`Float64Array` for exact numbers). */
interface ColumnByOption {
  "lp64:bigint": {
    q: BigInt64Array<ArrayBuffer>;
    Q: BigUint64Array<ArrayBuffer>;
    l: BigInt64Array<ArrayBuffer>;
    L: BigUint64Array<ArrayBuffer>;
    n: BigInt64Array<ArrayBuffer>;
    N: BigUint64Array<ArrayBuffer>;
    P: BigUint64Array<ArrayBuffer>;
    g: never[];
  };
  "lp64:number": {
    q: Float64Array<ArrayBuffer>;
    Q: Float64Array<ArrayBuffer>;
    l: Float64Array<ArrayBuffer>;
    L: Float64Array<ArrayBuffer>;
    n: Float64Array<ArrayBuffer>;
    N: Float64Array<ArrayBuffer>;
    P: Float64Array<ArrayBuffer>;
    g: never[];
  };
  "llp64:bigint": {
    q: BigInt64Array<ArrayBuffer>;
    Q: BigUint64Array<ArrayBuffer>;
    l: Int32Array<ArrayBuffer>;
    L: Uint32Array<ArrayBuffer>;
    n: BigInt64Array<ArrayBuffer>;
    N: BigUint64Array<ArrayBuffer>;
    P: BigUint64Array<ArrayBuffer>;
    g: Float64Array<ArrayBuffer>;
  };
  "llp64:number": {
    q: Float64Array<ArrayBuffer>;
    Q: Float64Array<ArrayBuffer>;
    l: Int32Array<ArrayBuffer>;
    L: Uint32Array<ArrayBuffer>;
    n: Float64Array<ArrayBuffer>;
    N: Float64Array<ArrayBuffer>;
    P: Float64Array<ArrayBuffer>;
    g: Float64Array<ArrayBuffer>;
  };
  "wasm32:bigint": {
    q: BigInt64Array<ArrayBuffer>;
    Q: BigUint64Array<ArrayBuffer>;
    l: Int32Array<ArrayBuffer>;
    L: Uint32Array<ArrayBuffer>;
    n: Int32Array<ArrayBuffer>;
    N: Uint32Array<ArrayBuffer>;
    P: Uint32Array<ArrayBuffer>;
    g: never[];
  };
  "wasm32:number": {
    q: Float64Array<ArrayBuffer>;
    Q: Float64Array<ArrayBuffer>;
    l: Int32Array<ArrayBuffer>;
    L: Uint32Array<ArrayBuffer>;
    n: Int32Array<ArrayBuffer>;
    N: Uint32Array<ArrayBuffer>;
    P: Uint32Array<ArrayBuffer>;
    g: never[];
  };
}

/** `g` (long double) is a double on `llp64` only; elsewhere it has no value. */
interface PackG {
  "lp64:bigint": never;
  "lp64:number": never;
  "llp64:bigint": number | bigint | boolean;
  "llp64:number": number | bigint | boolean;
  "wasm32:bigint": never;
  "wasm32:number": never;
}

/** The ABI and `int64` part of an option key (`lp64:bigint`). */
type NumbersKey = keyof UnpackByOption;

/**
 * The key of the options in force (a union when they may be several): ABI, `int64`, and
 * whether an `encoding` makes `s` and `p` fields text (`lp64:bigint:bytes`).
 */
export type OptionKey = `${NumbersKey}:${"bytes" | "text"}`;

/** The numbers part of option key `K`. */
type Numbers<K extends OptionKey> = K extends `${infer A}:${infer I}:${string}`
  ? Extract<`${A}:${I}`, NumbersKey>
  : never;

/** `s` and `p` under key `K`: bytes, or with an `encoding` strings (bytes still pack). */
type TextField<S extends Side, K extends OptionKey> = K extends `${string}:text`
  ? S extends "pack"
    ? string | Uint8Array
    : string
  : S extends "pack"
    ? Uint8Array
    : Uint8Array<ArrayBuffer>;

/** The value of one leaf code. */
type Leaf<C extends string, S extends Side, K extends OptionKey> = C extends NoValueCode
  ? never
  : C extends "g"
    ? S extends "pack"
      ? PackG[Numbers<K>]
      : UnpackByOption[Numbers<K>]["g"]
    : C extends IntCode
      ? S extends "pack"
        ? number | bigint | boolean
        : C extends OptionCode
          ? UnpackByOption[Numbers<K>][C]
          : number
      : C extends "e" | "f" | "d"
        ? S extends "pack"
          ? number | bigint | boolean
          : number
        : C extends "?"
          ? S extends "pack"
            ? unknown
            : boolean
          : C extends "s" | "p"
            ? TextField<S, K>
            : C extends "c"
              ? S extends "pack"
                ? Uint8Array
                : Uint8Array<ArrayBuffer>
              : C extends "u" | "w"
                ? string
                : C extends "F" | "D" | "Zf" | "Zd"
                  ? S extends "pack"
                    ? Complex | number | bigint | boolean
                    : Complex
                  : never;

/** `T` nested in tuples of the given dimensions (a dimension past 999: an array). */
type Nest<T, D extends readonly string[], S extends Side> = D extends readonly [
  ...infer Outer extends readonly string[],
  infer Last extends string,
]
  ? Nest<S extends "pack" ? Readonly<Repeat<T, Last>> : Repeat<T, Last>, Outer, S>
  : T;

/** Records nested deeper than this read as `unknown` (the checker's own depth limit is near). */
type MaxDepth = 32;

/**
 * The value of a node, `Depth` records down. A node only known as `Node` (the checker
 * reading a generic entry through its constraint) is `unknown`: `Node` is recursive, so
 * reading it would never end.
 */
export type NodeValue<
  N extends Node,
  S extends Side,
  K extends OptionKey,
  Depth extends readonly 0[] = [],
> = string extends N
  ? unknown
  : N extends string
    ? Leaf<N, S, K>
    : N extends {
          readonly dims: infer D extends readonly string[];
          readonly elem: infer E extends Node;
        }
      ? Nest<NodeValue<E, S, K, Depth>, D, S>
      : N extends { readonly members: infer M extends readonly Entry[] }
        ? Depth["length"] extends MaxDepth
          ? unknown
          : RecordValue<M, S, K, [...Depth, 0]>
        : never;

/** The names a record's members carry. */
type GivenNames<M extends readonly Entry[]> = Exclude<M[number][2], null>;

/**
 * Keys of a record's members: the given names, and for the others the lowest `f<j>` no
 * given name takes, in order (NumPy's `_fix_names`: `T{i:f1:i}` is `f1, f0`).
 */
type Keys<
  M extends readonly Entry[],
  Given extends string,
  J extends readonly 0[] = [],
  Acc extends readonly string[] = [],
> = M extends readonly [infer H extends Entry, ...infer R extends readonly Entry[]]
  ? H[2] extends string
    ? Keys<R, Given, J, [...Acc, H[2]]>
    : `f${J["length"]}` extends Given
      ? Keys<M, Given, [...J, 0], Acc>
      : Keys<R, Given, [...J, 0], [...Acc, `f${J["length"]}`]>
  : Acc;

/** An object type written out (hovers show its fields, not the mapped type). */
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** A record: an object keyed by name when any member is named, else a tuple. */
type RecordValue<
  M extends readonly Entry[],
  S extends Side,
  K extends OptionKey,
  Depth extends readonly 0[],
> = [GivenNames<M>] extends [never]
  ? S extends "pack"
    ? { readonly [I in keyof M]: NodeValue<M[I][0], S, K, Depth> }
    : { -readonly [I in keyof M]: NodeValue<M[I][0], S, K, Depth> }
  : Keys<M, GivenNames<M>> extends infer Ks extends readonly string[]
    ? Simplify<
        S extends "pack"
          ? {
              readonly [I in keyof M & `${number}` as Ks[I & keyof Ks] & string]: NodeValue<
                M[I][0],
                S,
                K,
                Depth
              >;
            }
          : {
              [I in keyof M & `${number}` as Ks[I & keyof Ks] & string]: NodeValue<
                M[I][0],
                S,
                K,
                Depth
              >;
            }
      >
    : never;

type DigitTuples<T> = {
  "0": [];
  "1": [T];
  "2": [T, T];
  "3": [T, T, T];
  "4": [T, T, T, T];
  "5": [T, T, T, T, T];
  "6": [T, T, T, T, T, T];
  "7": [T, T, T, T, T, T, T];
  "8": [T, T, T, T, T, T, T, T];
  "9": [T, T, T, T, T, T, T, T, T];
};
type Times10<A extends readonly unknown[]> = [
  ...A,
  ...A,
  ...A,
  ...A,
  ...A,
  ...A,
  ...A,
  ...A,
  ...A,
  ...A,
];

/**
 * `N` (decimal) copies of `T` as a tuple, built digit by digit; past three digits an
 * array (a tuple that long helps no one and could pass TypeScript's tuple size limit);
 * for a count only known as `string` (the checker reading a generic entry) an array too.
 * (Four digits are told by four one-character `infer`s: a pattern of four `Digit` unions
 * would be a union of 10,000 templates.)
 */
export type Repeat<T, N extends string> = string extends N
  ? T[]
  : N extends `${infer _A}${infer _B}${infer _C}${infer _D}${infer _Rest}`
    ? T[]
    : RepeatDigits<T, N, []>;
type RepeatDigits<
  T,
  N extends string,
  Acc extends readonly unknown[],
> = N extends `${infer D extends keyof DigitTuples<T>}${infer R}`
  ? RepeatDigits<T, R, [...Times10<Acc>, ...DigitTuples<T>[D]]>
  : Acc;

/** The values of the top-level entries, each repeated by its count, as one tuple. */
export type EntriesValue<
  E extends readonly Entry[],
  S extends Side,
  K extends OptionKey,
  Acc extends readonly unknown[] = [],
> = E extends readonly [infer H extends Entry, ...infer R extends readonly Entry[]]
  ? EntriesValue<R, S, K, [...Acc, ...Repeat<NodeValue<H[0], S, K>, H[1]>]>
  : Acc;

/** The `unpackColumns` column of one top-level value: a typed array, else a plain array. */
type Column<N extends Node, K extends OptionKey> = N extends OptionCode
  ? ColumnByOption[Numbers<K>][N]
  : N extends "b"
    ? Int8Array<ArrayBuffer>
    : N extends "B"
      ? Uint8Array<ArrayBuffer>
      : N extends "h"
        ? Int16Array<ArrayBuffer>
        : N extends "H"
          ? Uint16Array<ArrayBuffer>
          : N extends "i"
            ? Int32Array<ArrayBuffer>
            : N extends "I"
              ? Uint32Array<ArrayBuffer>
              : N extends "e" | "f"
                ? Float32Array<ArrayBuffer>
                : N extends "d"
                  ? Float64Array<ArrayBuffer>
                  : NodeValue<N, "unpack", K>[];

/** The columns of the top-level entries. */
export type EntriesColumns<
  E extends readonly Entry[],
  K extends OptionKey,
  Acc extends readonly unknown[] = [],
> = E extends readonly [infer H extends Entry, ...infer R extends readonly Entry[]]
  ? EntriesColumns<R, K, [...Acc, ...Repeat<Column<H[0], K>, H[1]>]>
  : Acc;
