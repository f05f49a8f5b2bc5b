/**
 * `struct.iter_unpack` over a Blob or File, streamed: records are decoded from
 * `blob.stream()` chunk by chunk, records split across chunks are reassembled, and
 * nothing but the chunk in hand and one partial record is held, so memory stays
 * constant for files of gigabytes. Progress is reported per chunk; an AbortSignal
 * stops the read.
 */
import {
  type Abi,
  type Column,
  type ColumnsOf,
  type FormatArg,
  Struct,
  type StructOptions,
  type UnpackedOf,
} from "@pybuffer/struct";
import { checkOptions, isBlob, notBlob } from "./arguments.js";
import { RecordJoiner, type Split } from "./record-joiner.js";

/** Progress of {@link iterUnpackBlob}, reported after each chunk's records. */
export interface BlobProgress {
  /** Bytes read from the Blob so far. */
  readonly bytesRead: number;
  /** The Blob's size. */
  readonly totalBytes: number;
  /** Records yielded so far. */
  readonly records: number;
}

/** Options of {@link iterUnpackBlob}: struct's options plus progress and abort. */
export interface IterUnpackBlobOptions extends StructOptions {
  /** Called after the records of each chunk have been yielded (or its columns). */
  readonly onProgress?: ((progress: BlobProgress) => void) | undefined;
  /** Stops the iteration: the pending `next()` rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Checks what CPython's `iter_unpack` checks before reading: a struct of size 0, or a
 * Blob whose size is not a multiple of the struct size, raises `struct.error` with
 * CPython's message (struct's own `iterUnpack` is asked, on a few bytes, for it).
 */
function checkSizes(struct: Struct, blobSize: number): void {
  const rest = struct.size === 0 ? 0 : blobSize % struct.size;
  if (struct.size === 0 || rest !== 0) struct.iterUnpack(new Uint8Array(rest));
}

/** One chunk of the stream, cut into records. */
interface Piece extends Split {
  /** Bytes in the chunk. */
  readonly length: number;
}

/**
 * The chunks of `blob.stream()` cut into records of `struct.size` bytes. Owns the
 * reader: cancels it when the consumer stops early or the signal aborts.
 */
async function* pieces(
  struct: Struct,
  blob: Blob,
  signal: AbortSignal | undefined,
): AsyncGenerator<Piece, void, undefined> {
  signal?.throwIfAborted();
  const reader = blob.stream().getReader();
  const onAbort = (): void => void reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener("abort", onAbort, { once: true });
  const joiner = new RecordJoiner(struct.size);
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) break;
      const { head, body } = joiner.split(value);
      yield { head, body, length: value.length };
    }
    finished = true;
    // A Blob cannot change size, so this only guards against a misbehaving stream.
    if (joiner.pending !== 0) checkSizes(struct, joiner.pending);
  } finally {
    signal?.removeEventListener("abort", onAbort);
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

async function* records(
  struct: Struct,
  blob: Blob,
  options: IterUnpackBlobOptions,
): AsyncGenerator<unknown[], void, undefined> {
  const { signal, onProgress } = options;
  let bytesRead = 0;
  let count = 0;
  for await (const { head, body, length } of pieces(struct, blob, signal)) {
    bytesRead += length;
    if (head !== null) {
      count++;
      yield struct.unpack(head);
    }
    for (const record of struct.iterUnpack(body)) {
      count++;
      yield record;
      signal?.throwIfAborted();
    }
    onProgress?.({ bytesRead, totalBytes: blob.size, records: count });
  }
}

async function* columns(
  struct: Struct,
  blob: Blob,
  options: IterUnpackBlobOptions,
): AsyncGenerator<Column[], void, undefined> {
  const { signal, onProgress } = options;
  let bytesRead = 0;
  let count = 0;
  for await (const { head, body, length } of pieces(struct, blob, signal)) {
    bytesRead += length;
    let bytes = body;
    if (head !== null) {
      // The record split across chunks goes first: one copy of the chunk (about 1 ns a
      // record) keeps each batch one set of columns.
      bytes = new Uint8Array(head.length + body.length);
      bytes.set(head);
      bytes.set(body, head.length);
    }
    count += bytes.length / struct.size;
    yield struct.unpackColumns(bytes);
    onProgress?.({ bytesRead, totalBytes: blob.size, records: count });
  }
}

/** The checks `iter_unpack` makes at the call; returns the compiled struct. */
function start(fmt: string, blob: Blob, options: IterUnpackBlobOptions, what: string): Struct {
  if (!isBlob(blob)) throw notBlob(what, blob);
  const struct = new Struct(fmt, options);
  checkSizes(struct, blob.size);
  return struct;
}

/**
 * `iterUnpackBlob(fmt, blob, options?)`: an async iterator of the records of a Blob or
 * File (`struct.iter_unpack(fmt, data)`), each the array `unpack` returns. Arguments are
 * checked at the call, as CPython's `iter_unpack` does: `struct.error` with CPython's
 * message for a bad format, a zero-size struct or a Blob size that is not a multiple of
 * the struct size, `TypeError` for a non-Blob. An aborted signal rejects the pending
 * `next()` with its reason; leaving the loop early cancels the stream.
 *
 * @example
 * ```ts
 * const file = new File([new Uint8Array([1, 0, 2, 0, 3, 0])], "shorts.bin");
 * for await (const [value] of iterUnpackBlob("<h", file, {
 *   onProgress: ({ bytesRead, totalBytes }) => console.log(bytesRead / totalBytes),
 * })) {
 *   console.log(value); // 1, 2, 3
 * }
 * ```
 */
export function iterUnpackBlob<
  F extends string,
  A extends Abi = "lp64",
  I extends "bigint" | "number" = "bigint",
>(
  fmt: FormatArg<F>,
  blob: Blob,
  options?: IterUnpackBlobOptions & { readonly abi?: A; readonly int64?: I },
): AsyncGenerator<UnpackedOf<F, { abi: A; int64: I }>, void, undefined>;
export function iterUnpackBlob(
  fmt: string,
  blob: Blob,
  options: IterUnpackBlobOptions = {},
): AsyncGenerator<unknown[], void, undefined> {
  options = checkOptions(options, "iterUnpackBlob");
  return records(start(fmt, blob, options, "iterUnpackBlob"), blob, options);
}

/**
 * `iterUnpackBlobColumns(fmt, blob, options?)`: {@link iterUnpackBlob} decoded in bulk,
 * one batch per chunk of the stream, each batch the columns `unpackColumns` gives (one
 * TypedArray per numeric field, `BigInt64Array` for 8-byte integers). No object per
 * record and one `await` per chunk: about as fast as decoding the bytes in memory, with
 * memory bounded by the platform's chunk size (up to 2 MiB in Chromium).
 *
 * @example
 * ```ts
 * let sum = 0;
 * for await (const [ids] of iterUnpackBlobColumns("<IHHd", file)) {
 *   for (const id of ids as Uint32Array) sum += id;
 * }
 * ```
 */
export function iterUnpackBlobColumns<
  F extends string,
  A extends Abi = "lp64",
  I extends "bigint" | "number" = "bigint",
>(
  fmt: FormatArg<F>,
  blob: Blob,
  options?: IterUnpackBlobOptions & { readonly abi?: A; readonly int64?: I },
): AsyncGenerator<ColumnsOf<F, { abi: A; int64: I }>, void, undefined>;
export function iterUnpackBlobColumns(
  fmt: string,
  blob: Blob,
  options: IterUnpackBlobOptions = {},
): AsyncGenerator<Column[], void, undefined> {
  options = checkOptions(options, "iterUnpackBlobColumns");
  return columns(start(fmt, blob, options, "iterUnpackBlobColumns"), blob, options);
}
