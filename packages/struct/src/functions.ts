/**
 * The module-level functions of Python's `struct` (`pack`, `unpack`, `calcsize`,
 * …): each goes through a bounded cache of compiled formats, as CPython's
 * `cache_struct_converter` does (`MAXCACHE` entries, cleared wholesale), and calls
 * the same code as the `Struct` method, without importing `Struct`: a bundle holds
 * only the functions it imports.
 */
import { forgetBufferViews } from "./buffer-arg.js";
import { packIntoArity, packIntoRest, packRows, packValues } from "./calls-pack.js";
import { unpackAll, unpackAt, unpackWhole } from "./calls-unpack.js";
import { unpackColumnsOf } from "./columns.js";
import type { ColumnsOf, FormatArg, PackArgsOf, UnpackedOf } from "./format-types/index.js";
import { type FormatSource, formatText } from "./grammar/format-source.js";
import {
  type Compiled,
  clearLayoutCaches,
  compiled,
  compiledOf,
  layoutOf,
} from "./layout/layout-cache.js";
import { publicLayout } from "./layout/public-layout.js";
import { resolveOptions } from "./options.js";
import type { BufferSource, Column, Layout, StructOptions } from "./types.js";
import { iterStructs, type UnpackIterator } from "./unpack-iterator.js";

/** The compiled format of a format argument, with `Struct()`'s checks and errors. */
function structOf(fmt: unknown): Compiled {
  if (typeof fmt === "string") {
    const hit = compiled.get(fmt);
    if (hit !== undefined) return hit;
  }
  if (fmt === undefined) {
    throw new TypeError("Struct() missing required argument 'format' (pos 1)");
  }
  return compiledOf(formatText(fmt), "lp64", true, null);
}

function twoArgs(name: string, given: number): TypeError {
  return new TypeError(`${name} expected 2 arguments, got ${given}`);
}

function missingFormat(): TypeError {
  return new TypeError("missing format argument");
}

/**
 * Pack values by a format (Python's `struct.pack`).
 *
 * @example
 * pack("<hh", 1, 2); // Uint8Array [1, 0, 2, 0]
 */
export function pack<F extends FormatSource>(
  fmt: FormatArg<F>,
  ...values: PackArgsOf<F>
): Uint8Array<ArrayBuffer>;
export function pack(fmt: string | Uint8Array, ...values: unknown[]): Uint8Array<ArrayBuffer> {
  // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
  const argc = arguments.length;
  if (argc === 0) throw missingFormat();
  return packValues(structOf(fmt), values);
}

/**
 * Pack many rows into new bytes, one struct after another (inverse of `iterUnpack`).
 *
 * @example
 * packMany("<h", [[1], [2]]); // Uint8Array [1, 0, 2, 0]
 */
export function packMany<F extends FormatSource>(
  fmt: FormatArg<F>,
  rows: readonly Readonly<PackArgsOf<F>>[],
): Uint8Array<ArrayBuffer>;
export function packMany(
  fmt: string | Uint8Array,
  rows: readonly (readonly unknown[])[],
): Uint8Array<ArrayBuffer> {
  return packRows(structOf(fmt), rows);
}

/**
 * Pack values into a buffer at an offset (Python's `struct.pack_into`).
 *
 * @example
 * const buf = new Uint8Array(4);
 * packInto("<h", buf, 2, 258); // buf: [0, 0, 2, 1]
 */
export function packInto<F extends FormatSource>(
  fmt: FormatArg<F>,
  buffer: BufferSource,
  offset: number | bigint,
  ...values: PackArgsOf<F>
): void;
export function packInto(
  fmt: string | Uint8Array,
  buffer: BufferSource,
  offset: number | bigint,
  ...values: unknown[]
): void {
  // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
  const argc = arguments.length;
  if (argc === 0) throw missingFormat();
  const s = structOf(fmt);
  if (argc < 3) throw packIntoArity(argc - 1);
  packIntoRest(s, buffer, offset, values);
}

/**
 * Unpack a buffer of exactly `calcSize(fmt)` bytes (Python's `struct.unpack`).
 *
 * @example
 * unpack("<hh", new Uint8Array([1, 0, 2, 0])); // [1, 2]
 */
export function unpack<F extends FormatSource>(
  fmt: FormatArg<F>,
  buffer: BufferSource,
): UnpackedOf<F>;
export function unpack(fmt: string | Uint8Array, buffer: BufferSource): unknown[] {
  // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
  const argc = arguments.length;
  if (argc !== 2) throw twoArgs("unpack", argc);
  return unpackWhole(structOf(fmt), buffer);
}

