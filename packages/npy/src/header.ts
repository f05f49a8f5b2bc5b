/**
 * The `.npy` header, read and written as NumPy's `numpy/lib/_format_impl.py` does:
 * `\x93NUMPY`, a version (1.0: 2-byte length, latin1; 2.0: 4-byte length, latin1; 3.0:
 * 4-byte length, UTF-8), then a Python dict literal `{'descr': …, 'fortran_order': …,
 * 'shape': …, }` padded with spaces and a newline so the data starts at a multiple of 64.
 * Errors are NumPy's `ValueError`s, message for message.
 */
import { ValueError } from "@pybuffer/struct";
import { bytesRepr } from "@pybuffer/struct/print";
import { dtypeFromDescr, headerTuples, jsTuples } from "./descr-parse.js";
import { type Descr, type DType, descrOf } from "./dtype.js";
import { PyTuple, type PyValue, parsePyLiteral, pyRepr } from "./py-literal.js";

/** What a `.npy` header says. */
export interface NpyHeader {
  /** Format version: `[1, 0]`, `[2, 0]` or `[3, 0]`. */
  readonly version: readonly [number, number];
  /**
   * The dtype descr as written (Python tuples as arrays); one that writes a shape as a
   * bare number (`('|S0', 3)`, `('a', '<i4', 3)`) is NumPy's descr of its dtype.
   */
  readonly descr: Descr;
  /** Whether the data is in Fortran (column-major) order. */
  readonly fortranOrder: boolean;
  /** The array's shape (`[]` for a 0-d array). */
  readonly shape: readonly number[];
  /** Byte offset of the data from the start of the file. */
  readonly dataOffset: number;
  /** Bytes per item of the dtype. */
  readonly itemsize: number;
}

/** A parsed header and its dtype. */
export interface ParsedHeader extends NpyHeader {
  readonly dtype: DType;
}

/** Options of the readers. */
export interface HeaderOptions {
  /** Longest header text accepted (NumPy's `max_header_size`, default 10 000). */
  readonly maxHeaderSize?: number | undefined;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/**
 * Bytes as latin1 text. (`String.fromCharCode(...bytes)` walks a typed array through its
 * iterator: ~30 µs of a 40 µs loadNpy, bench npy-load; `apply` takes it as it is.)
 */
export function latin1Text(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
  }
  return text;
}

function eof(what: string, expected: number, got: number): ValueError {
  return new ValueError(`EOF: reading ${what}, expected ${expected} bytes got ${got}`);
}

/**
 * The length of the header prefix and text, from the first bytes of a file (at least 12
 * of them, or all there are): `{ version, start, length }` with the text at `start`.
 */
export function readPrefix(bytes: Uint8Array): {
  version: [number, number];
  start: number;
  length: number;
} {
  if (bytes.length < 8) throw eof("magic string", 8, bytes.length);
  if (!MAGIC.every((b, i) => bytes[i] === b)) {
    throw new ValueError(
      `the magic string is not correct; expected b'\\x93NUMPY', got ${bytesRepr(bytes.subarray(0, 6))}`,
    );
  }
  const version: [number, number] = [bytes[6] as number, bytes[7] as number];
  if (!(version[1] === 0 && version[0] >= 1 && version[0] <= 3)) {
    throw new ValueError(
      `we only support format version (1,0), (2,0), and (3,0), not (${version[0]}, ${version[1]})`,
    );
  }
  const size = version[0] === 1 ? 2 : 4;
  if (bytes.length < 8 + size) throw eof("array header length", size, bytes.length - 8);
  const data = new DataView(bytes.buffer, bytes.byteOffset, 8 + size);
  const length = size === 2 ? data.getUint16(8, true) : data.getUint32(8, true);
  return { version, start: 8 + size, length };
}

/**
 * Refuses a header over `maxHeaderSize` from its length field, before its text is read
 * (NumPy reads the text, then compares the decoded length: a UTF-8 text is never longer
 * than its bytes, so this refuses no header NumPy reads but bounds what is read). A file
 * `available` bytes long that cannot hold the header is NumPy's EOF error first.
 */
