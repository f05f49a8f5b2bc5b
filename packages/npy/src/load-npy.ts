/**
 * `loadNpy`: a `.npy` file's bytes to an exporter of its array, in place. The header is
 * read as NumPy reads it; the format comes from the descr as NumPy exports it (with a
 * record's trailing padding written out); the strides are C or Fortran order as the
 * header says.
 */
import {
  type BufferView,
  checkBuffer,
  detachedError,
  type Exporter,
  fillContiguousStrides,
  getBuffer,
  isDetached,
  isMemory,
  type Memory,
  PyBUF_SIMPLE,
  PyBUF_WRITABLE,
  pythonTypeName,
  releaseBuffer,
  type VerifiedLayout,
  verifyLayout,
} from "@pybuffer/core";
import { ValueError } from "@pybuffer/struct";
import type { DType } from "./dtype.js";
import { descrRepr } from "./dtype-strings.js";
import { formatOfDType } from "./format-from-dtype.js";
import { type HeaderOptions, type NpyHeader, type ParsedHeader, readHeader } from "./header.js";
import { NpyArray } from "./npy-array.js";

/** Options of {@link loadNpy}. */
export interface LoadNpyOptions extends HeaderOptions {
  /** Refuse writable requests even where the bytes could be written (default `false`). */
  readonly readonly?: boolean | undefined;
}

/** What {@link loadNpy} reads synchronously: bytes, a buffer, or any exporter. */
export type NpySource = ArrayBufferView | ArrayBuffer | SharedArrayBuffer | Exporter;

/** @internal The bytes of a source: memory, where they start, how many, writable or not. */
export interface Bytes {
  readonly memory: Memory;
  readonly start: number;
  readonly length: number;
  readonly writable: boolean;
  readonly view: BufferView | null;
}

/** @internal The bytes `source` holds (an exporter's are held through a view). */
export function bytesOf(source: unknown, what: string): Bytes {
  if (ArrayBuffer.isView(source)) {
    const memory = source.buffer as Memory;
    if (isDetached(memory)) throw detachedError();
    return {
      memory,
      start: source.byteOffset,
      length: source.byteLength,
      writable: true,
      view: null,
    };
  }
  if (isMemory(source)) {
    if (isDetached(source)) throw detachedError();
    return { memory: source, start: 0, length: source.byteLength, writable: true, view: null };
  }
  if (checkBuffer(source)) {
    let view: BufferView;
    try {
      view = getBuffer(source, PyBUF_SIMPLE | PyBUF_WRITABLE);
    } catch {
      view = getBuffer(source, PyBUF_SIMPLE);
    }
    const writable = !view.readonly;
    return { memory: view.memory, start: view.buf, length: view.len, writable, view };
  }
  throw new TypeError(
    `${what}: expected bytes, an ArrayBuffer, a Blob or a buffer exporter, not '${pythonTypeName(source)}'`,
  );
}

/** @internal The view format of a header's dtype, or the error naming it. */
export function viewFormat(header: ParsedHeader): string {
  let format = FORMATS.get(header);
  if (format === undefined) {
    format = formatOf(header);
    if (Object.isFrozen(header)) FORMATS.set(header, format);
  }
  return format;
}

function formatOf(header: ParsedHeader): string {
  const { dtype } = header;
  const named = (): string => descrRepr(header.descr);
  if (hasObjects(dtype)) {
    throw new ValueError(
      `Object arrays cannot be loaded when allow_pickle=False (descr ${named()}: the data is a pickle)`,
    );
  }
  if (dtype.itemsize === 0) {
    throw new ValueError(`cannot view items of 0 bytes (descr ${named()})`);
  }
  try {
    return formatOfDType(dtype, "view", header.shape);
  } catch (error) {
    if (!(error instanceof ValueError)) throw error;
    throw new ValueError(`${error.message} (descr ${named()})`);
  }
}

function hasObjects(d: DType): boolean {
  if (d.type === "scalar") return d.kind === "O";
  if (d.type === "subarray") return hasObjects(d.base);
  return d.fields.some((f) => hasObjects(f.dtype));
}

// The verified layout of each kept header (readHeader keeps frozen parses).
const LAYOUTS = new WeakMap<ParsedHeader, VerifiedLayout>();
const FORMATS = new WeakMap<ParsedHeader, string>();

