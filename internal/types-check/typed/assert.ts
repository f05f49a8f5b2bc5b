// Type assertions for the `.test-d.ts` files: compiled by `tsc` (never run), so a wrong
// type is a compile error.

type IsAny<T> = 0 extends 1 & T ? true : false;

/**
 * Whether `A` and `B` are the same type: each assignable to the other (so a readonly tuple
 * is not a mutable one, `number` is not `number | bigint`), and `any` only equal to `any`.
 * (The stricter `<T>() => T extends A` identity test tells apart a mapped object type from
 * the object literal it prints as, so it cannot check record types.)
 */
export type Equal<A, B> =
  IsAny<A> extends true
    ? IsAny<B>
    : IsAny<B> extends true
      ? false
      : [A] extends [B]
        ? [B] extends [A]
          ? true
          : false
        : false;

/**
 * `expectType(value).is<T>()` compiles only when `value`'s type is exactly `T`; with no
 * value, `expectType<V>().is<T>()` checks a type.
 *
 * @example
 * expectType(unpack("<h", b)).is<[number]>();
 */
export function expectType<V>(_value?: V): {
  is<T>(...exact: Equal<V, T> extends true ? [] : [mismatch: V]): void;
} {
  return { is: () => undefined };
}
