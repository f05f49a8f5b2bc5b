/**
 * `.npz` archives: `loadNpz` lists the members from the zip's central directory (no data
 * read) and reads each array when asked, a stored member in place (a view of the
 * archive's own bytes), a deflated one inflated by fflate into a buffer of its own;
 * `saveNpz` writes what `np.savez` / `np.savez_compressed` write (stored archives byte
 * for byte).
 */
import {
  allocBytes,
  type BufferView,
  isContiguous,
  releaseBuffer,
  toContiguous,
} from "@pybuffer/core";
import { IndexError, NotImplementedError, ValueError } from "@pybuffer/struct";
// fflate's browser build, on Node too: its Node build differs only in running the
// asynchronous API on worker_threads, which it loads at import (a few milliseconds of
// every start, issue #20); the synchronous deflate and inflate used here are the same code.
import { deflateSync, inflateSync } from "fflate/browser";
import { readHeader } from "./header.js";
import { arrayOver, asUint8, fromSource, type LoadNpyOptions, type NpySource } from "./load-npy.js";
import type { NpyArray } from "./npy-array.js";
import { npyParts, type SaveNpyOptions } from "./save-npy.js";
import {
  crc32,
  memberData,
  readZipEntries,
  writeZip,
  type ZipEntry,
  type ZipMember,
} from "./zip.js";

// Deflate makes at most 258 bytes of a match coded in two bits: 1032 bytes per byte.
const MAX_DEFLATE_RATIO = 1032;

/**
 * A `.npz` archive, read lazily: `files` lists the arrays (NumPy's `NpzFile.files`: member
 * names without `.npy`), `get(key)` reads one.
 *
 * @example
 * const npz = loadNpz(bytes);
 * npz.files; // ["weights", "bias"]
 * npz.get("bias").shape; // [10]
 */
export class NpzFile {
  /** The members' names, `.npy` left off (NumPy's `files`). */
  readonly files: readonly string[];
  readonly #bytes: Uint8Array;
  readonly #writable: boolean;
  readonly #entries: Map<string, ZipEntry>;
  readonly #options: LoadNpyOptions;
  #source: BufferView | null;

  /** @internal Made by loadNpz. */
  constructor(
    bytes: Uint8Array,
    writable: boolean,
    source: BufferView | null,
    options: LoadNpyOptions,
  ) {
    this.#bytes = bytes;
    this.#writable = writable;
    this.#source = source;
    this.#options = options;
    const entries = readZipEntries(bytes);
    this.#entries = new Map(entries.map((e) => [e.name, e]));
    this.files = entries.map((e) => (e.name.endsWith(".npy") ? e.name.slice(0, -4) : e.name));
  }

  /** Whether `key` (with or without `.npy`) names a member. @example npz.has("bias"); // true */
  has(key: string): boolean {
    return this.#entries.has(key) || this.#entries.has(`${key}.npy`);
  }