/** @internal An NpyArray over `bytes` with `header` read from them. */
export function arrayOver(bytes: Bytes, header: ParsedHeader, options: LoadNpyOptions): NpyArray {
  const format = viewFormat(header);
  const itemsize = header.dtype.itemsize;
  const shape = header.shape;
  const need = shape.reduce((a, b) => a * b, itemsize);
  const have = bytes.length - header.dataOffset;
  if (have < need) {
    throw new ValueError(
      `EOF: reading array data, expected ${need} bytes got ${Math.max(0, have)}`,
    );
  }
  let layout = LAYOUTS.get(header);
  if (layout === undefined || !layout.intact()) {
    const strides = fillContiguousStrides(shape, itemsize, header.fortranOrder ? "F" : "C");
    layout = verifyLayout({ format, itemsize, shape, strides }, "loadNpy");
    if (Object.isFrozen(header)) LAYOUTS.set(header, layout);
  }
  const { dtype: _, ...plain } = header;
  return new NpyArray({
    memory: bytes.memory,
    buf: bytes.start + header.dataOffset,
    layout,
    readonly: options.readonly === true || !bytes.writable,
    header: plain,
    source: bytes.view,
  });
}

/**
 * Reads a `.npy` file (format 1.0, 2.0 or 3.0) and returns an exporter of its array
 * over the file's own bytes: no copy. Bytes, ArrayBuffers and exporters are read at
 * once; a `Blob` or `File` is read first (a promise). Views are writable when the bytes
 * are (a write changes the file's bytes), unless `readonly` is set.
 *
 * Errors are `ValueError`s with NumPy's messages for what NumPy refuses (a bad magic
 * string or version, a header that is no dict of the three keys, a bad shape, descr or
 * fortran_order, a header over `maxHeaderSize`, data shorter than the header says), and
 * for what a buffer format cannot say: object arrays (a pickle), datetimes
 * (`cannot include dtype 'M' in a buffer`), each naming the descr.
 *
 * @example
 * const array = loadNpy(bytes); // bytes of np.save(f, np.arange(6.0).reshape(2, 3))
 * getBuffer(array, PyBUF_FULL_RO).shape; // [2, 3]
 */
export function loadNpy(source: Blob, options?: LoadNpyOptions): Promise<NpyArray>;
export function loadNpy(source: NpySource, options?: LoadNpyOptions): NpyArray;
export function loadNpy(
  source: NpySource | Blob,
  options: LoadNpyOptions = {},
): NpyArray | Promise<NpyArray> {
  return fromSource(source, "loadNpy", options, (bytes) =>
    arrayOver(bytes, readHeader(asUint8(bytes), options), options),
  );
}

/** @internal The bytes of `bytes` as a Uint8Array. */
export function asUint8(bytes: Bytes): Uint8Array {
  return new Uint8Array(bytes.memory, bytes.start, bytes.length);
}

/**
 * @internal `make(bytes of source)`: at once for bytes and exporters (an exporter's view
 * is given back if `make` throws), after one read for a Blob or File (a promise).
 */
export function fromSource<T>(
  source: unknown,
  what: string,
  options: unknown,
  make: (bytes: Bytes) => T,
): T | Promise<T> {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${what}: options must be an object, not '${pythonTypeName(options)}'`);
  }
  // A Blob or File (any realm): read once, then as an ArrayBuffer.
  if (
    typeof source === "object" &&
    source !== null &&
    !ArrayBuffer.isView(source) &&
    typeof (source as Partial<Blob>).arrayBuffer === "function"
  ) {
    return (source as Blob).arrayBuffer().then((memory) => make(bytesOf(memory, what)));
  }
  const bytes = bytesOf(source, what);
  try {
    return make(bytes);
  } catch (error) {
    if (bytes.view !== null) releaseBuffer(bytes.view);
    throw error;
  }
}

/**
 * The header of a `.npy` file from its first bytes (at least up to the end of the
 * header; the data need not be there), without making an array. Errors as
 * {@link loadNpy}'s for the header.
 *
 * @example
 * readNpyHeader(firstBytes).shape; // [1000000, 784]
 */
export function readNpyHeader(bytes: Uint8Array, options: HeaderOptions = {}): NpyHeader {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`readNpyHeader: expected a Uint8Array, not '${pythonTypeName(bytes)}'`);
  }
  const { dtype: _, ...header } = readHeader(bytes, options);
  return header;
}
