/**
 * The rows of a layout's byte map: every field with its absolute offset and extent,
 * the padding between fields made visible, records opened up with their members
 * indented under them.
 */
import { type Field, type Layout, recordKeys } from "@pybuffer/struct";

/** One row of the map. `letter` marks the field's bytes in the strip (`.`: padding). */
export interface MapRow {
  readonly offset: number;
  readonly size: number;
  readonly code: string;
  readonly name: string;
  readonly depth: number;
  readonly kind: "field" | "record" | "padding";
  /** Index of the leaf field (for its letter and colour), or -1. */
  readonly leaf: number;
  /**
   * Where the row's bytes repeat: the distances from `offset` of every copy, `[0]` unless
   * the row lies in a repeated record (`2T{…}`, `(2,3)T{…}`), whose members the table
   * shows once, for the first element.
   */
  readonly copies: readonly number[];
}

/**
 * The code as written: `4s`, `3h`, `(2,3)b`, `T{…}`, `&d`.
 *
 * @example
 * ```ts
 * codeText(parseFormat("(2,3)b").fields[0]!); // "(2,3)b"
 * ```
 */
export function codeText(field: Field): string {
  if (field.code === "T") {
    const shape = field.shape === null ? "" : `(${field.shape.join(",")})`;
    return `${field.count > 1 ? field.count : ""}${shape}T{…}`;
  }
  if (field.code === "&") return `&${field.target === null ? "" : codeText(field.target)}`;
  const shape = field.shape === null ? "" : `(${field.shape.join(",")})`;
  const count = field.count > 1 && field.shape === null ? String(field.count) : "";
  return `${count}${shape}${field.code}`;
}

function isString(field: Field): boolean {
  return "spuw".includes(field.code) && field.code.length === 1;
}

/**
 * Bytes a field takes: its elements, repeats and sub-array dimensions.
 *
 * @example
 * ```ts
 * extentOf(parseFormat("<3h").fields[0]!); // 6
 * ```
 */
export function extentOf(field: Field): number {
  const strings = isString(field);
  const items = (field.shape ?? [1]).reduce((a, b) => a * b, 1);
  return field.size * (strings ? 1 : field.count) * items;
}

/**
 * The rows for `layout`. `limit` bounds the copies listed for repeated records (copies
 * starting at or past byte `limit` are left out).
 *
 * @example
 * ```ts
 * mapRows(parseFormat("@bq")).map((r) => [r.offset, r.size, r.kind]);
 * // [[0, 1, "field"], [1, 7, "padding"], [8, 8, "field"]]
 * mapRows(parseFormat("<2T{hb}"))[1]!.copies; // [0, 3]
 * ```
 */
export function mapRows(layout: Layout, limit: number = Number.POSITIVE_INFINITY): MapRow[] {
  const rows: MapRow[] = [];
  let leaves = 0;
  let values = 0;
  const walk = (l: Layout, base: number, depth: number, copies: readonly number[]) => {
    let end = 0;
    let member = 0;
    // A record's members are named as unpack keys them (NumPy's f0, f1, … that are free).
    const keys = depth === 0 ? [] : recordKeys(l);
    for (const field of l.fields) {
      if (field.offset > end) {
        rows.push(padding(base + end, field.offset - end, depth, copies));
      }
      const size = extentOf(field);
      const offset = base + field.offset;
      if (field.code === "x") {
        rows.push({
          ...padding(offset, size, depth, copies),
          code: codeText(field),
          name: "(pad bytes)",
        });
      } else {
        // A top-level repeat gives one value per item (unpack names them f0, f1, …): its
        // row names the run, `f0..f1`, so the next row's name follows on.
        const spread = depth === 0 && field.shape === null && !isString(field) ? field.count : 1;
        const fallback =
          depth !== 0
            ? keys[member]!
            : spread > 1
              ? `f${values}..f${values + spread - 1}`
              : `f${values}`;
        const name = field.name ?? fallback;
        const record = field.fields !== null;
        const leaf = record ? -1 : leaves++;
        const kind = record ? "record" : "field";
        rows.push({ offset, size, code: codeText(field), name, depth, kind, leaf, copies });
        if (field.fields !== null) {
          const elements = size / field.size;
          const inner = copies.flatMap((c) =>
            Array.from({ length: elements }, (_, k) => c + k * field.size).filter(
              (d) => offset + d < limit,
            ),
          );
          walk(field.fields, offset, depth + 1, inner);
        }
        member++;
        // As valuesOf counts: a top-level repeat gives separate values, records included.
        if (depth === 0) values += spread;
      }
      end = Math.max(end, field.offset + size);
    }
    if (l.size > end) rows.push(padding(base + end, l.size - end, depth, copies));
  };
  walk(layout, 0, 0, [0]);
  return rows;
}

function padding(offset: number, size: number, depth: number, copies: readonly number[]): MapRow {
  return { offset, size, code: "", name: "(padding)", depth, kind: "padding", leaf: -1, copies };
}
