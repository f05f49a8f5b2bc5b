/**
 * What a view of an exporter holds, for the type checker only: an exporter type may carry
 * its item format and number of dimensions (`ShapedExporter<"d", 1>` for a Float64Array's),
 * so that `memoryview(x)` is a `MemoryView<"d", 1>` whose `get(0)` is a `number`. Nothing
 * of it exists at run time; an exporter that says nothing reads as `string` and `number`
 * (any format, any dimensions), the general types.
 */

/** The phantom key: declared, never created, so no value can have it. */
declare const viewShape: unique symbol;

/**
 * An exporter type that knows its format `F` and its number of dimensions `N`.
 *
 * @example
 * declare const e: ShapedExporter<"h", 2>;
 * memoryview(e).toList(); // number[][]
 */
export interface ShapedExporter<F extends string = string, N extends number = number> {
  /** Type-level only: never present at run time. */
  readonly [viewShape]?: readonly [format: F, ndim: N];
}

/**
 * The format an exporter type carries, or `string` when it says nothing.
 *
 * @example
 * type F = FormatOf<ShapedExporter<"d", 1>>; // "d"
 */
export type FormatOf<E> = E extends { readonly [viewShape]?: readonly [infer F, number] }
  ? unknown extends F
    ? string
    : F extends string
      ? F
      : string
  : string;

/**
 * The number of dimensions an exporter type carries, or `number` when it says nothing.
 *
 * @example
 * type N = NdimOf<ShapedExporter<"d", 1>>; // 1
 */
export type NdimOf<E> = E extends { readonly [viewShape]?: readonly [string, infer N] }
  ? unknown extends N
    ? number
    : N extends number
      ? N
      : number
  : number;

/**
 * The number of dimensions of a shape: its length when it is a tuple, else `number`.
 *
 * @example
 * type N = NdimOfShape<readonly [2, 3]>; // 2
 */
export type NdimOfShape<S> = S extends readonly unknown[]
  ? number extends S["length"]
    ? number
    : S["length"]
  : number;
