/**
 * Parsed layouts and compiled codecs, cached by format and options. Like
 * CPython's `MAXCACHE`, each cache is bounded and cleared wholesale when full.
 */

import type { Codec } from "../codec/codec.js";
import { compileCodec } from "../codec/compile.js";
import { buildProgram, isDense, type Program } from "../codec/ir.js";
import { parseLayout } from "../grammar/parse.js";
import { installPrinting } from "../print/hook.js";
import { layoutRepr } from "../print/layout-repr.js";
import type { Abi, Layout } from "../types.js";

/** Entries per cache before it is cleared (CPython's `MAXCACHE`). */
export const MAX_CACHE = 100;

const layouts = new Map<string, Layout>();
/** A compiled layout: its program, codec, and whether packing writes every byte. */
export interface Compiled {
  readonly program: Program;
  readonly codec: Codec;
  readonly dense: boolean;
}

const codecs = new Map<string, Compiled>();

function deepFreeze(layout: Layout): Layout {
  for (const f of layout.fields) {
    if (f.fields !== null) deepFreeze(f.fields);
    if (f.shape !== null) Object.freeze(f.shape);
    if (f.target !== null) Object.freeze(f.target);
    Object.freeze(f);
  }
  Object.freeze(layout.fields);
  installPrinting(layout, layoutRepr);
  return Object.freeze(layout);
}

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * The (frozen, shared) layout of a checked format text for an ABI.
 *
 * @example
 * layoutOf("<i", "lp64").size; // 4
 */
export function layoutOf(fmt: string, abi: Abi): Layout {
  const key = abi === "lp64" ? fmt : `${abi}\0${fmt}`;
  return layouts.get(key) ?? remember(layouts, key, deepFreeze(parseLayout(fmt, abi)));
}

/**
 * The program and codec of a format for an ABI and codec options.
 *
 * @example
 * codecOf("<i", "lp64", true, false).codec.unpack(dv, 0);
 */
export function codecOf(fmt: string, abi: Abi, codegen: boolean, int64Number: boolean): Compiled {
  const key = `${abi}\0${codegen ? 1 : 0}${int64Number ? 1 : 0}\0${fmt}`;
  const hit = codecs.get(key);
  if (hit !== undefined) return hit;
  const program = buildProgram(layoutOf(fmt, abi), abi, int64Number);
  const codec = compileCodec(program, codegen);
  return remember(codecs, key, { program, codec, dense: isDense(program) });
}

/**
 * Empty the layout and codec caches (Python's `struct._clearcache()`).
 *
 * @example
 * clearLayoutCaches();
 */
export function clearLayoutCaches(): void {
  layouts.clear();
  codecs.clear();
}