/**
 * Unpack one struct at an offset (Python's `struct.unpack_from`).
 *
 * @example
 * unpackFrom("<h", new Uint8Array([0, 5, 0]), 1); // [5]
 */
export function unpackFrom<F extends FormatSource>(
  fmt: FormatArg<F>,
  buffer: BufferSource,
  offset?: number | bigint,
): UnpackedOf<F>;
export function unpackFrom(
  fmt: string | Uint8Array,
  buffer: BufferSource,
  offset: number | bigint = 0,
): unknown[] {
  // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
  const argc = arguments.length;
  if (argc < 2) {
    throw new TypeError(
      argc === 0
        ? "unpack_from() takes at least 1 positional argument (0 given)"
        : "unpack_from() missing required argument 'buffer' (pos 2)",
    );
  }
  return unpackAt(structOf(fmt), buffer, offset);
}

/**
 * Iterate over consecutive structs (Python's `struct.iter_unpack`).
 *
 * @example
 * [...iterUnpack("<b", new Uint8Array([1, 2]))]; // [[1], [2]]
 */
export function iterUnpack<F extends FormatSource>(
  fmt: FormatArg<F>,
  buffer: BufferSource,
): UnpackIterator<UnpackedOf<F>>;
export function iterUnpack(fmt: string | Uint8Array, buffer: BufferSource): UnpackIterator {
  // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
  const argc = arguments.length;
  if (argc !== 2) throw twoArgs("iter_unpack", argc);
  return iterStructs(structOf(fmt), buffer);
}

/**
 * Decode every struct of a buffer into an array of tuples (`list(struct.iter_unpack(...))`
 * in one call; the inverse of `packMany`).
 *
 * @example
 * unpackMany("<b", new Uint8Array([1, 2])); // [[1], [2]]
 */
export function unpackMany<F extends FormatSource>(
  fmt: FormatArg<F>,
  buffer: BufferSource,
): UnpackedOf<F>[];
export function unpackMany(fmt: string | Uint8Array, buffer: BufferSource): unknown[][] {
  // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
  const argc = arguments.length;
  if (argc !== 2) throw twoArgs("iter_unpack", argc);
  return unpackAll(structOf(fmt), buffer);
}

/**
 * Decode consecutive structs into columns (typed arrays for numeric codes).
 *
 * @example
 * unpackColumns("<hd", new Uint8Array(20)); // [Int16Array(2), Float64Array(2)]
 */
export function unpackColumns<F extends FormatSource>(
  fmt: FormatArg<F>,
  buffer: BufferSource,
): ColumnsOf<F>;
export function unpackColumns(fmt: string | Uint8Array, buffer: BufferSource): Column[] {
  return unpackColumnsOf(structOf(fmt), buffer);
}

/**
 * Size in bytes of a format (Python's `struct.calcsize`).
 *
 * @example
 * calcSize("<IHHd"); // 16
 * calcSize("l", { abi: "llp64" }); // 4
 */
export function calcSize<F extends FormatSource>(fmt: FormatArg<F>, opts?: StructOptions): number;
export function calcSize(fmt: string | Uint8Array, opts?: StructOptions): number {
  // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
  const argc = arguments.length;
  if (argc === 0) {
    throw new TypeError("_struct.calcsize() takes exactly one argument (0 given)");
  }
  const { abi } = resolveOptions(opts);
  return layoutOf(formatText(fmt), abi).size;
}

/**
 * The layout tree of a format: every field's code, byte order, offset, size,
 * alignment, count, shape, name and nested record.
 *
 * @example
 * parseFormat("T{b:a:i:b:}").fields[0]!.fields!.fields[1]!.offset; // 4
 */
export function parseFormat<F extends FormatSource>(
  fmt: FormatArg<F>,
  opts?: StructOptions,
): Layout;
export function parseFormat(fmt: string | Uint8Array, opts?: StructOptions): Layout {
  const { abi } = resolveOptions(opts);
  return publicLayout(layoutOf(formatText(fmt), abi));
}

/**
 * Empty the format caches (Python's `struct._clearcache()`), and drop the cached
 * view of the last buffer used.
 *
 * @example
 * clearCache();
 */
export function clearCache(): void {
  forgetBufferViews();
  clearLayoutCaches();
}
