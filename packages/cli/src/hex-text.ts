/**
 * Hex text of bytes, chunk by chunk: Python's `bytes.hex(sep, bytes_per_sep)` (exactly,
 * with the separator phase carried across chunks) and a classic dump with offsets and
 * an ASCII column.
 */
import { ValueError } from "@pybuffer/struct";

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, "0"),
);

/**
 * Checks a separator as `bytes.hex` does.
 *
 * @example
 * ```ts
 * checkSep("::"); // ValueError: sep must be length 1.
 * ```
 */
export function checkSep(sep: string): void {
  if (sep.length !== 1) throw new ValueError("sep must be length 1.");
  if (sep.charCodeAt(0) > 0x7f) throw new ValueError("sep must be ASCII.");
}

/**
 * `bytes.hex(sep, perSep)` of a byte string of `total` bytes, fed in chunks:
 * `chunk(bytes, position)` gives the text of `bytes` found at `position`. A positive
 * `perSep` groups from the right (as Python does), a negative one from the left.
 *
 * @example
 * ```ts
 * const hex = pythonHex(5, ":", 2);
 * hex(new Uint8Array([97, 98, 99, 100, 101]), 0); // "61:6263:6465"
 * ```
 */
export function pythonHex(
  total: number,
  sep: string | undefined,
  perSep: number,
): (bytes: Uint8Array, position: number) => string {
  const n = Math.abs(perSep);
  const grouped = sep !== undefined && n !== 0;
  return (bytes, position) => {
    let text = "";
    for (let i = 0; i < bytes.length; i++) {
      const at = position + i;
      if (grouped && at > 0 && (perSep > 0 ? (total - at) % n === 0 : at % n === 0)) text += sep;
      text += HEX[bytes[i]!]!;
    }
    return text;
  };
}

/**
 * One line of a dump: offset, 16 bytes in groups of 4 (`data.hex(" ", -4)`), ASCII.
 *
 * @example
 * ```ts
 * dumpLine(new Uint8Array([82, 73, 70, 70]), 0);
 * // "00000000  52494646                             |RIFF|"
 * ```
 */
export function dumpLine(row: Uint8Array, offset: number): string {
  let hex = "";
  let ascii = "";
  for (let i = 0; i < 16; i++) {
    if (i > 0 && i % 4 === 0) hex += " ";
    const b = row[i];
    hex += b === undefined ? "  " : HEX[b]!;
    if (b !== undefined) ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".";
  }
  return `${offset.toString(16).padStart(8, "0")}  ${hex}  |${ascii}|`;
}
