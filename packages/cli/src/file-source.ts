/**
 * Reading the file a command names: its size first (so size errors come before any
 * output, as CPython checks before unpacking), then fixed-size chunks into one reused
 * buffer, so files of any size are read in constant memory; or, for `view`, just the
 * region asked for.
 */
import { type FileHandle, open } from "node:fs/promises";

/** Bytes read per chunk (rounded down to whole records by the caller). */
export const CHUNK_BYTES: number = 1 << 20;

/**
 * An open file and its size. Errors are Node's (`ENOENT`, `EISDIR`, …), which
 * `describeError` prints as Python's `OSError`s.
 *
 * @example
 * ```ts
 * const file = await openFile("data.bin");
 * file.size; // bytes
 * await file.close();
 * ```
 */
export async function openFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  const handle = await open(path, "r");
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      throw Object.assign(new Error("Is a directory"), { code: "EISDIR", path });
    }
    return { handle, size: stat.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * The bytes `start .. start + length` of an open file, in chunks of at most `chunk`
 * bytes (a multiple of the record size), each a view of the same reused buffer: use it
 * before asking for the next one.
 *
 * @example
 * ```ts
 * for await (const bytes of readChunks(handle, 0, size, 16 * 4096)) decode(bytes);
 * ```
 */
export async function* readChunks(
  handle: FileHandle,
  start: number,
  length: number,
  chunk: number,
): AsyncGenerator<Uint8Array, void, void> {
  const buffer = new Uint8Array(Math.max(1, Math.min(chunk, length)));
  let position = start;
  let left = length;
  while (left > 0) {
    const want = Math.min(buffer.length, left);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await handle.read(buffer, got, want - got, position + got);
      if (bytesRead === 0) throw new Error("the file shrank while it was being read");
      got += bytesRead;
    }
    yield buffer.subarray(0, want);
    position += want;
    left -= want;
  }
}

/**
 * The bytes `offset .. offset + length` of the file at `path` (clipped to its end; all
 * of the rest when `length` is undefined), read into one new array. Errors as
 * {@link openFile}'s.
 *
 * @example
 * ```ts
 * const header = await readRegion("tone.wav", 0, 44);
 * ```
 */
export async function readRegion(
  path: string,
  offset: number,
  length: number | undefined,
): Promise<Uint8Array> {
  const { handle, size } = await openFile(path);
  try {
    const start = Math.min(offset, size);
    const bytes = new Uint8Array(Math.min(size - start, length ?? Number.POSITIVE_INFINITY));
    let at = 0;
    for await (const chunk of readChunks(handle, start, bytes.length, CHUNK_BYTES)) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}