export function checkHeaderLength(
  prefix: { version: [number, number]; start: number; length: number },
  available: number,
  max: number,
): void {
  const { version, start, length } = prefix;
  if (available < start + length) throw eof("array header", length, available - start);
  if (length > max * 4 || (version[0] < 3 && length > max)) {
    throw headerTooLarge(length);
  }
}

function headerTooLarge(length: number): ValueError {
  return new ValueError(
    `Header info length (${length}) is large and may not be safe to load securely.\nTo allow loading, adjust \`max_header_size\` or fully trust the \`.npy\` file using \`allow_pickle=True\`.\nFor safety against large resource use or crashes, sandboxing may be necessary.`,
  );
}

/** `PyTuple`s and lists of a parsed descr as the arrays of {@link Descr}. */
function toDescr(value: PyValue): Descr {
  if (Array.isArray(value)) return value.map((v) => toDescr(v)) as unknown as Descr;
  return value as Descr;
}

/** Whether `value` writes a shape as a bare number: `('a', '<i4', 3)`, `('|S0', 3)`. */
function bareShape(value: PyValue): boolean {
  if (!Array.isArray(value)) return false;
  if (value instanceof PyTuple) {
    const at = value.length === 3 ? 2 : value.length === 2 && typeof value[0] !== "number" ? 1 : -1;
    const n = value[at];
    if (typeof n === "number" || typeof n === "bigint") return true;
  }
  return value.some((v) => bareShape(v));
}

/**
 * The header's descr as the arrays of {@link Descr}, as written; one with a bare-number
 * shape has no such form (`('|S0', 3)` is `'|S3'`, no sub-array): NumPy's own descr of
 * the dtype stands for it.
 */
function jsDescr(descr: PyValue, dtype: DType): Descr {
  return bareShape(descr) ? descrOf(dtype) : toDescr(descr);
}

/**
 * Reads a whole header from `bytes` (the file's first bytes, at least up to the data);
 * `ValueError` with NumPy's message for anything NumPy refuses.
 */
export function readHeader(bytes: Uint8Array, options: HeaderOptions = {}): ParsedHeader {
  // The option first, once: a getter may detach the bytes, whose length is then read as 0.
  const max = options.maxHeaderSize ?? 10_000;
  const prefix = readPrefix(bytes);
  checkHeaderLength(prefix, bytes.length, max);
  const { version, start, length } = prefix;
  const raw = bytes.subarray(start, start + length);
  // Files of one dtype and shape share their header's bytes (npz members, batches of a
  // dataset): the parse is kept, frozen, for the next file (bench npy-load).
  const key = length <= 512 ? `${version[0]}${latin1Text(raw)}` : null;
  const known = key === null ? undefined : HEADERS.get(key);
  if (known !== undefined) return known;
  const parsed = parseHeader(raw, version, start, length, max);
  if (key !== null) {
    if (HEADERS.size >= 64) HEADERS.clear();
    HEADERS.set(key, deepFreeze(parsed));
  }
  return parsed;
}

