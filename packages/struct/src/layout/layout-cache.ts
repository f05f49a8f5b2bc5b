/**
 * Parsed layouts and compiled formats, cached by format and options. Like
 * CPython's `MAXCACHE`, each cache is bounded and cleared wholesale when full.
 * A compiled format's four codec entry points are compiled on first use, each by
 * the module that calls it, so a bundle that only unpacks carries no pack code.
 */
import type { ManyPacker, Packer } from "../codec/compile-pack.js";
import type { ColumnsDecoder, Unpacker } from "../codec/compile-unpack.js";
import { buildProgram, type Program } from "../codec/ir.js";
import type { Int64Number } from "../codec/ops.js";
import { VALUE_FLOOR, VALUES_PER_BYTE } from "../codec/value-budget.js";
import { parseLayout } from "../grammar/parse.js";
import type { Abi, Layout } from "../types.js";

/** Entries per cache before it is cleared (CPython's `MAXCACHE`). */
export const MAX_CACHE = 100;

const layouts = new Map<string, Layout>();

/** A format compiled for an ABI and codec options, shared by every `Struct` and function using it. */
export interface Compiled {
  /** The format text. */
  readonly format: string;
  readonly abi: Abi;
  /** The layout (frozen and printable only once `publicLayout` handed it out). */
  readonly layout: Layout;
  readonly program: Program;
  /** Bytes of one struct. */
  readonly size: number;
  /** Values of one unpack (pack arguments). */
  readonly length: number;
  /** Whether generated code may be used. */
  readonly codegen: boolean;
  /** Whether one struct is within the value budget (`codec/value-budget.ts`). */
  readonly single: boolean;
  /** The codec's entry points, `null` until first used. */
  unpack: Unpacker | null;
  pack: Packer | null;
  packMany: ManyPacker | null;
  columns: ColumnsDecoder | null;
  /** Whether packing writes every byte (set with `pack`). */
  dense: boolean;
  /** The guarded packer where the format has one (set with `pack`; `compile-pack.ts`). */
  guarded: Packer | null;
}

/**
 * Compiled formats by options and format text; with the default options (those of the
 * module-level functions) by the text alone, which no other key can be (a format has no
 * NUL), so that a call finds its format with one lookup and no key to build.
 */
export const compiled: Map<string, Compiled> = new Map();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * The (shared, never mutated) layout of a checked format text for an ABI.
 *
 * @example
 * layoutOf("<i", "lp64").size; // 4
 */
export function layoutOf(fmt: string, abi: Abi): Layout {
  const key = abi === "lp64" ? fmt : `${abi}\0${fmt}`;
  return layouts.get(key) ?? remember(layouts, key, parseLayout(fmt, abi));
}

/**
 * The compiled format of a checked format text for an ABI and codec options (`int64`:
 * the readers of the `int64: "number"` option, or `null`).
 *
 * @example
 * compiledOf("<i", "lp64", true, null).size; // 4
 */
export function compiledOf(
  fmt: string,
  abi: Abi,
  codegen: boolean,
  int64: Int64Number | null,
): Compiled {
  const key =
    abi === "lp64" && codegen && int64 === null
      ? fmt
      : `${abi}\0${codegen ? 1 : 0}${int64 === null ? 0 : 1}\0${fmt}`;
  const hit = compiled.get(key);
  if (hit !== undefined) return hit;
  const layout = layoutOf(fmt, abi);
  const program = buildProgram(layout, abi, int64);
  const { size, length, values } = program;
  return remember(compiled, key, {
    format: fmt,
    abi,
    layout,
    program,
    size,
    length,
    codegen,
    single: values <= VALUE_FLOOR + VALUES_PER_BYTE * size + fmt.length,
    unpack: null,
    pack: null,
    packMany: null,
    columns: null,
    dense: false,
    guarded: null,
  });
}

/**
 * Empty the layout and compiled-format caches (Python's `struct._clearcache()`).
 *
 * @example
 * clearLayoutCaches();
 */
export function clearLayoutCaches(): void {
  layouts.clear();
  compiled.clear();
}
