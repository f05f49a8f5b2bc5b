// Types that know the format, `@pybuffer/struct` and the umbrella's struct functions:
// compiled by `tsc` (with every TypeScript version the packages support), never run.
// Each `@ts-expect-error` is a misuse the types must reject.

import { iterUnpackBlob, iterUnpackBlobColumns } from "@pybuffer/blob";
import {
  type Abi,
  type Complex,
  calcSize,
  type FormatErrorOf,
  iterUnpack,
  type PackArgsOf,
  pack,
  packInto,
  packMany,
  parseFormat,
  Struct,
  type StructOptions,
  type UnpackedOf,
  type UnpackIterator,
  unpack,
  unpackColumns,
  unpackFrom,
  unpackMany,
} from "@pybuffer/struct";
import * as umbrella from "pybuffer";
import { expectType } from "./assert.js";

declare const b: Uint8Array;
declare const fmtOfBlob: string;
type Bytes = Uint8Array<ArrayBuffer>;
type N = number | bigint | boolean;

// --- every code, with the README's value table -------------------------------------------

expectType(unpack("<bBhHiIlL", b)).is<
  [number, number, number, number, number, number, number, number]
>();
expectType(unpack("<qQ", b)).is<[bigint, bigint]>();
expectType(unpack("<efd", b)).is<[number, number, number]>();
expectType(unpack("?", b)).is<[boolean]>();
expectType(unpack("c5s3p", b)).is<[Bytes, Bytes, Bytes]>();
expectType(unpack("<FDZfZd", b)).is<[Complex, Complex, Complex, Complex]>();
expectType(unpack("3u2w", b)).is<[string, string]>();
// Native mode (no prefix, `@`, `^`) on the default ABI (LP64): long, size_t, pointers 8 bytes.
expectType(unpack("lLnNP", b)).is<[bigint, bigint, bigint, bigint, bigint]>();
expectType(unpack("^lL", b)).is<[bigint, bigint]>();
// Standard sizes (`= < > !`): long is 4 bytes.
expectType(unpack("=l", b)).is<[number]>();
expectType(unpack(">l", b)).is<[number]>();
expectType(unpack("!L", b)).is<[number]>();
// Codes with a layout but no faithful value unpack to nothing at all.
expectType(unpack("O", b)).is<[never]>();
expectType(unpack("g", b)).is<[never]>();
expectType(unpack("4t&hZg", b)).is<[never, never, never]>();

// --- counts, padding, whitespace ----------------------------------------------------------

expectType(unpack("3h", b)).is<[number, number, number]>();
expectType(unpack("10s", b)).is<[Bytes]>();
expectType(unpack("0s", b)).is<[Bytes]>();
expectType(unpack("4x", b)).is<[]>();
expectType(unpack("0h", b)).is<[]>();
expectType(unpack("003?", b)).is<[boolean, boolean, boolean]>();
expectType(unpack("< h\t\n\v\f\rH ", b)).is<[number, number]>();
expectType(unpack("", b)).is<[]>();
expectType(unpack("3c", b)).is<[Bytes, Bytes, Bytes]>();
// A long count is an array (a tuple that long helps no one).
expectType(unpack("<1000B", b)).is<number[]>();
expectType(unpack("<999B", b).length).is<999>();

// --- records and sub-arrays ---------------------------------------------------------------

expectType(unpack("T{h:x:d:y:}", b)).is<[{ x: number; y: number }]>();
expectType(unpack("T{hh}", b)).is<[[number, number]]>();
expectType(unpack("T{}", b)).is<[[]]>();
// Unnamed fields of a named record: the lowest f<j> not taken, as NumPy names them.
expectType(unpack("T{i:a:i}", b)).is<[{ a: number; f0: number }]>();
expectType(unpack("T{i:f1:i}", b)).is<[{ f1: number; f0: number }]>();
expectType(unpack("T{ii:f0:}", b)).is<[{ f1: number; f0: number }]>();
// Padding is never a value, named or not.
expectType(unpack("T{2x:a:h:b:}", b)).is<[{ b: number }]>();
// A count inside a record is a sub-array; at the top level it repeats.
expectType(unpack("T{3h:v:}", b)).is<[{ v: [number, number, number] }]>();
expectType(unpack("2T{h:a:}", b)).is<[{ a: number }, { a: number }]>();
expectType(unpack("T{2T{h:a:}:b:}", b)).is<[{ b: [{ a: number }, { a: number }] }]>();
expectType(unpack("(2,3)h", b)).is<[[[number, number, number], [number, number, number]]]>();
expectType(unpack("(2)<3h", b)).is<[[[number, number, number], [number, number, number]]]>();
expectType(unpack("(2)s", b)).is<[[Bytes, Bytes]]>();
expectType(unpack("T{(0)h:a:}", b)).is<[{ a: [] }]>();
// A mode inside a record changes the codes after it, and leaks out of the record.
expectType(unpack("T{<l:a:}l", b)).is<[{ a: number }, number]>();
expectType(unpack("T{q:big:?:flag:3s:tag:Zd:z:}", b)).is<
  [{ big: bigint; flag: boolean; tag: Bytes; z: Complex }]
