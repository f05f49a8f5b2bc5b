/**
 * The tables of the committed reports, read back: `internal/size/report.md` (one table,
 * a row per entry) and `internal/bench/report.md` (a table per section, under a heading
 * `### id: title`). A cell is found by its table, its row (the first cell, without
 * backticks) and its column (the header's text), as the reports print them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./blocks.js";

/** One Markdown table: its header and its rows, each keyed by its first cell. */
export interface Table {
  readonly columns: readonly string[];
  readonly rows: ReadonlyMap<string, readonly string[]>;
}

/** The cells of a `| a | b |` line, trimmed, or `null` for any other line. */
function cells(line: string): string[] | null {
  const t = line.trim();
  if (!t.startsWith("|") || !t.endsWith("|") || t.length < 2) return null;
  return t
    .slice(1, -1)
    .split("|")
    .map((c) => c.trim());
}

const SEPARATOR = /^:?-+:?$/;

/**
 * Every table of a Markdown text, named by the `###` heading above it (the part before
 * its first `:`), or `""` before any heading.
 *
 * @example
 * ```ts
 * tablesOf("### a: x\n\n| k | v |\n|---|---:|\n| `one` | 1 |\n").get("a")?.rows.get("one");
 * // => ["one", "1"]
 * ```
 */
export function tablesOf(markdown: string): Map<string, Table> {
  const tables = new Map<string, Table>();
  const lines = markdown.split("\n");
  let name = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^###\s+([^:]+)/.exec(line);
    if (heading !== null) {
      name = heading[1]!.trim();
      continue;
    }
    const columns = cells(line);
    const rule = cells(lines[i + 1] ?? "");
    if (columns === null || rule === null || !rule.every((c) => SEPARATOR.test(c))) continue;
    const rows = new Map<string, string[]>();
    for (i += 2; i < lines.length; i++) {
      const row = cells(lines[i]!);
      if (row === null) break;
      const key = row[0]!.replaceAll("`", "");
      rows.set(key, [key, ...row.slice(1)]);
    }
    if (!tables.has(name)) tables.set(name, { columns, rows });
  }
  return tables;
}

/** The reports figures may come from, by the name a figure gives. */
export const REPORTS: Readonly<Record<string, string>> = {
  size: "internal/size/report.md",
  bench: "internal/bench/report.md",
};

/** The tables of each committed report, read once. */
export function committedReports(root: string = ROOT): Map<string, Map<string, Table>> {
  const reports = new Map<string, Map<string, Table>>();
  for (const [name, path] of Object.entries(REPORTS)) {
    reports.set(name, tablesOf(readFileSync(join(root, path), "utf8")));
  }
  return reports;
}
