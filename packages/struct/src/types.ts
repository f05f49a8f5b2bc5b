/**
 * The public types of `@pybuffer/struct`: options, the layout tree that `parseFormat`
 * returns, the value types of pack/unpack and the column type of `unpackColumns`.
 */

/**
 * The C ABI that native mode (`@`, `^`, no prefix) follows.
 * `lp64`: Linux/macOS 64-bit (long and pointers 8 bytes); `llp64`: 64-bit Windows
 * (long 4 bytes); `wasm32`: Emscripten/Pyodide (long, size_t and pointers 4 bytes).
 *
 * @example
 * const abi: Abi = "wasm32";
 */
export type Abi = "lp64" | "llp64" | "wasm32";

/**
 * Options of `Struct`, `calcSize` and `parseFormat`.
 *
 * @example
 * const opts: StructOptions = { abi: "llp64", codegen: false, int64: "number" };
 */
export interface StructOptions {
  /** Native ABI; default `"lp64"`. */
  abi?: Abi;
  /** `false` selects the CSP-safe interpreter (no `new Function`); default `true`. */
  codegen?: boolean;
  /** How 8-byte integers unpack: `"bigint"` (default) or exact `number`s. */
  int64?: "bigint" | "number";
  /**
   * An extension (`Struct` only): `s` and `p` fields pack strings encoded with this
   * encoding (bytes still pack as they are) and unpack to strings decoded with it,
   * trailing NUL padding removed. Default: none, Python's rule (bytes only).
   */
  encoding?: TextEncodingName;
}

/**
 * The encodings of the `encoding` option, with Python's aliases.
 *
 * @example
 * const e: TextEncodingName = "utf-8";
 */
export type TextEncodingName = "utf-8" | "utf8" | "latin-1" | "latin1" | "iso-8859-1" | "ascii";

/**
 * The byte-order / size / alignment mode a field was read in: CPython's prefix
 * characters plus PEP 3118's `^` (native sizes, no alignment).
 *
 * @example
 * const mode: Mode = "<";
 */
export type Mode = "@" | "=" | "<" | ">" | "!" | "^";

/**
 * One field of a layout: an item of the format with its resolved placement.
 *
 * For `s`, `p` (bytes), `u`, `w` (characters) `count` is the length as written and
 * `size` the bytes of the one value; `x` is padding and never a value, named or not.
 * For every other code `count` is the repeat count and `size` the bytes of one
 * element: at the top level a count gives that many values (as CPython does),
 * inside a `T{}` record it becomes the first sub-array dimension (as NumPy does).
 *
 * @example
 * const f: Field = parseFormat("<2h").fields[0]!;
 * // f.code === "h", f.count === 2, f.size === 2, f.byteOrder === "little"
 */
export interface Field {
  /** The code: one of `xcbB?hHiIlLqQnNefdFDspP`, `Zf Zd Zg`, `u w g O t &`, or `T` for a record. */
  readonly code: string;
  /** The mode (prefix) in force for this field. */
  readonly mode: Mode;
  /** Resolved byte order. */
  readonly byteOrder: "little" | "big";
  /** Byte offset of the field's first element from the start of its layout. */
  readonly offset: number;
  /** Size in bytes of one element (for `s p u w`: of the whole string). */
  readonly size: number;
  /** Alignment this field had to satisfy (1 where the mode does not align). */
  readonly alignment: number;
  /** Repeat count (for `s p u w x`: the length). */
  readonly count: number;
  /** Sub-array dimensions, outermost first, or `null`. */
  readonly shape: readonly number[] | null;
  /** The `:name:` given in the format, or `null`. */
  readonly name: string | null;
  /** The nested layout of a `T{}` record, else `null`. */
  readonly fields: Layout | null;
  /** For `&` (pointer): the pointed-to field, else `null`. */
  readonly target: Field | null;
}

/**
 * The layout tree of a format string.
 *
 * @example
 * const l: Layout = parseFormat("T{i:a:h:b:}");
 * // l.size === 8, l.fields[0]!.fields!.fields[1]!.offset === 4
 */
export interface Layout {
  /** The format text (for a record: the text between `T{` and `}`). */
  readonly format: string;
  /** Total size in bytes (`calcsize`). */
  readonly size: number;
  /** Alignment of the whole (largest field alignment in aligned mode, at least 1). */
  readonly alignment: number;
  /** Byte order of the leading mode. */
  readonly byteOrder: "little" | "big";
  /** Leading mode (`@` when no prefix is given). */
  readonly mode: Mode;
  /** Number of values `unpack` gives (or record members). */
  readonly length: number;
  /** The fields in order, padding (`x`) included. */
  readonly fields: readonly Field[];
}

/**
 * A complex number (`F`, `D`, `Zf`, `Zd`).
 *
 * @example
 * const z: Complex = { re: 1, im: -2 };
 */
export interface Complex {
  re: number;
  im: number;
}

/**
 * A buffer argument: any ArrayBufferView, ArrayBuffer or SharedArrayBuffer.
 *
 * @example
 * const b: BufferSource = new Uint8Array(8);
 */
export type BufferSource = ArrayBufferView | ArrayBuffer | SharedArrayBuffer;

/**
 * A `Float16Array` (an `e` column where the runtime has one: Node 24+, current browsers),
 * typed structurally because TypeScript's older `lib`s do not declare it.
 */
export interface Float16Column extends ArrayBufferView {
  readonly BYTES_PER_ELEMENT: 2;
  readonly length: number;
  [index: number]: number;
}

/**
 * A column of `unpackColumns`: a typed array for numeric codes (`e`: a `Float16Array`
 * where the runtime has it, else a `Float32Array`), a plain array otherwise.
 *
 * @example
 * const c: Column = new Int32Array(3);
 */
export type Column =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float16Column
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array
  | unknown[];