  #entry(key: string): ZipEntry {
    const entry = this.#entries.get(key) ?? this.#entries.get(`${key}.npy`);
    if (entry === undefined) throw new IndexError(`${key} is not a file in the archive`);
    return entry;
  }

  /**
   * The member's bytes: in place for a stored member, inflated for a deflated one into a
   * buffer of its declared size, which is refused (`ValueError`) before it is allocated
   * when it is more than deflate can make of the member's bytes (1032 per byte): what an
   * archive can make this allocate is bounded by its own length.
   *
   * @example
   * npz.bytes("bias").length; // 168
   */
  bytes(key: string): Uint8Array {
    const entry = this.#entry(key);
    if (entry.flags & 1) {
      // Python's zipfile raises RuntimeError, of which NotImplementedError is a kind.
      throw new NotImplementedError(
        `File '${entry.name}' is encrypted, password required for extraction`,
      );
    }
    const data = memberData(this.#bytes, entry);
    if (entry.method === 0) {
      if (entry.size !== entry.compressedSize) throw new ValueError(`Bad size for '${entry.name}'`);
      return data;
    }
    if (entry.method !== 8) {
      throw new NotImplementedError(`That compression method is not supported (${entry.method})`);
    }
    // The size is the archive's word: past what deflate can make of the member's bytes it
    // is a lie, refused before the buffer it asks for is allocated (a zip bomb's header).
    if (entry.size > data.length * MAX_DEFLATE_RATIO) {
      throw new ValueError(
        `Bad size for '${entry.name}': ${data.length} deflated bytes cannot inflate to ${entry.size}`,
      );
    }
    const into = allocBytes(entry.size);
    let out: Uint8Array;
    try {
      out = inflateSync(data, { out: into });
    } catch (error) {
      // fflate's own errors (a plain Error with a code), or a stored block past the end
      const why =
        error instanceof RangeError
          ? "more data than its size"
          : (error as { message?: unknown }).message;
      throw new ValueError(`Bad compressed data for '${entry.name}': ${why}`);
    }
    if (out.length !== entry.size || crc32([out]) !== entry.crc) {
      throw new ValueError(`Bad CRC-32 for file '${entry.name}'`);
    }
    return out;
  }

  /**
   * The array `key` (with or without `.npy`): an {@link NpyArray} over the archive's
   * bytes for a stored member, over an inflated copy for a deflated one.
   *
   * @example
   * getBuffer(npz.get("weights"), PyBUF_FULL_RO).shape; // [10, 784]
   */
  get(key: string): NpyArray {
    const data = this.bytes(key);
    const stored = data.buffer === this.#bytes.buffer;
    const bytes = {
      memory: data.buffer,
      start: data.byteOffset,
      length: data.byteLength,
      writable: stored ? this.#writable : true,
      view: null,
    };
    return arrayOver(bytes, readHeader(data, this.#options), this.#options);
  }

  /** Gives back the view of the exporter the archive was read from. @example npz.release(); */
  release(): void {
    const source = this.#source;
    this.#source = null;
    if (source !== null) releaseBuffer(source);
  }

  /** `NpzFile(files=['a', 'b'])`. @example String(npz); */
  toString(): string {
    return `NpzFile(files=[${this.files.map((f) => `'${f}'`).join(", ")}])`;
  }
}

/**
 * Opens a `.npz` archive over its bytes (no copy; a Blob or File is read first, a
 * promise). Only the central directory is read now; see {@link NpzFile}.
 *
 * @example
 * loadNpz(bytes).files; // ["arr_0", "bias"]
 */
export function loadNpz(source: Blob, options?: LoadNpyOptions): Promise<NpzFile>;
export function loadNpz(source: NpySource, options?: LoadNpyOptions): NpzFile;
export function loadNpz(
  source: NpySource | Blob,
  options: LoadNpyOptions = {},
): NpzFile | Promise<NpzFile> {
  return fromSource(
    source,
    "loadNpz",
    options,
    (b) => new NpzFile(asUint8(b), b.writable, b.view, options),
  );
}

/** Options of {@link saveNpz}. */
export interface SaveNpzOptions extends SaveNpyOptions {
  /** Deflate the members (`np.savez_compressed`); default `false` (`np.savez`). */
  readonly compress?: boolean | undefined;
}

/**
 * The bytes of a `.npz` archive of `arrays` (exporters), as `np.savez(f, **arrays)` writes
 * them, or `np.savez_compressed` with `compress: true`: members `key.npy`, a list's named
 * `arr_0.npy`, `arr_1.npy`… Stored archives are NumPy's byte for byte; deflated ones are
 * fflate's deflate, which NumPy reads.
 *
 * @example
 * const file = saveNpz({ weights, bias }); // for Python: np.load(io.BytesIO(file))
 */
export function saveNpz(
  arrays: Readonly<Record<string, unknown>> | readonly unknown[],
  options: SaveNpzOptions = {},
): Uint8Array<ArrayBuffer> {
  if (typeof arrays !== "object" || arrays === null) {
    throw new TypeError("saveNpz: arrays must be an object or an array of exporters");
  }
  const named: [string, unknown][] = Array.isArray(arrays)
    ? arrays.map((a, i) => [`arr_${i}`, a])
    : Object.entries(arrays);
  const members: ZipMember[] = named.map(([key, exporter]) => {
    const { header, view, order } = npyParts(exporter, options);
    let data: Uint8Array;
    try {
      // (an empty view may point anywhere, past its memory's end too: toContiguous gives
      // it an empty array)
      data =
        view.len > 0 && isContiguous(view, order)
          ? new Uint8Array(view.memory, view.buf, view.len)
          : toContiguous(view, order);
    } finally {
      releaseBuffer(view);
    }
    const parts = [header, data];
    const crc = crc32(parts);
    const size = header.length + data.length;
    if (options.compress !== true) return { name: `${key}.npy`, parts, method: 0, crc, size };
    const whole = allocBytes(size);
    whole.set(header);
    whole.set(data, header.length);
    return { name: `${key}.npy`, parts: [deflateSync(whole)], method: 8, crc, size };
  });
  return writeZip(members);
}
