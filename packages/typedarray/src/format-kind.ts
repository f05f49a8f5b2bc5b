/**
 * From a view's item format to the TypedArray kind that can alias its items, if any.
 *
 * A TypedArray reads one primitive in the platform's byte order, so a format has a kind
 * only when it is a single primitive code (optionally prefixed by a byte-order character
 * and a repeat count of 1) in native order, or a one-byte code in any order.
 * Sizes come from the view's `itemsize`, which is how `l`, `L`, `n`, `N` and `P` follow
 * the view's ABI (4 bytes on wasm32, 8 on LP64).
 */
import { pythonTypeName } from "@pybuffer/core";
import { float16ArrayConstructor } from "./kinds.js";

const LITTLE_ENDIAN_HOST: boolean = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Kind names by code; `null` entries depend on the item size. */
const FIXED: Readonly<Record<string, readonly [kind: string, size: number]>> = {
  b: ["Int8Array", 1],
  B: ["Uint8Array", 1],
  "?": ["Uint8Array", 1],
  c: ["Uint8Array", 1],
  h: ["Int16Array", 2],
  H: ["Uint16Array", 2],
  i: ["Int32Array", 4],
  I: ["Uint32Array", 4],
  q: ["BigInt64Array", 8],
  Q: ["BigUint64Array", 8],
  e: ["Float16Array", 2],
  f: ["Float32Array", 4],
  d: ["Float64Array", 8],
};
const SIGNED_BY_SIZE: Readonly<Record<number, string>> = { 4: "Int32Array", 8: "BigInt64Array" };
const UNSIGNED_BY_SIZE: Readonly<Record<number, string>> = {
  4: "Uint32Array",
  8: "BigUint64Array",
};

const SINGLE = /^([@=<>!]?)(1?)([A-Za-z?])$/;

/** The outcome of {@link formatKind}: a kind, or the reason there is none. */
export type FormatKind =
  | { readonly kind: string; readonly foreign: boolean; readonly reason?: undefined }
  | { readonly kind?: undefined; readonly foreign?: undefined; readonly reason: string };

/**
 * The TypedArray kind whose elements hold items of `format` (`null` means `"B"`) and
 * `itemsize`, with `foreign: true` when the items are in the other byte order (readable
 * only after a byte swap); or the reason no kind can: a record or multi-item format, an
 * item size the code cannot have, or `Float16Array` missing from this runtime.
 *
 * @example
 * ```ts
 * formatKind("<i", 4); // { kind: "Int32Array", foreign: false }
 * formatKind(">i", 4); // { kind: "Int32Array", foreign: true }
 * formatKind("L", 8);  // { kind: "BigUint64Array", foreign: false } (LP64)
 * formatKind("2i", 8); // { reason: "format '2i' is not a single primitive item" }
 * ```
 */
export function formatKind(format: string | null, itemsize: number): FormatKind {
  if (format !== null && typeof format !== "string") {
    throw new TypeError(
      `formatKind() format must be a string or null, not '${pythonTypeName(format)}'`,
    );
  }
  if (!Number.isSafeInteger(itemsize) || itemsize < 1) {
    throw new TypeError("formatKind() itemsize must be a positive integer");
  }
  const fmt = format ?? "B";
  // The last answer again (a conversion per request asks the same every time): the
  // regular expression cost toTypedArray ~30 of ~320 ns.
  if (fmt === lastFormat && itemsize === lastItemsize && lastKind !== null) return lastKind;
  // Frozen: the same object goes to every caller that asks the same.
  const found = Object.freeze(resolve(fmt, itemsize));
  // Not kept when it depends on Float16Array, which a polyfill may add later.
  const f16 = found.kind === "Float16Array" || found.reason?.includes("Float16Array") === true;
  lastFormat = fmt;
  lastItemsize = itemsize;
  lastKind = f16 ? null : found;
  return found;
}

let lastFormat = "";
let lastItemsize = 0;
let lastKind: FormatKind | null = null;

function resolve(fmt: string, itemsize: number): FormatKind {
  const match = SINGLE.exec(fmt);
  if (match === null) {
    return { reason: `format '${fmt}' is not a single primitive item` };
  }
  const order = match[1] ?? "";
  const code = match[3] ?? "";
  let kind: string | undefined;
  const fixed = FIXED[code];
  if (fixed !== undefined) {
    if (fixed[1] !== itemsize) {
      return { reason: `format '${fmt}' has items of ${fixed[1]} bytes, not itemsize ${itemsize}` };
    }
    kind = fixed[0];
  } else if (code === "l" || code === "n") {
    kind = SIGNED_BY_SIZE[itemsize];
  } else if (code === "L" || code === "N" || code === "P") {
    kind = UNSIGNED_BY_SIZE[itemsize];
  }
  if (kind === undefined) {
    return { reason: `format '${fmt}' (itemsize ${itemsize}) has no TypedArray kind` };
  }
  if (kind === "Float16Array" && float16ArrayConstructor() === undefined) {
    return { reason: `format '${fmt}' needs Float16Array, which this runtime does not have` };
  }
  const bigEndian = order === ">" || order === "!";
  const foreign = itemsize > 1 && (LITTLE_ENDIAN_HOST ? bigEndian : order === "<");
  return { kind, foreign };
}
