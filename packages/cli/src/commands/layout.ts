/**
 * `pybuf layout FORMAT`: where every field of a format lies, as a table (offsets,
 * sizes, codes, names, padding, nested records indented) and a strip with one letter
 * per byte, coloured on a terminal.
 */
import { parseFormat, pythonStrRepr } from "@pybuffer/struct";
import { positionals } from "../args.js";
import { colourWanted, type Painter, painter } from "../colour.js";
import { ABI_OPTION, type Command, structOptions } from "../command.js";
import { type MapRow, mapRows } from "../layout-map.js";
import { npyFormat } from "../npy-input.js";

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
/** Bytes shown in the strip; larger layouts show their start and say so. */
const STRIP_MAX = 1024;

const MODES: Readonly<Record<string, string>> = {
  "@": "native sizes and alignment",
  "^": "native sizes, no alignment",
  "=": "standard sizes, no alignment",
  "<": "standard sizes, no alignment",
  ">": "standard sizes, no alignment",
  "!": "standard sizes, no alignment",
};

function letter(row: MapRow): string {
  return row.leaf < 0 ? "." : LETTERS[row.leaf % LETTERS.length]!;
}

function strip(rows: readonly MapRow[], size: number, paint: Painter): string[] {
  const shown = Math.min(size, STRIP_MAX);
  const owner: (MapRow | undefined)[] = new Array(shown);
  for (const row of rows) {
    if (row.kind !== "field") continue;
    for (const copy of row.copies) {
      const start = row.offset + copy;
      for (let b = start; b < Math.min(start + row.size, shown); b++) owner[b] = row;
    }
  }
  const lines: string[] = [];
  const width = String(Math.max(0, shown - 1)).length;
  for (let start = 0; start < shown; start += 16) {
    let text = "";
    for (let b = start; b < Math.min(start + 16, shown); b++) {
      if (b > start && b % 4 === 0) text += " ";
      const row = owner[b];
      text +=
        row === undefined || row.leaf < 0 ? paint.dim(".") : paint.field(row.leaf, letter(row));
    }
    lines.push(`  ${String(start).padStart(width)}  ${text}`);
  }
  if (size > shown) lines.push(`  … ${size - shown} more bytes`);
  return lines;
}

/**
 * The `layout` command.
 *
 * @example
 * ```sh
 * pybuf layout '@bxq3s?'
 * ```
 */
export const layoutCommand: Command = {
  name: "layout",
  help: `usage: pybuf layout FORMAT [--abi ABI]
       pybuf layout FILE.npy

Shows where each field of FORMAT lies: offset, size, code and name (from :name:, else
f0, f1, … as NumPy names them), the padding alignment adds, nested T{…} records with
their members indented, and a strip with one letter per byte (. is padding). For a
NumPy .npy file, the format of its items (as memoryview(np.load(f)).format).

options:
  --abi ABI   the C ABI of native mode: lp64 (default), llp64, wasm32`,
  options: ABI_OPTION,
  async run(args, out) {
    const [arg] = positionals("layout", args, ["FORMAT"]);
    const format = (await npyFormat(arg!)) ?? arg; // a .npy file: its items' format
    const options = structOptions("layout", args);
    const layout = parseFormat(format!, options);
    const paint = painter(colourWanted());
    const rows = mapRows(layout, STRIP_MAX);
    const mode = layout.mode === "@" || layout.mode === "^" ? ` (${options.abi ?? "lp64"})` : "";
    out.line(
      `${paint.bold(pythonStrRepr(format!))}: ${layout.size} bytes, alignment ${layout.alignment}, ` +
        `${layout.byteOrder}-endian, ${MODES[layout.mode]}${mode}`,
    );
    const w = Math.max(6, String(layout.size).length);
    const codeWidth = Math.max(4, ...rows.map((r) => r.code.length + 2 * r.depth));
    out.line(
      paint.bold(
        `${"offset".padStart(w)}  ${"size".padStart(w)}  byte  ${"code".padEnd(codeWidth)}  name`,
      ),
    );
    for (const row of rows) {
      const indent = "  ".repeat(row.depth);
      const mark =
        row.kind === "field"
          ? paint.field(row.leaf, letter(row))
          : row.kind === "padding"
            ? "."
            : " ";
      const text =
        `${String(row.offset).padStart(w)}  ${String(row.size).padStart(w)}  ${mark}     ` +
        `${(indent + row.code).padEnd(codeWidth)}  ${indent}${row.name}`;
      out.line(row.kind === "padding" ? paint.dim(text.trimEnd()) : text.trimEnd());
    }
    if (layout.size > 0) {
      out.line("");
      for (const line of strip(rows, layout.size, paint)) out.line(line);
    }
  },
};
