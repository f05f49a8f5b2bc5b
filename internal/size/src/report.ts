/** The committed markdown report and the budget verdicts. */
import type { Measured, Size } from "./measure.js";

export type Budgets = Readonly<Record<string, number>>;

/** The umbrella re-exports the family, so its budget covers everything it bundles. */
export const UMBRELLA = "pybuffer";

export interface Verdict {
  readonly entry: Measured;
  /** The size the budget applies to: `own` code, or `full` for the umbrella. */
  readonly charged: Size;
  readonly budget: number | undefined;
  readonly ok: boolean;
}

export function judge(measured: readonly Measured[], budgets: Budgets): Verdict[] {
  return measured.map((entry) => {
    const budget = budgets[entry.pkg];
    // A per-function entry is what a user's bundle of that import weighs: with deps.
    const charged = entry.pkg === UMBRELLA || entry.names !== undefined ? entry.full : entry.own;
    return { entry, charged, budget, ok: budget !== undefined && charged.gzip <= budget };
  });
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KiB`;
}

export function renderReport(verdicts: readonly Verdict[]): string {
  const rows = verdicts.map(({ entry, charged, budget, ok }) => {
    const share = budget === undefined ? "—" : `${Math.round((100 * charged.gzip) / budget)}%`;
    const status = budget === undefined ? "no budget" : ok ? "ok" : "**over**";
    const limit = budget === undefined ? "—" : kib(budget);
    return `| \`${entry.specifier}\` | ${entry.own.minified} | ${entry.own.gzip} | ${entry.full.gzip} | ${limit} | ${share} | ${status} |`;
  });
  return [
    "# Bundle size",
    "",
    "Written by `pnpm size` (`internal/size`); CI measures again and fails when an entry is over",
    "its budget or its size moved by more than 256 B and 3% from this committed copy (run",
    "`pnpm size` and `pnpm figures`, which rewrites the sizes the READMEs quote, and commit the result after a change that moves it). Each published entry is bundled by",
    "esbuild as minified ESM and gzipped at level 9, twice: **own**, with the other `@pybuffer/*`",
    "packages left external (what the package itself adds), and **with deps**, with everything",
    "it imports (what a bundle holding only this entry weighs). Budgets (`budgets.json`, gzip",
    "bytes) apply to the own size, except for the umbrella `pybuffer`, whose budget covers the",
    "whole family it re-exports, and per-function entries (`pybuffer {unpack}`: a bundle of",
    '`import { unpack } from "pybuffer"` alone, as tree-shaking leaves it), whose budget',
    "covers everything that import brings (the lists are in `src/functions.ts`). Each budget",
    "sits a little above what its entry measured when it was last lowered (reasons in",
    "`budgets.json`).",
    "",
    "| entry | own, minified bytes | own, gzip bytes | with deps, gzip bytes | budget (gzip) | of budget | status |",
    "|---|---:|---:|---:|---:|---:|---|",
    ...rows,
    "",
  ].join("\n");
}
