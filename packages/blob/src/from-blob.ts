/**
 * Blobs and Files as exporters. A Blob is immutable and can only be read
 * asynchronously, and every `arrayBuffer()` call returns a fresh copy; so the adapter
 * reads the Blob once ("materialise") and then exports that snapshot read-only through
 * core's `NDBuffer` ("export"), which answers every request flag synchronously.
 */
import { NDBuffer, sizeFromFormat } from "@pybuffer/core";
import { ValueError } from "@pybuffer/struct";
import { checkOptions, isBlob, notBlob } from "./arguments.js";

/** Options of {@link fromBlob}. */
export interface FromBlobOptions {
  /** struct format of one item (default `B`). */
  readonly format?: string | undefined;
  /** Items per dimension (default: as many items as the Blob holds, one dimension). */
  readonly shape?: readonly number[] | undefined;
  /** Cancels the read: the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * `fromBlob(blob, options?)`: reads a Blob or File once and resolves to a read-only
 * exporter (an `NDBuffer`) over a private copy of its bytes, format `B` and one
 * dimension unless `format`/`shape` say otherwise. Writable requests are refused with
 * `BufferError`. The Blob is read with `arrayBuffer()`, so the whole content is in
 * memory once; for files too large for that, use `iterUnpackBlob`.
 *
 * @example
 * ```ts
 * const file = new File([new Float64Array([1.5, 2.5])], "data.bin");
 * const exporter = await fromBlob(file, { format: "<d" });
 * const view = getBuffer(exporter, PyBUF_FULL_RO);
 * view.shape; // [2]
 * view.readonly; // true
 * releaseBuffer(view);
 * ```
 */
export async function fromBlob(blob: Blob, options: FromBlobOptions = {}): Promise<NDBuffer> {
  const what = "fromBlob";
  options = checkOptions(options, what);
  if (!isBlob(blob)) throw notBlob(what, blob);
  const format = options.format ?? "B";
  const itemsize = sizeFromFormat(format);
  if (itemsize === 0) throw new ValueError(`${what}: format '${format}' has items of 0 bytes`);
  let shape = options.shape;
  if (shape === undefined) {
    if (blob.size % itemsize !== 0) {
      throw new ValueError(
        `${what}: the Blob's ${blob.size} bytes are not a whole number of ${itemsize}-byte items`,
      );
    }
    shape = [blob.size / itemsize];
  }
  options.signal?.throwIfAborted();
  const memory = await blob.arrayBuffer();
  options.signal?.throwIfAborted();
  return new NDBuffer(memory, { shape, format, readonly: true });
}
