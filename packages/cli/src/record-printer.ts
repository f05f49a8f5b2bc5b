/**
 * The record formats of `pybuf unpack --output`:
 *
 * - `table` (default): a header of value names, then one aligned row per record with its
 *   index, values as Python's `repr` shows them; column widths come from the header and
 *   the first records (a later wider value widens its row only, so output streams);
 * - `tuple`: each record as CPython's `print(record)` shows the tuple;
 * - `jsonl`: one JSON value per line, as `json.dumps` writes it: an object keyed by the
 *   format's `:name:`s when every value has one, else an array;
 * - `csv`: what Python's `csv.writer(sys.stdout).writerows(...)` writes (`\r\n` line
 *   ends, minimal quoting, values as `str()` gives them), after a header row of names;
 * - `fields`: one `name = repr` line per value, records opened up with dotted names
 *   (`fmt.channels = 2`), a blank line between records: for headers.
 */
import type { Layout } from "@pybuffer/struct";
import { jsonOf, reprOf, strOf, tupleRepr } from "./py-repr.js";
import { allNamed, elementInfo, type ValueInfo, valuesOf } from "./values.js";

/** The `--output` formats. */
export const OUTPUT_FORMATS: readonly string[] = ["table", "tuple", "jsonl", "csv", "fields"];

/** Prints records: `start` gives the lines before the first record. */
export interface RecordPrinter {
  /** Lines before the records, given the first records (for column widths). */
  start(first: readonly (readonly unknown[])[]): string[];
  /** The text of record number `index` (a line, without its line end). */
  row(record: readonly unknown[], index: number): string;
  /** The line end after each row. */
  readonly eol: string;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvPrinter(infos: readonly ValueInfo[]): RecordPrinter {
  return {
    eol: "\r\n",
    start: () => [infos.map((v) => csvField(v.name)).join(",")],
    row: (record) => record.map((v, i) => csvField(strOf(v, infos[i]!))).join(","),
  };
}

function jsonlPrinter(infos: readonly ValueInfo[], named: boolean): RecordPrinter {
  return {
    eol: "\n",
    start: () => [],
    row: (record) => {
      const items = record.map((v, i) => jsonOf(v, infos[i]!));
      if (!named) return `[${items.join(", ")}]`;
      return `{${items.map((item, i) => `${JSON.stringify(infos[i]!.name)}: ${item}`).join(", ")}}`;
    },
  };
}

function fieldLines(value: unknown, info: ValueInfo, name: string): string[] {
  if (info.members === null || typeof value !== "object" || value === null) {
    return [`${name} = ${reprOf(value, info)}`];
  }
  if ((info.dims ?? 0) > 0 && Array.isArray(value)) {
    const item = elementInfo(info);
    return value.flatMap((v, i) => fieldLines(v, item, `${name}[${i}]`));
  }
  const members = Object.values(value);
  return members.flatMap((v, i) =>
    fieldLines(v, info.members![i]!, `${name}.${info.members![i]!.name}`),
  );
}

function fieldsPrinter(infos: readonly ValueInfo[]): RecordPrinter {
  return {
    eol: "\n",
    start: () => [],
    row: (record, index) => {
      const lines = record.flatMap((v, i) => fieldLines(v, infos[i]!, infos[i]!.name));
      return (index > 0 ? "\n" : "") + lines.join("\n");
    },
  };
}

function tablePrinter(infos: readonly ValueInfo[]): RecordPrinter {
  const right = infos.map((v) => v.members === null && ["int", "float"].includes(v.kind));
  const widths: number[] = [1, ...infos.map((v) => v.name.length)];
  const cells = (record: readonly unknown[], index: number) => [
    String(index),
    ...record.map((v, i) => reprOf(v, infos[i]!)),
  ];
  const line = (texts: readonly string[]) =>
    texts
      .map((t, i) => (i === 0 || right[i - 1] ? t.padStart(widths[i]!) : t.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return {
    eol: "\n",
    start(first) {
      first.forEach((record, index) => {
        cells(record, index).forEach((t, i) => {
          widths[i] = Math.max(widths[i] ?? 0, t.length);
        });
      });
      widths[0] = Math.max(widths[0]!, String(first.length).length);
      return [line(["#", ...infos.map((v) => v.name)]), line(widths.map((w) => "-".repeat(w)))];
    },
    row: (record, index) => line(cells(record, index)),
  };
}

/**
 * The printer for `format` (one of {@link OUTPUT_FORMATS}) over records of `layout`.
 *
 * @example
 * ```ts
 * const p = recordPrinter("tuple", parseFormat("<hd"));
 * p.row([1, 2], 0); // "(1, 2.0)"
 * ```
 */
export function recordPrinter(format: string, layout: Layout): RecordPrinter {
  const infos = valuesOf(layout);
  if (format === "csv") return csvPrinter(infos);
  if (format === "fields") return fieldsPrinter(infos);
  if (format === "jsonl") return jsonlPrinter(infos, allNamed(layout));
  if (format === "tuple") {
    return { eol: "\n", start: () => [], row: (record) => tupleRepr(record, infos) };
  }
  return tablePrinter(infos);
}