>();

// --- options: ABI and int64 ---------------------------------------------------------------

expectType(new Struct("lLnNPq", { abi: "wasm32" }).unpack(b)).is<
  [number, number, number, number, number, bigint]
>();
expectType(new Struct("lLnNP", { abi: "llp64" }).unpack(b)).is<
  [number, number, bigint, bigint, bigint]
>();
expectType(new Struct("lq", { abi: "lp64" }).unpack(b)).is<[bigint, bigint]>();
expectType(new Struct("lqQ", { int64: "number" }).unpack(b)).is<[number, number, number]>();
expectType(new Struct("<q", { int64: "bigint" }).unpack(b)).is<[bigint]>();
expectType(new Struct("g", { abi: "llp64" }).unpack(b)).is<[number]>();
declare const someAbi: Abi;
declare const opts: StructOptions;
// Options not known as literals: the ABI-dependent codes may be either.
expectType(new Struct("l", { abi: someAbi }).unpack(b)).is<[number] | [bigint]>();
expectType(new Struct("<hq", opts).unpack(b)).is<[number, number] | [number, bigint]>();
expectType(new Struct("<h", opts).unpack(b)).is<[number]>();

// --- option: encoding (s and p as text) ---------------------------------------------------

const utf8 = new Struct("<4sh3pc", { encoding: "utf-8" });
expectType(utf8.unpack(b)).is<[string, number, string, Uint8Array<ArrayBuffer>]>();
utf8.pack("RIFF", 1, "ab", new Uint8Array(1));
utf8.pack(new Uint8Array(4), 1, "ab", new Uint8Array(1)); // bytes still pack as they are
// @ts-expect-error: c stays bytes under an encoding
utf8.pack("RIFF", 1, "ab", "c");
expectType(new Struct("T{4s:tag:}", { encoding: "latin-1" }).unpack(b)).is<[{ tag: string }]>();
expectType(new Struct("4s", { encoding: undefined }).unpack(b)).is<[Uint8Array<ArrayBuffer>]>();
// @ts-expect-error: without an encoding, s takes bytes, not text
new Struct("4s").pack("RIFF");
expectType(new Struct("4s", opts).unpack(b)).is<[string] | [Uint8Array<ArrayBuffer>]>();

// --- every entry point --------------------------------------------------------------------

expectType(pack("<hd", 1, 2.5)).is<Uint8Array<ArrayBuffer>>();
pack("<hq?", 1n, 2, "anything goes for ?");
pack("<h", true);
pack("3s", new Uint8Array(3));
pack("<Zd", { re: 1, im: 2 });
pack("<Zd", 3);
pack("2u", "hi");
pack("T{h:a:(2)b:v:}", { a: 1, v: [2, 3] });
pack("T{hh}", [1, 2]);
packInto("<hh", b, 0, 1, 2);
expectType(
  packMany("<hh", [
    [1, 2],
    [3, 4],
  ]),
).is<Uint8Array<ArrayBuffer>>();
expectType(unpackFrom("<hQ", b, 2)).is<[number, bigint]>();
expectType(unpackFrom("<hQ", b)).is<[number, bigint]>();
expectType(iterUnpack("<hd", b)).is<UnpackIterator<[number, number]>>();
for (const [x, y] of iterUnpack("<hd", b)) expectType(x + y).is<number>();
expectType(unpackMany("<h?", b)).is<[number, boolean][]>();
expectType(unpackColumns("<bBhHiIqQefd?", b)).is<
  [
    Int8Array<ArrayBuffer>,
    Uint8Array<ArrayBuffer>,
    Int16Array<ArrayBuffer>,
    Uint16Array<ArrayBuffer>,
    Int32Array<ArrayBuffer>,
    Uint32Array<ArrayBuffer>,
    BigInt64Array<ArrayBuffer>,
    BigUint64Array<ArrayBuffer>,
    Float32Array<ArrayBuffer>,
    Float32Array<ArrayBuffer>,
    Float64Array<ArrayBuffer>,
    boolean[],
  ]
