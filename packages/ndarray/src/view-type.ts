/**
 * What element type a view's items are, in the libraries' terms: a single primitive code
 * (optionally after a byte-order character and a repeat count of 1), `Zf`/`Zd` complex
 * included, with `l`/`L`/`n`/`N`/`P` taken by the view's item size (4 bytes on wasm32,
 * 8 on LP64). Records, sub-arrays and several items per element have no type there.
 */
import { NotImplementedError } from "@pybuffer/struct";
import { BY_CODE, type ElementType } from "./element-types.js";

const LITTLE_ENDIAN_HOST: boolean = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const SINGLE = /^([@=<>!]?)1?(Z[fd]|[A-Za-z?])$/;
const BY_SIZE: Readonly<Record<string, readonly [number, string][]>> = {
  l: [
    [4, "i"],
    [8, "q"],
  ],
  n: [
    [4, "i"],
    [8, "q"],
  ],
  L: [
    [4, "I"],
    [8, "Q"],
  ],
  N: [
    [4, "I"],
    [8, "Q"],
  ],
  P: [
    [4, "I"],
    [8, "Q"],
  ],
};

/** A view's element type, and whether its bytes are in the other byte order. */
export interface ViewType {
  readonly type: ElementType;
  readonly foreign: boolean;
}

/**
 * The element type of items of `format` (`null`: bytes) and `itemsize`, or
 * `NotImplementedError` naming the format.
 *
 * @example
 * ```ts
 * viewType(">d", 8, "toNdarray"); // { type: float64's, foreign: true } on a little-endian host
 * ```
 */
export function viewType(format: string | null, itemsize: number, what: string): ViewType {
  const fmt = format ?? "B";
  // The last answer again: a conversion per request asks the same every time.
  if (fmt === lastFormat && itemsize === lastItemsize && last !== null) return last;
  const match = SINGLE.exec(fmt);
  let code = match?.[2] ?? "";
  const sized = BY_SIZE[code]?.find(([size]) => size === itemsize);
  if (sized !== undefined) code = sized[1];
  const type = BY_CODE.get(code);
  if (match === null || type === undefined || type.itemsize !== itemsize) {
    throw new NotImplementedError(
      `${what}: format '${fmt}' (itemsize ${itemsize}) is not a single number type the ndarray libraries have`,
    );
  }
  const order = match[1];
  const big = order === ">" || order === "!";
  const little = order === "<";
  const foreign = itemsize / type.parts > 1 && (LITTLE_ENDIAN_HOST ? big : little);
  last = Object.freeze({ type, foreign });
  lastFormat = fmt;
  lastItemsize = itemsize;
  return last;
}

let last: ViewType | null = null;
let lastFormat = "";
let lastItemsize = 0;
