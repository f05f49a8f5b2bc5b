/**
 * Loads the case files other packages contribute: `cases/struct-*.ts`, `cases/core-*.ts`,
 * `cases/memoryview-*.ts`, `cases/adapters-*.ts`, each exporting `cases: OursCase[]` (README.md). A file that
 * fails to import becomes a `not available yet` note instead of stopping the run.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { OursCase, Row } from "./case.js";

const DIR = new URL("./cases/", import.meta.url);
const PATTERN = /^(?:struct|core|memoryview|adapters)-[\w-]+\.ts$/;

export interface CaseFiles {
  /** Rows per section id. */
  readonly rows: Map<string, Row<unknown>[]>;
  /** Files that could not be loaded, with the reason. */
  readonly unavailable: { file: string; reason: string }[];
}

export async function loadCaseFiles(knownSections: ReadonlySet<string>): Promise<CaseFiles> {
  const rows = new Map<string, Row<unknown>[]>();
  const unavailable: { file: string; reason: string }[] = [];
  const files = readdirSync(fileURLToPath(DIR))
    .filter((f) => PATTERN.test(f))
    .sort();
  for (const file of files) {
    let cases: OursCase[];
    try {
      const module = (await import(new URL(file, DIR).href)) as { cases?: OursCase[] };
      if (!Array.isArray(module.cases)) throw new Error("it exports no `cases` array");
      cases = module.cases;
    } catch (error) {
      unavailable.push({ file, reason: (error as Error).message.split("\n")[0] ?? "" });
      continue;
    }
    for (const c of cases) {
      if (!knownSections.has(c.section)) {
        throw new Error(`cases/${file}: "${c.name}" names unknown section "${c.section}"`);
      }
      const list = rows.get(c.section) ?? [];
      const setup = c.setup as (data: unknown) => () => unknown;
      list.push({ name: c.name, kind: "ours", output: c.output, setup });
      rows.set(c.section, list);
    }
  }
  return { rows, unavailable };
}