>();
expectType(new Struct("qlP", { int64: "number" }).unpackColumns(b)).is<
  [Float64Array<ArrayBuffer>, Float64Array<ArrayBuffer>, Float64Array<ArrayBuffer>]
>();
expectType(new Struct("lNP", { abi: "wasm32" }).unpackColumns(b)).is<
  [Int32Array<ArrayBuffer>, Uint32Array<ArrayBuffer>, Uint32Array<ArrayBuffer>]
>();
expectType(calcSize("<hd")).is<number>();
parseFormat("T{h:a:}");

const s = new Struct("<qQ");
expectType(s.unpack(b)).is<[bigint, bigint]>();
expectType(s.unpackFrom(b, 0)).is<[bigint, bigint]>();
expectType(s.unpackMany(b)).is<[bigint, bigint][]>();
expectType(s.iterUnpack(b)).is<UnpackIterator<[bigint, bigint]>>();
expectType(s.unpackColumns(b)).is<[BigInt64Array<ArrayBuffer>, BigUint64Array<ArrayBuffer>]>();
s.pack(1n, 2);
s.packArray([1, 2n]);
s.packInto(b, 0, 1, 2);
s.packIntoArray(b, 0, [1, 2]);
s.packMany([[1, 2]]);
s.packManyInto(b, 0, [[1, 2]]);
// A Struct of a literal format is still a Struct.
const general: Struct = s;
void general;

// The umbrella's functions and Struct take exporters, and the same types.
expectType(umbrella.unpack("<hd", b)).is<[number, number]>();
expectType(umbrella.unpackFrom("<q", b, 1)).is<[bigint]>();
expectType(umbrella.unpackMany("<q", b)).is<[bigint][]>();
expectType(umbrella.iterUnpack("<q", b)).is<UnpackIterator<[bigint]>>();
expectType(umbrella.unpackColumns("<q", b)).is<[BigInt64Array<ArrayBuffer>]>();
expectType(new umbrella.Struct("<Hl", { abi: "wasm32" }).unpack(b)).is<[number, number]>();
umbrella.packInto("<h", b, 0, 1);
expectType(umbrella.pack("<h", 1)).is<Uint8Array<ArrayBuffer>>();

// @pybuffer/blob's streamed iter_unpack over a Blob: records and columns typed the same way.
declare const blob: Blob;
expectType(iterUnpackBlob("<hq", blob)).is<AsyncGenerator<[number, bigint], void, undefined>>();
expectType(iterUnpackBlob("<q", blob, { int64: "number" })).is<
  AsyncGenerator<[number], void, undefined>
>();
expectType(iterUnpackBlobColumns("<hd", blob)).is<
  AsyncGenerator<[Int16Array<ArrayBuffer>, Float64Array<ArrayBuffer>], void, undefined>
>();
expectType(iterUnpackBlob(fmtOfBlob, blob)).is<AsyncGenerator<unknown[], void, undefined>>();
// @ts-expect-error: bad char in struct format: 'y'
iterUnpackBlob("<y", blob);
// The other options keep their types (a callback's parameter is not `any`).
iterUnpackBlob("<h", blob, { onProgress: (p) => expectType(p.bytesRead).is<number>() });
expectType(iterUnpackBlob("l", blob, { abi: "wasm32", onProgress: () => {} })).is<
  AsyncGenerator<[number], void, undefined>
>();

// --- exported type helpers ----------------------------------------------------------------

expectType<UnpackedOf<"<IHd">>().is<[number, number, number]>();
expectType<PackArgsOf<"<h3s">>().is<[N, Uint8Array]>();
expectType<PackArgsOf<"T{h:a:}">>().is<[{ readonly a: N }]>();
expectType<UnpackedOf<"l", { abi: "wasm32" }>>().is<[number]>();
expectType<FormatErrorOf<"<y">>().is<"bad char in struct format: 'y'">();
expectType<FormatErrorOf<"<h">>().is<never>();

// --- formats not known at compile time fall back, without error --------------------------

