/**
 * NumPy's PEP 3118 layouts (internal/oracle/py/struct_numpy_cases.py) as expectations
 * on parseFormat: for each format, the absolute offset of every field NumPy names, and
 * which sizes count as NumPy's.
 *
 * An exported format is faithful when NumPy reads it back to the dtype's own itemsize
 * and offsets; then both must match exactly. Where it is not (NumPy writes 'O'
 * unaligned without an '=' switch, leaves out records' trailing padding), offsets are
 * what NumPy reads and the size is either of NumPy's answers. For formats NumPy reads,
 * its reader pads '@' layouts to their alignment at the end and struct does not: the
 * size may be NumPy's, NumPy's less that padding, or struct's.
 */
import * as api from "../../src/index.js";

export interface NamedOffset {
  readonly path: readonly string[];
  readonly offset: number;
}
export type ReadBack = { ok: { itemsize: number; fields: NamedOffset[] } } | { error: string };

/** A dtype NumPy exported: its format, itemsize, named offsets, and NumPy's reading. */
export interface ExportCase {
  readonly dtype: string;
  readonly format: string;
  readonly itemsize: number;
  readonly fields: NamedOffset[];
  readonly read_back: ReadBack;
}

/** A format NumPy reads (and what struct says of it, where struct can parse it). */
export interface ReadCase {
  readonly format: string;
  readonly read_back: ReadBack;
  readonly struct_calcsize: { ok: number } | { error: string };
}

/** The part of a parseFormat layout compared here. */
interface LayoutLike {
  readonly size: number;
  readonly alignment: number;
  readonly fields: readonly {
    readonly name: string | null;
    readonly offset: number;
    readonly fields: LayoutLike | null;
  }[];
}

/** What one format must parse to. */
interface Expectation {
  readonly format: string;
  readonly offsets: Map<string, number>;
  readonly sizes: (layout: LayoutLike) => readonly number[];
}

const parseFormat = (api as unknown as { parseFormat: (fmt: string) => LayoutLike }).parseFormat;

/** Absolute offset of every named field; unnamed records add no level (NumPy unwraps). */
function namedOffsets(layout: LayoutLike, base = 0, path: string[] = []): Map<string, number> {
  const out = new Map<string, number>();
  for (const field of layout.fields) {
    const at = base + field.offset;
    const here = field.name === null ? path : [...path, field.name];
    if (field.name !== null) out.set(here.join("."), at);
    if (field.fields !== null) {
      for (const [k, v] of namedOffsets(field.fields, at, here)) out.set(k, v);
    }
  }
  return out;
}

function asMap(fields: readonly NamedOffset[]): Map<string, number> {
  return new Map(fields.map((f) => [f.path.join("."), f.offset]));
}

function faithful(c: ExportCase): boolean {
  if (!("ok" in c.read_back)) return false;
  const { itemsize, fields } = c.read_back.ok;
  const own = asMap(c.fields);
  return itemsize === c.itemsize && fields.every((f) => own.get(f.path.join(".")) === f.offset);
}

/** Expectations for exported dtypes, split into faithful and unfaithful formats. */
export function exportExpectations(cases: readonly ExportCase[]): {
  faithful: Expectation[];
  unfaithful: Expectation[];
} {
  const exact = cases.filter(faithful).map((c) => ({
    format: c.format,
    offsets: asMap(c.fields),
    sizes: () => [c.itemsize],
  }));
  const loose = cases
    .filter((c) => !faithful(c) && "ok" in c.read_back)
    .map((c) => {
      const back = (c.read_back as { ok: { itemsize: number; fields: NamedOffset[] } }).ok;
      return {
        format: c.format,
        offsets: asMap(back.fields),
        sizes: () => [c.itemsize, back.itemsize],
      };
    });
  return { faithful: exact, unfaithful: loose };
}

/** Expectations for formats NumPy reads. */
export function readExpectations(reads: readonly ReadCase[]): Expectation[] {
  return reads
    .filter((c) => "ok" in c.read_back)
    .map((c) => {
      const back = (c.read_back as { ok: { itemsize: number; fields: NamedOffset[] } }).ok;
      const struct = "ok" in c.struct_calcsize ? [c.struct_calcsize.ok] : [];
      return {
        format: c.format,
        offsets: asMap(back.fields),
        sizes: (layout: LayoutLike) => {
          const padded = Math.ceil(layout.size / layout.alignment) * layout.alignment;
          return [back.itemsize, ...(padded === back.itemsize ? [layout.size] : []), ...struct];
        },
      };
    });
}

/** A description of each format whose parse differs from NumPy's layout. */
export function layoutMismatches(expectations: readonly Expectation[]): string[] {
  const wrong: string[] = [];
  for (const e of expectations) {
    try {
      const layout = parseFormat(e.format);
      const ours = namedOffsets(layout);
      const got = [...e.offsets.keys()].map((k) => [k, ours.get(k)] as const);
      const sizes = e.sizes(layout);
      if (!sizes.includes(layout.size) || got.some(([k, v]) => e.offsets.get(k) !== v)) {
        wrong.push(
          `${e.format}: size ${layout.size} (NumPy: ${sizes.join(" or ")}); ` +
            `offsets ${got.map(([k, v]) => `${k}=${v}`)} (NumPy: ${[...e.offsets].map(([k, v]) => `${k}=${v}`)})`,
        );
      }
    } catch (err) {
      wrong.push(`${e.format}: threw ${(err as Error).message}`);
    }
  }
  return wrong;
}
