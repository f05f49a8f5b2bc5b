/**
 * The types of a view's items, read from its format and number of dimensions when the
 * type checker knows them (`MemoryView<"d", 1>`), else the general `unknown`. Items are read
 * as `@pybuffer/struct` unpacks one struct of the format; a view's ABI is its exporter's,
 * so `l L n N P` are `number | bigint`.
 */
import type { Abi, UnpackedOf } from "@pybuffer/struct";

/**
 * One item of format `F`: the value of a one-value format, the tuple of a longer one.
 *
 * @example
 * type I = ItemOf<"<d">; // number
 * type P = ItemOf<"hh">; // [number, number]
 */
export type ItemOf<F extends string> = string extends F
  ? unknown
  : UnpackedOf<F, { abi: Abi }> extends infer V
    ? V extends readonly [infer X]
      ? X
      : V
    : never;

/** `T` in arrays `N` deep (a view's `toList()`); past 64 dimensions `unknown`. */
type Nested<T, N extends number, C extends readonly 0[] = []> = C["length"] extends N
  ? T
  : C["length"] extends 64
    ? unknown
    : Nested<T[], N, [...C, 0]>;

/**
 * What `toList()` gives: the item of a 0-d view, else arrays `N` deep.
 *
 * @example
 * type L = ListOf<"B", 2>; // number[][]
 */
export type ListOf<F extends string, N extends number> = number extends N
  ? unknown
  : string extends F
    ? unknown
    : Nested<ItemOf<F>, N>;

type IndexTuple<
  N extends number,
  C extends readonly (number | bigint)[] = [],
> = C["length"] extends N
  ? C
  : C["length"] extends 64
    ? readonly (number | bigint)[]
    : IndexTuple<N, [...C, number | bigint]>;

/**
 * The key of one item of an `N`-dimensional view: an index for one dimension, a tuple of
 * `N` indices otherwise (`[]` for 0-d); any of them when `N` is not known.
 *
 * @example
 * type K = ItemKey<2>; // readonly [number | bigint, number | bigint]
 */
export type ItemKey<N extends number> = number extends N
  ? number | bigint | readonly (number | bigint)[]
  : N extends 1
    ? number | bigint | readonly [number | bigint]
    : Readonly<IndexTuple<N>>;

/**
 * What iterating a view gives: its items for one dimension (CPython refuses the others).
 *
 * @example
 * type T = IterItem<"h", 1>; // number
 */
export type IterItem<F extends string, N extends number> = number extends N
  ? ItemOf<F>
  : N extends 1
    ? ItemOf<F>
    : never;

/**
 * A type argument that is only known as its constraint (`string`, `number`) becomes `any`,
 * the `MemoryView` default: a view of an unknown format is the general `MemoryView`, to
 * which every typed view is assignable (and whose members give `unknown`).
 *
 * @example
 * type F = Known<string, string>; // any
 */
// biome-ignore lint/suspicious/noExplicitAny: the marker of "not known", see above
export type Known<T, Wide> = Wide extends T ? any : T;