declare const fmt: string;
expectType(unpack(fmt, b)).is<unknown[]>();
expectType(unpackFrom(fmt, b)).is<unknown[]>();
expectType(unpackMany(fmt, b)).is<unknown[][]>();
expectType(iterUnpack(fmt, b)).is<UnpackIterator<unknown[]>>();
pack(fmt, 1, "x", null);
expectType(unpack(new Uint8Array([0x3c, 0x68]), b)).is<unknown[]>();
expectType(new Struct(fmt).unpack(b)).is<unknown[]>();
declare const n: number;
expectType(unpack(`<${n}h`, b)).is<unknown[]>();
expectType(unpack(`<h${fmt}`, b)).is<unknown[]>();
const either = n > 0 ? "<h" : "<q";
expectType(unpack(either, b)).is<[number] | [bigint]>();

// --- misuse is a compile error ------------------------------------------------------------

// @ts-expect-error: "h" takes a number, not a string
pack("<H", "oops");
// @ts-expect-error: one value missing
pack("<H");
// @ts-expect-error: one value too many
pack("<H", 1, 2);
// @ts-expect-error: s takes bytes
pack("3s", "abc");
// @ts-expect-error: u takes a string
pack("2u", 1);
// @ts-expect-error: a complex is { re, im }
pack("Zd", { re: 1 });
// @ts-expect-error: a record field is missing
pack("T{h:a:h:b:}", { a: 1 });
// @ts-expect-error: a field the record does not have
pack("T{h:a:}", { a: 1, z: 2 });
// @ts-expect-error: an unnamed record is a tuple
pack("T{hh}", { f0: 1, f1: 2 });
// @ts-expect-error: a sub-array of two
pack("(2)h", [1, 2, 3]);
// @ts-expect-error: wrong arity in packInto
packInto("<hh", b, 0, 1);
// @ts-expect-error: packInto needs its offset
packInto("<h", b, 1n, "x");
// @ts-expect-error: a row too short
packMany("<hh", [[1, 2], [3]]);
// @ts-expect-error: Struct#pack checks too
s.pack(1n);
// @ts-expect-error: and packArray
s.packArray([1, 2, 3]);
// @ts-expect-error: and packIntoArray
s.packIntoArray(b, 0, ["x", 1]);
// @ts-expect-error: and packMany
s.packMany([[1]]);
// @ts-expect-error: and packManyInto
s.packManyInto(b, 0, [[1, 2, 3]]);
// @ts-expect-error: the umbrella's packInto checks too
umbrella.packInto("<h", b, 0, "x");
// @ts-expect-error: unpack gives bigints for q
const wrong: [number] = unpack("<q", b);
void wrong;
// @ts-expect-error: a Struct of another format
const other: Struct<"<h"> = new Struct("<i");
void other;

// Malformed literal formats: the parameter's type is the message.
// @ts-expect-error: bad char in struct format: 'y'
unpack("<y", b);
// @ts-expect-error: repeat count given without format specifier
calcSize("3");
// @ts-expect-error: a mode only at the start (outside records)
calcSize("h<h");
// @ts-expect-error: no whitespace between a count and its code
calcSize("2 i");
// @ts-expect-error: n N P exist in native mode only
calcSize("<n");
// @ts-expect-error: unterminated T{ record in struct format
new Struct("T{h");
// @ts-expect-error: bad char in struct format: '}'
unpackFrom("h}", b);
// @ts-expect-error: duplicate field name 'a' in struct format
iterUnpack("T{h:a:h:a:}", b);
// @ts-expect-error: bad sub-array shape '(2,)' in struct format
unpackMany("(2,)h", b);
// @ts-expect-error: unterminated sub-array shape in struct format
unpackColumns("(2h", b);
// @ts-expect-error: bad char in struct format: ':'
parseFormat("h:a");
// @ts-expect-error: the umbrella's functions check the format too
umbrella.unpack("<y", b);

// The message itself, where a person reads it.
expectType<FormatErrorOf<"h}">>().is<"bad char in struct format: '}'">();
expectType<FormatErrorOf<"3">>().is<"repeat count given without format specifier">();
expectType<FormatErrorOf<"T{h">>().is<"unterminated T{ record in struct format">();
expectType<FormatErrorOf<"T{h:a:h:a:}">>().is<"duplicate field name 'a' in struct format">();
expectType<FormatErrorOf<"(2,)h">>().is<"bad sub-array shape '(2,)' in struct format">();
expectType<FormatErrorOf<"(2h">>().is<"unterminated sub-array shape in struct format">();
expectType<FormatErrorOf<"<n">>().is<"bad char in struct format: 'n'">();
