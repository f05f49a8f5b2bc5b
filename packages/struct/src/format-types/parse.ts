/**
 * The format grammar read by the type checker: a literal format string becomes a list of
 * entries (one per item that gives values), or a string literal that is the error message.
 *
 * It mirrors `grammar/parse.ts` step for step (the runtime parser is the reference; the
 * drift test in `test/format-types.drift.test.ts` holds the two together):
 *   format  := [mode] item*            (a mode char only first at the top level)
 *   item    := [(d1,d2,…) [mode]] [count] code [:name:]  |  [count] T{ …items… } [:name:]
 * Inside `T{}` a mode char may stand anywhere, and a count becomes the first sub-array
 * dimension; at the top level a count repeats values. The mode leaks out of a record.
 *
 * Written for the checker's speed: one tail-recursive loop (`Step`) with an explicit stack
 * for records, as the runtime parser has, so a 1000-character format or records nested 64
 * deep never hit "Type instantiation is excessively deep".
 */

/** C `isspace`. */
type Space = " " | "\t" | "\n" | "\v" | "\f" | "\r";
type Digit = "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9";
type ModeChar = "@" | "=" | "<" | ">" | "!" | "^";

/** Codes valid in every mode (`n N P g Zg` exist only in native mode). */
type AnyModeCode =
  | "x"
  | "c"
  | "b"
  | "B"
  | "?"
  | "h"
  | "H"
  | "i"
  | "I"
  | "l"
  | "L"
  | "q"
  | "Q"
  | "e"
  | "f"
  | "d"
  | "F"
  | "D"
  | "s"
  | "p"
  | "u"
  | "w"
  | "t"
  | "O";
type NativeOnlyCode = "n" | "N" | "P" | "g";
/** Codes whose count is a length: one value each. */
type StringCode = "s" | "p" | "u" | "w" | "t";

/** A value node: a leaf code, a sub-array or a record. */
export type Node = string | ArrayNode | RecordNode;
/** `dims` (outermost first, decimal strings) of `elem`. */
export interface ArrayNode {
  readonly dims: readonly string[];
  readonly elem: Node;
}
/** A `T{}` record: its members in order (padding left out). */
export interface RecordNode {
  readonly members: readonly Entry[];
}
/**
 * One item that gives values: its node, its repeat count (decimal; only a top-level
 * count repeats, inside a record it is always "1") and its `:name:`.
 */
export type Entry = readonly [node: Node, count: string, name: string | null];

/** A parent frame kept on the stack while a record is read. */
type Frame = readonly [
  entries: readonly Entry[],
  names: string,
  shape: readonly string[] | null,
  count: string,
];

/** The error of an unexpected character (CPython says only "bad char in struct format"). */
type Bad<C extends string> = `bad char in struct format: '${C}'`;

/** Native mode (sizes from the ABI): `@`, `^`, or no prefix. */
type IsNative<M extends string> = M extends "@" | "^" ? true : false;

/** Leading zeros off: "007" → "7", "000" → "0". */
type Trim0<D extends string> = D extends `0${infer R extends `${Digit}${string}`}` ? Trim0<R> : D;

/** Read a decimal count: `[digits, rest]`, digits "" when there is none. */
type ReadCount<
  S extends string,
  D extends string = "",
> = S extends `${infer C extends Digit}${infer R}` ? ReadCount<R, `${D}${C}`> : [D, S];

type TrimSpace<S extends string> = S extends `${Space}${infer R}`
  ? TrimSpace<R>
  : S extends `${infer R}${Space}`
    ? TrimSpace<R>
    : S;
type AllDigits<S extends string> = S extends `${Digit}${infer R}`
  ? R extends ""
    ? true
    : AllDigits<R>
  : false;

/** The dimensions of `(d1,d2,…)` as decimal strings, or the error message. */
type Dims<
  Inside extends string,
  Whole extends string,
  Acc extends readonly string[] = [],
> = Inside extends `${infer D},${infer R}`
  ? AllDigits<TrimSpace<D>> extends true
    ? Dims<R, Whole, [...Acc, Trim0<TrimSpace<D>>]>
    : `bad sub-array shape '(${Whole})' in struct format`
  : AllDigits<TrimSpace<Inside>> extends true
    ? [...Acc, Trim0<TrimSpace<Inside>>]
    : `bad sub-array shape '(${Whole})' in struct format`;

/** The code at the start of `S` valid in this mode: `[code, rest]`, or the error. */
type ReadCode<S extends string, N extends boolean> = S extends `Z${infer C}${infer R}`
  ? C extends "f" | "d" | (N extends true ? "g" : never)
    ? [`Z${C}`, R]
    : Bad<"Z">
  : S extends `&${infer R}`
    ? ReadCode<R, N> extends [string, infer R2 extends string]
      ? ["&", R2]
      : ReadCode<R, N>
    : S extends `${infer C}${infer R}`
      ? C extends AnyModeCode | (N extends true ? NativeOnlyCode : never)
        ? [C, R]
        : Bad<C>
      : "bad char in struct format: the format ends where a code belongs";

/** `l L` outside native mode are 4 bytes, so they read as `i I`. */
type ModeCode<C extends string, N extends boolean> = N extends true
  ? C
  : C extends "l"
    ? "i"
    : C extends "L"
      ? "I"
      : C;

/** A node with its sub-array shape, if any. */
type Shaped<
  E extends Node,
  Shape extends readonly string[] | null,
> = Shape extends readonly string[] ? { readonly dims: Shape; readonly elem: E } : E;

