/**
 * The items printing reads without the struct codec (which would otherwise come into
 * every bundle that has an exporter): a single integer, float, bool or char code, with
 * an optional byte-order prefix, read through a DataView. Any other format prints its
 * items as bytes; a memoryview passes its own reader instead (`describeView`).
 */
import { bytesRepr, floatRepr } from "@pybuffer/struct/print";
import type { BufferView } from "../view.js";

const SIGNED = "bhilqn";
/** The codes of each byte width (index); native `l L n N P` are 4 or 8 bytes by ABI. */
const OF_WIDTH = ["", "bBc?", "hH", "", "iIf", "", "", "", "qQd"];

function fits(code: string, width: number): boolean {
  return (
    (OF_WIDTH[width] ?? "").includes(code) ||
    ((width === 4 || width === 8) && "lLnNP".includes(code))
  );
}

/**
 * A reader of one item's text at a byte address of `view.memory`, for the formats above
 * (`width` bytes an item), or `null`.
 *
 * @example
 * simpleReader(view, 2)?.(0); // "-2" for format "<h"
 */
export function simpleReader(view: BufferView, width: number): ((at: number) => string) | null {
  const match = /^([@=<>!^]?)(.)$/.exec(view.format ?? "B");
  if (match === null) return null;
  const [, prefix, code] = match as unknown as [string, string, string];
  if (!fits(code, width)) return null;
  const little = prefix !== ">" && prefix !== "!";
  const dv = new DataView(view.memory);
  if (code === "c") return (at) => bytesRepr(new Uint8Array(view.memory, at, 1));
  if (code === "?") return (at) => (dv.getUint8(at) !== 0 ? "True" : "False");
  if (code === "f") return (at) => floatRepr(dv.getFloat32(at, little));
  if (code === "d") return (at) => floatRepr(dv.getFloat64(at, little));
  const signed = SIGNED.includes(code);
  // getInt8 … getBigUint64: one DataView method by sign and width.
  const get = dv[
    `get${width === 8 ? "Big" : ""}${signed ? "Int" : "Uint"}${width * 8}` as "getUint32"
  ] as (this: DataView, at: number, little: boolean) => number | bigint;
  return (at) => String(get.call(dv, at, little));
}
