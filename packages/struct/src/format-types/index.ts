/**
 * Types that know the format: what the entry points of `@pybuffer/struct` give and take
 * for a literal format string, read by the type checker (`parse.ts` reads the format,
 * `values.ts` maps it to value types). A format that is only a `string` (read at run
 * time) falls back to the general types (`unknown[]`, `Column[]`), with no error.
 */
import type { Column, StructOptions } from "../types.js";
import type { Entry, ParseFormat } from "./parse.js";
import type { EntriesColumns, EntriesValue, OptionKey, Side } from "./values.js";

export type { Entry, Node, ParseFormat } from "./parse.js";
export type { NodeValue, OptionKey } from "./values.js";

/**
 * An option's value as a union of what it may be: the given literal, else (when it may be
 * left out or undefined) the default too.
 */
type OptionOf<O, K extends keyof StructOptions, D> = O extends object
  ? K extends keyof O
    ?
        | Extract<Exclude<O[K], undefined>, string>
        | ({} extends Pick<O, K> ? D : undefined extends O[K] ? D : never)
    : D
  : D;

/** Whether `s` and `p` are text: `"text"` when an `encoding` is given, both when it may be. */
type TextOf<O> = O extends object
  ? "encoding" extends keyof O
    ?
        | ([Exclude<O["encoding" & keyof O], undefined>] extends [never] ? never : "text")
        | ({} extends Pick<O, "encoding" & keyof O>
            ? "bytes"
            : undefined extends O["encoding" & keyof O]
              ? "bytes"
              : never)
    : "bytes"
  : "bytes";

/**
 * The options a call runs with, as a union of option keys (`abi:int64:text`): `{}` or
 * `undefined` are the defaults (`lp64:bigint:bytes`); a `StructOptions` whose `abi` is not
 * a literal may be any ABI.
 *
 * @example
 * type K = OptionKeyOf<{ abi: "wasm32" }>; // "wasm32:bigint:bytes"
 */
export type OptionKeyOf<O> = Extract<
  `${OptionOf<O, "abi", "lp64">}:${OptionOf<O, "int64", "bigint">}:${TextOf<O>}`,
  OptionKey
>;

/** The literal format's values on one side under option key `K`, or `Fallback`. */
type ValuesOf<F, K extends OptionKey, S extends Side, Fallback> = F extends string
  ? ParseFormat<F> extends infer E extends readonly Entry[]
    ? EntriesValue<E, S, K>
    : Fallback
  : Fallback;

/**
 * The values under each option key, read at the key of the options in force. The options
 * stay outside the machinery (an index into this table) so that the checker compares two
 * `Struct`s whose options differ by their keys alone; comparing through the machinery
 * was "excessively deep". A property is only computed when it is read.
 */
type ByOption<F, S extends Side, Fallback> = { [K in OptionKey]: ValuesOf<F, K, S, Fallback> };
type ColumnsByOption<F> = {
  [K in OptionKey]: F extends string
    ? ParseFormat<F> extends infer E extends readonly Entry[]
      ? EntriesColumns<E, K>
      : Column[]
    : Column[];
};

/**
 * What `unpack` gives for a format: a tuple for a literal format, `unknown[]` otherwise.
 *
 * @example
 * type T = UnpackedOf<"<IHd">; // [number, number, number]
 * type Q = UnpackedOf<"<qQ">; // [bigint, bigint]
 * type R = UnpackedOf<"T{h:x:h:y:}">; // [{ x: number; y: number }]
 */
export type UnpackedOf<F, O = {}> = ByOption<F, "unpack", unknown[]>[OptionKeyOf<O>];

/**
 * The values `pack` takes for a format: a tuple for a literal format, `unknown[]` otherwise.
 *
 * @example
 * type A = PackArgsOf<"<h3s">; // [number | bigint | boolean, Uint8Array]
 */
export type PackArgsOf<F, O = {}> = ByOption<F, "pack", unknown[]>[OptionKeyOf<O>];

/**
 * What `unpackColumns` gives for a format: one typed array kind per value for a literal
 * format, `Column[]` otherwise.
 *
 * @example
 * type C = ColumnsOf<"<hd">; // [Int16Array<ArrayBuffer>, Float64Array<ArrayBuffer>]
 */
export type ColumnsOf<F, O = {}> = ColumnsByOption<F>[OptionKeyOf<O>];

/**
 * The error message of a malformed literal format, or `never` when it is well formed (or
 * not a literal).
 *
 * @example
 * type E = FormatErrorOf<"<y">; // "bad char in struct format: 'y'"
 */
export type FormatErrorOf<F> = F extends string
  ? string extends F
    ? never
    : ParseFormat<F> extends infer M extends string
      ? M
      : never
  : never;

/**
 * The type a format parameter takes: the format itself, or for a malformed literal the
 * error message, so the compiler reports it ("Argument of type '"<y"' is not assignable to
 * parameter of type '"bad char in struct format: 'y'"'").
 *
 * @example
 * declare function f<F extends string>(fmt: FormatArg<F>): void;
 */
export type FormatArg<F> = [FormatErrorOf<F>] extends [never] ? F : FormatErrorOf<F>;
