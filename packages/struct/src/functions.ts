/**
 * The module-level functions of Python's `struct` (`pack`, `unpack`, `calcsize`,
 * …): each goes through a bounded cache of compiled `Struct`s, as CPython's
 * `cache_struct_converter` does (`MAXCACHE` entries, cleared wholesale).
 */
import { forgetBufferViews } from "./buffer-arg.js";
import type { ColumnsOf, FormatArg, PackArgsOf, UnpackedOf } from "./format-types/index.js";
import { type FormatSource, formatText } from "./grammar/format-source.js";
import { clearLayoutCaches, layoutOf, MAX_CACHE } from "./layout/layout-cache.js";
import { resolveOptions } from "./options.js";
import { packIntoArity, Struct } from "./struct.js";
import type { BufferSource, Column, Layout, StructOptions } from "./types.js";
import type { UnpackIterator } from "./unpack-iterator.js";

const structs = new Map<string, Struct>();

function structOf(fmt: unknown): Struct {
  if (typeof fmt === "string") {
    const hit = structs.get(fmt);
    if (hit !== undefined) return hit;
  }
  const s = new Struct(fmt as string);
  if (structs.size >= MAX_CACHE) structs.clear();
  structs.set(s.format, s);
  return s;
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
  return structOf(fmt).packArray(values);
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
  return structOf(fmt).packMany(rows);
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
  s.packIntoArray(buffer, offset, values);
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
  return structOf(fmt).unpack(buffer);
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
  return structOf(fmt).unpackFrom(buffer, offset);
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
  return structOf(fmt).iterUnpack(buffer);
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
  return structOf(fmt).unpackMany(buffer);
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
  return structOf(fmt).unpackColumns(buffer);
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
  return parseFormat(fmt, opts).size;
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
  return layoutOf(formatText(fmt), abi);
}

/**
 * Empty the format caches (Python's `struct._clearcache()`), and drop the cached
 * view of the last buffer used.
 *
 * @example
 * clearCache();
 */
export function clearCache(): void {
  structs.clear();
  forgetBufferViews();
  clearLayoutCaches();
}
