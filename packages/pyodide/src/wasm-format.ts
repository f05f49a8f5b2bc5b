/**
 * A view's format as Python on wasm32 must read it. Native codes take their sizes from
 * the view's ABI; Python inside Pyodide reads them on wasm32, where `l`, `L`, `n`, `N`
 * and `P` are 4 bytes (8 on lp64). A format whose layout is the same on both passes
 * unchanged; a single such code is renamed to the wasm32 code of its size (`l` of lp64
 * is wasm32's `q`); anything else would be misread, so it is refused.
 */
import type { Abi } from "@pybuffer/core";
import { type Layout, parseFormat, ValueError } from "@pybuffer/struct";

function sameLayout(a: Layout, b: Layout): boolean {
  if (a.size !== b.size || a.fields.length !== b.fields.length) return false;
  return a.fields.every((f, i) => {
    const g = b.fields[i];
    if (g === undefined || f.code !== g.code || f.offset !== g.offset || f.size !== g.size) {
      return false;
    }
    return f.fields === null || (g.fields !== null && sameLayout(f.fields, g.fields));
  });
}

const EIGHT_BYTE: Readonly<Record<string, string>> = { l: "q", L: "Q", n: "q", N: "Q", P: "Q" };

/**
 * `format` (native codes sized by `abi`) as a format with the same layout on wasm32.
 *
 * @example
 * formatForWasm32("l", "lp64"); // "q"
 * formatForWasm32("<d", "lp64"); // "<d"
 */
export function formatForWasm32(format: string, abi: Abi): string {
  if (abi === "wasm32") return format;
  const here = parseFormat(format, { abi });
  if (sameLayout(here, parseFormat(format, { abi: "wasm32" }))) return format;
  const single = /^(@?)(\d*)([lLnNP])$/.exec(format);
  if (single !== null) {
    const renamed = `${single[1]}${single[2]}${EIGHT_BYTE[single[3] as string]}`;
    if (here.size === parseFormat(renamed, { abi: "wasm32" }).size) return renamed;
  }
  throw new ValueError(
    `format '${format}' of the ${abi} ABI has another layout on wasm32: describe its items with standard sizes (such as '<q') or the wasm32 ABI`,
  );
}
