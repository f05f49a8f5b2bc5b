/**
 * NumPy dtypes as data: the three kinds a `.npy` descr can name (a scalar type, a record
 * of fields at offsets, a sub-array of a base type), with the sizes and alignments of
 * x86-64 Linux (LP64, little-endian: the machine NumPy's vectors come from), and the two
 * ways NumPy writes one down: `dtype.str` for a scalar, `dtype.descr` for a record.
 */

/** NumPy's kind letters (`dtype.kind`), with `b` for bool. */
export type ScalarKind = "b" | "i" | "u" | "f" | "c" | "S" | "U" | "V" | "O" | "M" | "m";

/** A scalar dtype: `'<f8'`, `'|S5'`, `'>U3'`, `'<M8[ns]'`. */
export interface ScalarDType {
  readonly type: "scalar";
  readonly kind: ScalarKind;
  /** `<` or `>` for types with a byte order, `|` for the others. */
  readonly order: "<" | ">" | "|";
  readonly itemsize: number;
  readonly alignment: number;
  /** Datetime unit with its brackets (`[ns]`), else `""`. */
  readonly unit: string;
  /** C `long long` (`np.dtype('q')`), which NumPy exports as `q`, not `l`. */
  readonly longlong?: boolean;
}

/** One field of a record dtype. */
export interface RecordField {
  readonly name: string;
  readonly title: string | null;
  readonly dtype: DType;
  readonly offset: number;
}

/** A structured dtype. */
export interface RecordDType {
  readonly type: "record";
  readonly fields: readonly RecordField[];
  readonly itemsize: number;
  readonly alignment: number;
}

/** A sub-array dtype `(base, shape)` (NumPy keeps a sub-array of a sub-array nested). */
export interface SubarrayDType {
  readonly type: "subarray";
  readonly base: DType;
  readonly shape: readonly number[];
  readonly itemsize: number;
  readonly alignment: number;
}

/** A NumPy dtype. */
export type DType = ScalarDType | RecordDType | SubarrayDType;

/** A field of a record descr: `[name, descr]` or `[name, descr, shape]`; a name with a title is `[title, name]`. */
export type DescrField =
  | readonly [name: string | readonly [title: string, name: string], descr: Descr]
  | readonly [
      name: string | readonly [title: string, name: string],
      descr: Descr,
      shape: readonly number[],
    ];

/**
 * A dtype as `.npy` headers write it, in JSON form: a type string (`'<f8'`), a record's
 * list of fields (`[['a', '<i4'], ['b', '<f8', [2, 3]]]`), or a sub-array `[descr, shape]`
 * (Python's tuple `('<i4', (3,))`).
 */
export type Descr =
  | string
  | readonly DescrField[]
  | readonly [descr: Descr, shape: readonly number[]];

/** The C type codes NumPy's dtype strings and PEP 3118 formats share, as kind and size. */
export const C_CODES: Readonly<Record<string, readonly [ScalarKind, number]>> = {
  "?": ["b", 1],
  b: ["i", 1],
  B: ["u", 1],
  h: ["i", 2],
  H: ["u", 2],
  i: ["i", 4],
  I: ["u", 4],
  q: ["i", 8],
  Q: ["u", 8],
  e: ["f", 2],
  f: ["f", 4],
  d: ["f", 8],
};

// Sizes with a native alignment other than the item size.
const ALIGNMENT: Partial<Record<ScalarKind, (size: number) => number>> = {
  b: () => 1,
  c: (size) => size / 2,
  S: () => 1,
  V: () => 1,
  U: () => 4,
};

/** A scalar dtype from its parts (alignment from the kind and size). */
export function scalar(
  kind: ScalarKind,
  order: "<" | ">" | "|",
  itemsize: number,
  unit = "",
): ScalarDType {
  const alignment = ALIGNMENT[kind]?.(itemsize) ?? Math.max(1, itemsize);
  const ordered = kind !== "b" && kind !== "S" && kind !== "V" && kind !== "O" && itemsize > 1;
  const own = kind === "U" || ordered;
  return {
    type: "scalar",
    kind,
    order: own ? (order === "|" ? "<" : order) : "|",
    itemsize,
    alignment,
    unit,
  };
}

/** `np.dtype((base, shape))`: `shape ()` is the base itself. */
export function subarray(base: DType, shape: readonly number[]): DType {
  if (shape.length === 0) return base;
  let count = 1;
  for (const n of shape) count *= n;
  return {
    type: "subarray",
    base,
    shape: shape.slice(),
    itemsize: base.itemsize * count,
    alignment: base.alignment,
  };
}

/** `dtype.str`: `'<f8'`, `'|b1'`, `'|O'`, `'<M8[ns]'`; a record or sub-array is `'|V<n>'`. */
export function dtypeStr(dtype: DType): string {
  if (dtype.type !== "scalar") return `|V${dtype.itemsize}`;
  if (dtype.kind === "O") return "|O";
  const size = dtype.kind === "U" ? dtype.itemsize / 4 : dtype.itemsize;
  return `${dtype.order}${dtype.kind}${size}${dtype.unit}`;
}

/**
 * The descr NumPy writes: `dtype.str` for a scalar, `dtype.descr` for a record (gaps and
 * trailing room as `['', '|V<n>']`), `[descr, shape]` for a sub-array. Throws
 * `RangeError` for fields out of order (NumPy's descr is not defined for them).
 */
export function descrOf(dtype: DType): Descr {
  if (dtype.type === "scalar") return dtypeStr(dtype);
  if (dtype.type === "subarray") return [descrOf(dtype.base), dtype.shape.slice()];
  const out: DescrField[] = [];
  let offset = 0;
  for (const field of dtype.fields) {
    if (field.offset > offset) out.push(["", `|V${field.offset - offset}`]);
    else if (field.offset < offset) {
      throw new RangeError(
        "dtype.descr is not defined for types with overlapping or out-of-order fields",
      );
    }
    const name = field.title === null ? field.name : ([field.title, field.name] as const);
    const { dtype: f } = field;
    out.push(f.type === "subarray" ? [name, descrOf(f.base), f.shape.slice()] : [name, descrOf(f)]);
    offset = field.offset + f.itemsize;
  }
  if (dtype.itemsize > offset) out.push(["", `|V${dtype.itemsize - offset}`]);
  return out;
}