const HEADERS = new Map<string, ParsedHeader>();

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function parseHeader(
  raw: Uint8Array,
  version: [number, number],
  start: number,
  length: number,
  max: number,
): ParsedHeader {
  let text: string;
  if (version[0] === 3) {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
    } catch {
      throw new ValueError("'utf-8' codec can't decode the array header");
    }
  } else {
    text = latin1Text(raw);
  }
  if (text.length > max) throw headerTooLarge(text.length);
  const d = parsePyLiteral(text, version[0] < 3);
  if (!(d instanceof Map)) throw new ValueError(`Header is not a dictionary: ${pyRepr(d)}`);
  const keys = [...d.keys()];
  const expected = ["descr", "fortran_order", "shape"];
  if (keys.length !== 3 || !expected.every((k) => d.has(k))) {
    // sorted(d.keys()): strings by their characters (Python refuses to sort mixed types)
    const sorted = keys.every((k) => typeof k === "string")
      ? (keys as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => pyRepr(k))
      : keys.map((k) => pyRepr(k)).sort();
    throw new ValueError(`Header does not contain the correct keys: [${sorted.join(", ")}]`);
  }
  const shape = d.get("shape") as PyValue;
  // Python's bools are ints: NumPy's check lets `(True,)` by (the size check below does not)
  if (
    !(shape instanceof PyTuple) ||
    !shape.every((n) => typeof n === "number" || typeof n === "bigint" || typeof n === "boolean")
  ) {
    throw new ValueError(`shape is not valid: ${pyRepr(shape)}`);
  }
  const fortranOrder = d.get("fortran_order");
  if (typeof fortranOrder !== "boolean") {
    throw new ValueError(`fortran_order is not a valid bool: ${pyRepr(fortranOrder as PyValue)}`);
  }
  const descr = d.get("descr") as PyValue;
  let dtype: DType;
  try {
    dtype = dtypeFromDescr(descr, headerTuples);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new ValueError(`descr is not a valid dtype descriptor: ${pyRepr(descr)}`);
  }
  // Past NumPy's checks: sizes a view can hold (NumPy fails later, allocating).
  let count = dtype.itemsize;
  for (const n of shape) {
    if (typeof n !== "number" || n < 0)
      throw new ValueError(`shape is not valid: ${pyRepr(shape)}`);
    count *= n;
  }
  if (!Number.isSafeInteger(count)) throw new ValueError(`shape is not valid: ${pyRepr(shape)}`);
  return {
    version,
    descr: jsDescr(descr, dtype),
    fortranOrder,
    shape: shape.slice() as number[],
    dataOffset: start + length,
    itemsize: dtype.itemsize,
    dtype,
  };
}

/** `descr` as Python writes it: lists of tuples, shapes and sub-arrays as tuples. */
export function pyDescr(descr: Descr): PyValue {
  if (typeof descr === "string") return descr;
  if (jsTuples(descr)) {
    const [base, shape] = descr as readonly [Descr, readonly number[]];
    return PyTuple.of2([pyDescr(base), PyTuple.of2(shape.slice())]);
  }
  return (descr as readonly (readonly unknown[])[]).map((field) => {
    const [name, d, shape] = field;
    const label: PyValue = Array.isArray(name) ? PyTuple.of2(name.slice()) : (name as string);
    const items: PyValue[] = [label, pyDescr(d as Descr)];
    if (shape !== undefined) items.push(PyTuple.of2((shape as number[]).slice()));
    return PyTuple.of2(items);
  });
}

const GROWTH_AXIS_MAX_DIGITS = 21;
const ARRAY_ALIGN = 64;

function latin1(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return null;
    out[i] = c;
  }
  return out;
}

/**
 * The header NumPy writes for an array (`_write_array_header` with the version
 * `np.save` picks: 1.0, else 2.0 past 65 535 bytes, else 3.0 when latin1 cannot hold
 * it), byte for byte.
 *
 * @example
 * writeHeader("<f8", false, [3]).length; // 128
 */
export function writeHeader(
  descr: Descr,
  fortranOrder: boolean,
  shape: readonly number[],
): Uint8Array {
  const py = pyDescr(descr);
  let text = `{'descr': ${pyRepr(py)}, 'fortran_order': ${fortranOrder ? "True" : "False"}, 'shape': ${pyRepr(PyTuple.of2(shape.slice()))}, }`;
  if (shape.length > 0) {
    const axis = shape[fortranOrder ? shape.length - 1 : 0] as number;
    text += " ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - String(axis).length));
  }
  let encoded = latin1(text);
  let major = 1;
  if (encoded === null) {
    encoded = new TextEncoder().encode(text);
    major = 3;
  }
  const hlen = encoded.length + 1;
  let size = major === 1 ? 2 : 4;
  let pad = ARRAY_ALIGN - ((8 + size + hlen) % ARRAY_ALIGN);
  if (major === 1 && hlen + pad > 0xffff) {
    major = 2;
    size = 4;
    pad = ARRAY_ALIGN - ((8 + size + hlen) % ARRAY_ALIGN);
  }
  const out = new Uint8Array(8 + size + hlen + pad);
  out.set(MAGIC);
  out[6] = major;
  const view = new DataView(out.buffer);
  if (size === 2) view.setUint16(8, hlen + pad, true);
  else view.setUint32(8, hlen + pad, true);
  out.set(encoded, 8 + size);
  out.fill(0x20, 8 + size + encoded.length, out.length - 1);
  out[out.length - 1] = 0x0a;
  return out;
}
