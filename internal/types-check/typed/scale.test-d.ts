// The type-level reader at scale: a 200-code format, a 640-value one, records nested 8
// deep and 64 deep check without "Type instantiation is excessively deep" (check.mjs holds
// the checker's work on these files to a budget CI keeps).

import { type PackArgsOf, pack, Struct, type UnpackedOf, unpack } from "@pybuffer/struct";
import { expectType } from "./assert.js";

declare const b: Uint8Array;

// 200 codes, one value each.
const F200 =
  "<He?hIeQfeBebsQi?HHdQ?s?QqfshHfhs?qdbfcBhcebicbssiQedqdcqqdceQhIBbhQHifqcfsiq?sqeI?eqeHIfbsiefdhdsI?eeBdfHfseiiBBQsfQBIcBqhbiqcqsBbeecbqdeI?i?HbibBBe?bHqieihdbsIIIhsqqQs?qfsef?Bec?iqfddHiqi?i?IbcqeIbqe";
const row = unpack(F200, b);
expectType(row.length).is<200>();
expectType(row[0]).is<number>();
expectType(row[1]).is<number>();
expectType(row[2]).is<boolean>();
expectType(row[50]).is<number>();
expectType(row[99]).is<number>();
expectType(row[150]).is<number>();
expectType(row[199]).is<number>();
expectType<PackArgsOf<typeof F200>["length"]>().is<200>();
expectType(new Struct(F200).unpackMany(b)).is<UnpackedOf<typeof F200>[]>();
declare const args200: PackArgsOf<typeof F200>;
pack(F200, ...args200);
declare const args199: PackArgsOf<"<He?hIeQfeBebsQi?HHdQ?s?QqfshHfhs?qdbfcBhcebicbssiQedqdcqqdceQhIBbhQHifqcfsiq?sqeI?eqeHIfbsiefdhdsI?eeBdfHfseiiBBQsfQBIcBqhbiqcqsBbeecbqdeI?i?HbibBBe?bHqieihdbsIIIhsqqQs?qfsef?Bec?iqfddHiqi?i?IbcqeIbq">;
// @ts-expect-error: 199 values for 200 codes
pack(F200, ...args199);

// Counts and spaces: 64 items of 10, 640 values.
expectType(
  unpack(
    "<10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h 10h",
    b,
  ).length,
).is<640>();

// Records nested 8 deep, named and unnamed, with sub-arrays on the way.
const DEEP = "T{h:a:T{(2)b:b:T{q:c:T{T{T{T{T{d:z:}}}}}:d:}:e:}:f:}";
type Deep = [
  {
    a: number;
    f: {
      b: [number, number];
      e: { c: bigint; d: [[[[{ z: number }]]]] };
    };
  },
];
expectType(unpack(DEEP, b)).is<Deep>();
pack(DEEP, { a: 1, f: { b: [1, 2], e: { c: 1n, d: [[[[{ z: 1.5 }]]]] } } });
// @ts-expect-error: the innermost field has a wrong type
pack(DEEP, { a: 1, f: { b: [1, 2], e: { c: 1n, d: [[[[{ z: "x" }]]]] } } });

// 64 nested records, the deepest the runtime accepts (past 32 the value is `unknown`);
// 65 is an error.
type Nest64 =
  UnpackedOf<"T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{h}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}">;
declare const n64: Nest64;
expectType(n64.length).is<1>();
const D65 =
  "T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{T{h}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}";
// @ts-expect-error: T{} records nested deeper than 64 levels
unpack(D65, b);
