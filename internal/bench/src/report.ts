/** Section results as console tables and as the markdown report, with time ratios. */
import { isUnavailable, type Kind, type Row } from "./case.js";
import { median } from "./harness.js";

export interface ResultRow {
  readonly name: string;
  readonly kind: Kind;
  /** Median ns per op (record, byte, item, operation), or why the row has no figure. */
  readonly nsPerOp?: number;
  readonly unavailable?: string;
  readonly rounds?: number;
  /** ns per call of each round, in round order (Node rows; paired with the reference). */
  readonly samples?: readonly number[];
}

export interface SectionResult {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly items: number;
  readonly rows: ResultRow[];
}

const LABEL: Record<Kind, string> = { js: "JS", ours: "pybuffer", peer: "npm", cpython: "CPython" };

export function measuredRow(
  name: string,
  kind: Kind,
  samplesNs: number[],
  items: number,
): ResultRow {
  return {
    name,
    kind,
    nsPerOp: median(samplesNs) / items,
    rounds: samplesNs.length,
    samples: samplesNs,
  };
}

export function unavailableRow(row: Row<never>): ResultRow {
  return isUnavailable(row)
    ? { name: row.name, kind: row.kind, unavailable: row.unavailable }
    : row;
}

function figure(ns: number): string {
  if (ns >= 100) return Math.round(ns).toLocaleString("en-US");
  return ns >= 10 ? ns.toFixed(1) : ns.toPrecision(3);
}

function ratio(row: ResultRow, ref: ResultRow | undefined, paired: boolean): string {
  if (row === ref) return "1 (ref)";
  if (row.nsPerOp === undefined || ref?.nsPerOp === undefined) return "—";
  return (paired ? pairedRatio(row, ref) : row.nsPerOp / ref.nsPerOp).toFixed(2);
}

/**
 * Against a reference timed in the same process: the median of the per-round ratios
 * (each round times every row once, back to back), as perf-baseline does, so that a
 * slow round (GC, the other core busy) moves both rows of the ratio. Falls back to the
 * ratio of medians when the rounds do not pair up.
 */
function pairedRatio(row: ResultRow, ref: ResultRow): number {
  const a = row.samples;
  const b = ref.samples;
  if (a === undefined || b === undefined || a.length !== b.length || a.length === 0) {
    return row.nsPerOp! / ref.nsPerOp!;
  }
  return median(a.map((x, i) => x / b[i]!));
}

/** Cells per row: implementation, ns/op (GB/s for bytes), × JS, × CPython. */
export function cells(result: SectionResult): string[][] {
  const jsRef = result.rows.find((r) => r.kind === "js" && r.nsPerOp !== undefined);
  // CPython's reference is its fastest idiom in this run, as in perf-baseline.
  const pyRef = result.rows
    .filter((r) => r.kind === "cpython" && r.nsPerOp !== undefined)
    .reduce<ResultRow | undefined>(
      (best, r) => (best && best.nsPerOp! <= r.nsPerOp! ? best : r),
      undefined,
    );
  return result.rows.map((row) => {
    const name = `${LABEL[row.kind]} ${row.name}`.trim();
    if (row.nsPerOp === undefined) return [name, `not available: ${row.unavailable}`, "", ""];
    const speed = result.unit === "byte" ? ` (${(1 / row.nsPerOp).toFixed(2)} GB/s)` : "";
    return [
      name,
      `${figure(row.nsPerOp)}${speed}`,
      ratio(row, jsRef, row.kind !== "cpython"),
      ratio(row, pyRef, false),
    ];
  });
}

function heading(result: SectionResult): string {
  return `${result.id}: ${result.title}, ${result.items.toLocaleString("en-US")} ${result.unit}s (ns per ${result.unit})`;
}

export function consoleTable(result: SectionResult): string {
  const rows = cells(result);
  const head = ["implementation", `ns/${result.unit}`, "× JS", "× CPython"];
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[3] === "" && i === 1 ? 0 : r[i]!.length))),
  );
  const line = (r: string[]) =>
    r[2] === "" && r[3] === "" && r !== head
      ? `  ${r[0]!.padEnd(widths[0]!)}  ${r[1]}`
      : `  ${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padStart(widths[1]!)}  ${r[2]!.padStart(widths[2]!)}  ${r[3]!.padStart(widths[3]!)}`;
  return [heading(result), line(head), ...rows.map(line)].join("\n");
}

export function markdownSection(result: SectionResult): string {
  const rows = cells(result).map((r) => `| ${r.join(" | ")} |`);
  return [
    `### ${heading(result)}`,
    "",
    `| implementation | ns/${result.unit} | × JS | × CPython |`,
    "|---|---:|---:|---:|",
    ...rows,
    "",
  ].join("\n");
}