/**
 * What a format that is not fully literal (`string`, or a template such as `<${string}`)
 * reads as: neither entries nor an error, so the general types apply. Checked at every
 * step, since the checker may also read a generic format through its constraint `string`.
 */
export interface NotLiteral {
  readonly notLiteral: true;
}

/** The loop: skip space, read mode chars, close records, or read an item. */
type Step<
  S extends string,
  N extends boolean,
  E extends readonly Entry[],
  U extends string,
  K extends readonly Frame[],
> = string extends S
  ? NotLiteral
  : S extends `${infer C}${infer R}`
    ? C extends Space
      ? Step<R, N, E, U, K>
      : C extends ModeChar
        ? K extends readonly []
          ? Bad<C>
          : Step<R, IsNative<C>, E, U, K>
        : C extends "}"
          ? K extends readonly [...infer KR extends readonly Frame[], infer P extends Frame]
            ? Named<R, N, Shaped<{ readonly members: E }, P[2]>, P[3], P[0], P[1], KR>
            : Bad<"}">
          : C extends "("
            ? S extends `(${infer Inside})${infer R2}`
              ? Dims<Inside, Inside> extends infer D extends readonly string[]
                ? R2 extends `${infer M extends ModeChar}${infer R3}`
                  ? Counted<R3, IsNative<M>, D, E, U, K>
                  : Counted<R2, N, D, E, U, K>
                : Dims<Inside, Inside>
              : "unterminated sub-array shape in struct format"
            : Counted<S, N, null, E, U, K>
    : K extends readonly []
      ? E
      : "unterminated T{ record in struct format";

/** After the shape (if any): the count, then a record or a code. */
type Counted<
  S extends string,
  N extends boolean,
  Shape extends readonly string[] | null,
  E extends readonly Entry[],
  U extends string,
  K extends readonly Frame[],
> =
  ReadCount<S> extends [infer D extends string, infer R extends string]
    ? D extends `${Digit}${string}`
      ? R extends ""
        ? "repeat count given without format specifier"
        : Item<R, N, Fold<Shape, Trim0<D>>, Shape extends null ? Trim0<D> : "1", E, U, K>
      : Item<R, N, Shape, "1", E, U, K>
    : never;

/** With a shape, a count is its last dimension: `(2)3h` is `(2,3)h`. */
type Fold<
  Shape extends readonly string[] | null,
  Count extends string,
> = Shape extends readonly string[] ? (Count extends "1" ? Shape : [...Shape, Count]) : null;

/** A record's start, or one code. */
type Item<
  S extends string,
  N extends boolean,
  Shape extends readonly string[] | null,
  Count extends string,
  E extends readonly Entry[],
  U extends string,
  K extends readonly Frame[],
> = S extends `T{${infer R}`
  ? K["length"] extends 64
    ? "T{} records nested deeper than 64 levels"
    : K extends readonly []
      ? Step<R, N, [], never, [...K, [E, U, Shape, Count]]>
      : Count extends "1"
        ? Step<R, N, [], never, [...K, [E, U, Shape, "1"]]>
        : Step<R, N, [], never, [...K, [E, U, [Count, ...(Shape extends null ? [] : Shape)], "1"]]>
  : ReadCode<S, N> extends [infer C extends string, infer R extends string]
    ? C extends "x"
      ? Named<R, N, null, "0", E, U, K>
      : C extends StringCode
        ? Named<R, N, Shaped<C, Shape>, "1", E, U, K>
        : K extends readonly []
          ? Named<R, N, Shaped<ModeCode<C, N>, Shape>, Count, E, U, K>
          : Count extends "1"
            ? Named<R, N, Shaped<ModeCode<C, N>, Shape>, "1", E, U, K>
            : Named<
                R,
                N,
                Shaped<ModeCode<C, N>, [Count, ...(Shape extends null ? [] : Shape)]>,
                "1",
                E,
                U,
                K
              >
    : ReadCode<S, N>;

/** The optional `:name:` after an item, then the entry is added (padding adds none). */
type Named<
  S extends string,
  N extends boolean,
  V extends Node | null,
  Count extends string,
  E extends readonly Entry[],
  U extends string,
  K extends readonly Frame[],
> = S extends `:${infer Name}:${infer R}`
  ? [Name] extends [U]
    ? `duplicate field name '${Name}' in struct format`
    : Step<R, N, V extends Node ? [...E, [V, Count, Name]] : E, U | Name, K>
  : S extends `:${string}`
    ? Bad<":">
    : Step<S, N, V extends Node ? [...E, [V, Count, null]] : E, U, K>;

/**
 * The entries of a literal format, or its error message (a string literal).
 *
 * @example
 * type E = ParseFormat<"<2h">; // [["h", "2", null]]
 */
export type ParseFormat<F extends string> = string extends F
  ? NotLiteral
  : (
        F extends `${infer M extends ModeChar}${infer R}`
          ? Step<R, IsNative<M>, [], never, []>
          : Step<F, true, [], never, []>
      ) extends infer P
    ? P extends string
      ? HasHole<F> extends true
        ? NotLiteral
        : P
      : P
    : never;

/** A character that stands for many: a `${string}`, `${number}` or `${bigint}` hole. */
type IsHole<C extends string> = string extends C
  ? true
  : `${number}` extends C
    ? true
    : `${bigint}` extends C
      ? true
      : false;

/**
 * Whether a template literal type has a hole (`${number}b`): such a format is not known,
 * so an error found while reading it may not be real. Only checked when reading failed.
 */
type HasHole<S extends string> = S extends `${infer C}${infer R}`
  ? IsHole<C> extends true
    ? true
    : HasHole<R>
  : false;
