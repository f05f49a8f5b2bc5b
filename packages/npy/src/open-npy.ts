/**
 * Large `.npy` files without reading them whole: `openNpy` reads the header of a `Blob`,
 * `File` or Node `FileHandle` (two small reads), and `NpyFile.read(start, stop)` reads
 * only the bytes of those items along the file's outer axis into an {@link NpyArray};
 * `dataBlob()` is the data as a Blob, for `@pybuffer/blob`'s streamed decoding.
 */
import { allocBytes, pythonTypeName } from "@pybuffer/core";
import { IndexError, ValueError } from "@pybuffer/struct";
import {
  checkHeaderLength,
  type HeaderOptions,
  type NpyHeader,
  type ParsedHeader,
  readHeader,
  readPrefix,
} from "./header.js";
import { arrayOver, viewFormat } from "./load-npy.js";
import type { NpyArray } from "./npy-array.js";

/** What `openNpy` reads from: a Blob or File, or a Node `fs.promises.FileHandle`. */
export type NpyFileSource = Blob | FileHandleLike;

/** The part of Node's `FileHandle` used (duck-typed: no Node import in the browser). */
export interface FileHandleLike {
  readonly fd: number;
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }>;
  stat(): Promise<{ size: number }>;
}

interface RandomAccess {
  readonly size: number;
  read(position: number, length: number): Promise<Uint8Array<ArrayBuffer>>;
}

function isFileHandle(value: unknown): value is FileHandleLike {
  const h = value as Partial<FileHandleLike>;
  return typeof h.fd === "number" && typeof h.read === "function" && typeof h.stat === "function";
}

async function randomAccess(source: unknown): Promise<RandomAccess> {
  if (typeof source === "object" && source !== null && isFileHandle(source)) {
    const { size } = await source.stat();
    return {
      size,
      async read(position, length) {
        // (a part too large for one buffer is a MemoryError, not V8's RangeError)
        const out = allocBytes(Math.max(0, Math.min(length, size - position)));
        let got = 0;
        while (got < out.length) {
          const { bytesRead } = await source.read(out, got, out.length - got, position + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        return out.subarray(0, got);
      },
    };
  }
  const blob = source as Partial<Blob>;
  if (typeof source === "object" && source !== null && typeof blob.slice === "function") {
    const b = source as Blob;
    return {
      size: b.size,
      async read(position, length) {
        return new Uint8Array(await b.slice(position, position + length).arrayBuffer());
      },
    };
  }
  throw new TypeError(
    `openNpy: expected a Blob, a File or a FileHandle, not '${pythonTypeName(source)}'`,
  );
}

/**
 * A `.npy` file opened for reading in parts. The header is read; the data is read by
 * {@link NpyFile.read} as asked.
 *
 * @example
 * const file = await openNpy(await fs.open("big.npy"));
 * file.header.shape; // [1000000, 784]
 * const rows = await file.read(0, 100); // an NpyArray of the first 100 rows
 */
export class NpyFile {
  /** The header as read. */
  readonly header: NpyHeader;
  /** The PEP 3118 format of the items (as {@link loadNpy}'s views have it). */
  readonly format: string;
  /** The file's size in bytes. */
  readonly size: number;
  readonly #parsed: ParsedHeader;
  readonly #access: RandomAccess;
  readonly #source: NpyFileSource;

  /** @internal Made by openNpy. */
  constructor(parsed: ParsedHeader, access: RandomAccess, source: NpyFileSource) {
    const { dtype: _, ...header } = parsed;
    this.header = header;
    this.#parsed = parsed;
    this.format = viewFormat(parsed);
    this.#access = access;
    this.#source = source;
    this.size = access.size;
    const need = header.shape.reduce((a, b) => a * b, header.itemsize);
    if (access.size - header.dataOffset < need) {
      throw new ValueError(
        `EOF: reading array data, expected ${need} bytes got ${Math.max(0, access.size - header.dataOffset)}`,
      );
    }
  }

  /** Items along the outer axis: the first for C order, the last for Fortran order. */
  get length(): number {
    const { shape, fortranOrder } = this.header;
    return shape.length === 0 ? 1 : (shape[fortranOrder ? shape.length - 1 : 0] as number);
  }

  /**
   * Items `start` to `stop` (exclusive) along the outer axis, read from the file now:
   * an {@link NpyArray} over a buffer of just those bytes, whose header has their shape.
   * A 0-d array is read whole.
   *
   * @example
   * (await file.read(10, 20)).shape; // [10, 784]
   */
  async read(start = 0, stop: number = this.length): Promise<NpyArray> {
    const n = this.length;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(stop)) {
      throw new TypeError("read: start and stop must be integers");
    }
    if (start < 0 || stop > n || start > stop) {
      throw new IndexError(`read: items ${start} to ${stop} are not inside 0 to ${n}`);
    }
    const { shape, fortranOrder, itemsize, dataOffset } = this.header;
    const inner = shape.length === 0 ? itemsize : this.#innerSize();
    // A 0-d array has no axis to take items along: its one item is read whatever the range.
    const [first, items] = shape.length === 0 ? [0, 1] : [start, stop - start];
    const bytes = await this.#access.read(dataOffset + first * inner, items * inner);
    const part = shape.slice();
    if (part.length > 0) part[fortranOrder ? part.length - 1 : 0] = stop - start;
    const header: ParsedHeader = { ...this.#parsed, shape: part, dataOffset: 0 };
    const source = {
      memory: bytes.buffer,
      start: 0,
      length: bytes.length,
      writable: true,
      view: null,
    };
    return arrayOver(source, header, {});
  }

  /** Bytes per item along the outer axis. */
  #innerSize(): number {
    const { shape, fortranOrder, itemsize } = this.header;
    const rest = fortranOrder ? shape.slice(0, -1) : shape.slice(1);
    return rest.reduce((a, b) => a * b, itemsize);
  }

  /**
   * The data as a Blob (no read: a slice of the source Blob), for streamed decoding with
   * `@pybuffer/blob`: `iterUnpackBlob(file.format, file.dataBlob())`. Blob sources only.
   *
   * @example
   * for await (const [x] of iterUnpackBlob(file.format, file.dataBlob())) total += x;
   */
  dataBlob(): Blob {
    const source = this.#source as Partial<Blob>;
    if (isFileHandle(source) || typeof source.slice !== "function") {
      throw new TypeError("dataBlob: the file was opened from a FileHandle, not a Blob");
    }
    const { dataOffset, shape, itemsize } = this.header;
    return source.slice(dataOffset, dataOffset + shape.reduce((a, b) => a * b, itemsize));
  }
}

/**
 * Opens a large `.npy` file: reads its header only (the first 12 bytes, then the header
 * text) from a Blob, File or Node FileHandle. Errors as {@link loadNpy}'s.
 *
 * @example
 * const file = await openNpy(new File([bytes], "weights.npy"));
 * file.format; // "<f"
 */
export async function openNpy(
  source: NpyFileSource,
  options: HeaderOptions = {},
): Promise<NpyFile> {
  const access = await randomAccess(source);
  const prefix = readPrefix(await access.read(0, 12));
  checkHeaderLength(prefix, access.size, options.maxHeaderSize ?? 10_000);
  const head = await access.read(0, prefix.start + prefix.length);
  return new NpyFile(readHeader(head, options), access, source);
}
