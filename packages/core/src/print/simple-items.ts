/**
 * The items printing reads without the struct codec (which would otherwise come into
 * every bundle that has an exporter): a single integer, float, bool or char code, with
 * an optional byte-order prefix, read through a DataView. Any other format prints its
 * items as bytes; a memoryview passes its own reader instead (`describeView`).
 */
import { bytesRepr, floatRepr } from "@pybuffer/struct/print";
import type { BufferView } from "../view.js";

const SIGNED = "bhilqn";
const UNSIGNED = "BHILQNP";
/** The byte widths each code can have (native `l L n N P` depend on the ABI). */
const WIDTHS: Readonly<Record<string, readonly number[]>> = {
  b: [1],
  B: [1],
  c: [1],
  "?": [1],
  h: [2],
  H: [2],
  i: [4],
  I: [4],
  f: [4],
  q: [8],
  Q: [8],
  d: [8],
  l: [4, 8],
  L: [4, 8],
  n: [4, 8],
  N: [4, 8],
  P: [4, 8],
};

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
  if (!(WIDTHS[code] ?? []).includes(width)) return null;
  // Every ABI the family knows is little-endian natively.
  const little = prefix !== ">" && prefix !== "!";
  const dv = new DataView(view.memory);
  if (code === "c") return (at) => bytesRepr(new Uint8Array(view.memory, at, 1));
  if (code === "?") return (at) => (dv.getUint8(at) !== 0 ? "True" : "False");
  if (code === "f") return (at) => floatRepr(dv.getFloat32(at, little));
  if (code === "d") return (at) => floatRepr(dv.getFloat64(at, little));
  const signed = SIGNED.includes(code);
  if (!signed && !UNSIGNED.includes(code)) return null;
  if (width === 8) {
    return (at) => String(signed ? dv.getBigInt64(at, little) : dv.getBigUint64(at, little));
  }
  return (at) => {
    if (width === 1) return String(signed ? dv.getInt8(at) : dv.getUint8(at));
    if (width === 2) return String(signed ? dv.getInt16(at, little) : dv.getUint16(at, little));
    return String(signed ? dv.getInt32(at, little) : dv.getUint32(at, little));
  };
}
