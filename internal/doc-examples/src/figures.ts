/**
 * Figures in the docs that come from a committed report, so that a README cannot go on
 * quoting sizes and speeds the code no longer has. A figure is written
 *
 *     <!-- figure: bench/pack-IHHd | pybuffer Struct.packInto loop (prealloc buffer) | × JS -->1.93<!-- /figure -->×
 *
 * (the report, `size` or `bench/<section id>`; the row, its first cell without backticks;
 * the column, as its header reads; optionally `| KiB` to print a byte count in KiB). The
 * comments do not show when the Markdown is rendered; the text between them is the
 * report's cell. `pnpm figures` rewrites every figure from the reports, and a test fails
 * when a committed doc's figure differs from its committed report.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./blocks.js";
import type { Table } from "./report-tables.js";

/** What the reports hold: report name → table name → table (`report-tables.ts`). */
export type Reports = ReadonlyMap<string, ReadonlyMap<string, Table>>;

/** One figure of a doc: where it is, what it names, and the text it has now. */
export interface Figure {
  readonly spec: string;
  readonly text: string;
  /** The 1-based line of the doc it starts on. */
  readonly line: number;
  /** Offsets of its text in the doc. */
  readonly start: number;
  readonly end: number;
}

// The spec ends at the first " -->" (a row may hold "->"); the text holds no "<".
const FIGURE = /<!-- figure: (.*?) -->([^<]*)<!-- \/figure -->/g;

/**
 * The figures of a Markdown text, in order.
 *
 * @example
 * ```ts
 * findFigures("a <!-- figure: size | x | y -->1<!-- /figure --> b")[0]?.text; // => "1"
 * ```
 */
export function findFigures(markdown: string): Figure[] {
  const found: Figure[] = [];
  for (const m of markdown.matchAll(FIGURE)) {
    const start = m.index + m[0].indexOf("-->") + 3;
    const line = markdown.slice(0, m.index).split("\n").length;
    found.push({ spec: m[1]!, text: m[2]!, line, start, end: start + m[2]!.length });
  }
  return found;
}

/** The byte count `cell` in KiB, one decimal: `6466` → `6.3 KiB`. */
function kib(cell: string): string {
  const bytes = Number(cell.replaceAll(",", ""));
  if (!Number.isFinite(bytes)) throw new Error(`'${cell}' is not a byte count`);
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/**
 * The text a figure's spec names in `reports`; an `Error` saying what is missing when the
 * report, table, row or column is not there.
 *
 * @example
 * ```ts
 * const table = { columns: ["entry", "gzip"], rows: new Map([["a", ["a", "2048"]]]) };
 * figureValue("size | a | gzip | KiB", new Map([["size", new Map([["", table]])]])); // => "2.0 KiB"
 * ```
 */
export function figureValue(spec: string, reports: Reports): string {
  const [source = "", row = "", column = "", unit, ...rest] = spec.split("|").map((s) => s.trim());
  if (rest.length > 0 || (unit !== undefined && unit !== "KiB")) {
    throw new Error(`'${spec}': expected 'report | row | column' and an optional '| KiB'`);
  }
  const [report = "", tableName = ""] = source.split("/");
  const tables = reports.get(report);
  if (tables === undefined) throw new Error(`'${spec}': no report named '${report}'`);
  const table = tables.get(tableName);
  if (table === undefined) throw new Error(`'${spec}': no table '${tableName}' in ${report}`);
  const cells = table.rows.get(row);
  if (cells === undefined) throw new Error(`'${spec}': no row '${row}'`);
  const at = table.columns.indexOf(column);
  if (at < 0) throw new Error(`'${spec}': no column '${column}' (${table.columns.join(", ")})`);
  const cell = cells[at] ?? "";
  return unit === "KiB" ? kib(cell) : cell;
}

/**
 * `markdown` with every figure's text replaced by what its report says now.
 *
 * @example
 * ```ts
 * const table = { columns: ["k", "v"], rows: new Map([["a", ["a", "7"]]]) };
 * const reports = new Map([["size", new Map([["", table]])]]);
 * renderFigures("<!-- figure: size | a | v -->6<!-- /figure -->", reports);
 * // => "<!-- figure: size | a | v -->7<!-- /figure -->"
 * ```
 */
export function renderFigures(markdown: string, reports: Reports): string {
  let out = "";
  let from = 0;
  for (const f of findFigures(markdown)) {
    out += markdown.slice(from, f.start) + figureValue(f.spec, reports);
    from = f.end;
  }
  return out + markdown.slice(from);
}

/** Each figure of `markdown` that differs from its report, or names nothing, as a message. */
export function staleFigures(markdown: string, reports: Reports): string[] {
  const problems: string[] = [];
  for (const f of findFigures(markdown)) {
    try {
      const now = figureValue(f.spec, reports);
      if (now !== f.text) problems.push(`line ${f.line}: '${f.text}', the report says '${now}'`);
    } catch (error) {
      problems.push(`line ${f.line}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** The docs figures may be in: every README of the repository and the guides in `docs/`. */
export function docsWithFigures(root: string = ROOT): string[] {
  const docs = ["README.md"];
  for (const dir of ["packages", "internal"]) {
    for (const name of readdirSync(join(root, dir))) docs.push(`${dir}/${name}/README.md`);
  }
  const guides = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) guides(path);
      else if (entry.name.endsWith(".md")) docs.push(path);
    }
  };
  guides("docs");
  return docs.filter((path) => {
    try {
      return readFileSync(join(root, path), "utf8").includes("<!-- figure:");
    } catch {
      return false;
    }
  });
}
