/**
 * Large files without reading them whole: a sparse 3 GiB `.npy` on disk, opened through
 * a Node FileHandle and through `fs.openAsBlob`, gives its header from two small reads
 * and any rows on demand (streaming a File's records through `@pybuffer/blob` is tested
 * in the umbrella, which holds both).
 */
import { openAsBlob } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getBuffer, NDBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeHeader } from "../src/header.js";
import { type FileHandleLike, openNpy, saveNpy } from "../src/index.js";

const ROWS = 3 * 2 ** 20; // 3 Mi rows of 1 KiB: 3 GiB of data
const COLUMNS = 128;
let dir = "";
let path = "";
let dataOffset = 0;

/** A record of the file's reads, to show how little is read. */
function counting(handle: FileHandleLike, reads: number[]): FileHandleLike {
  return {
    fd: handle.fd,
    stat: () => handle.stat(),
    read(buffer, offset, length, position) {
      reads.push(length);
      return handle.read(buffer, offset, length, position);
    },
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "pybuffer-npy-"));
  path = join(dir, "big.npy");
  const header = writeHeader("<f8", false, [ROWS, COLUMNS]);
  dataOffset = header.length;
  const file = await open(path, "w");
  await file.write(header, 0, header.length, 0);
  // the last row holds its row number; everything before it is a hole in the file
  const last = new Float64Array(COLUMNS).fill(ROWS - 1);
  await file.write(
    new Uint8Array(last.buffer),
    0,
    8 * COLUMNS,
    dataOffset + (ROWS - 1) * 8 * COLUMNS,
  );
  await file.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a 3 GiB .npy", () => {
  it("through a FileHandle: the header from two reads, then only the rows asked for", async () => {
    const handle = await open(path, "r");
    try {
      const reads: number[] = [];
      const file = await openNpy(counting(handle, reads));
      expect(file.size).toBe(dataOffset + ROWS * COLUMNS * 8);
      expect(file.header.shape).toEqual([ROWS, COLUMNS]);
      expect(file.format).toBe("d");
      expect(reads).toEqual([12, dataOffset]);
      const rows = await file.read(ROWS - 2, ROWS);
      expect(reads.slice(2)).toEqual([2 * COLUMNS * 8]);
      const view = getBuffer(rows, PyBUF_FULL_RO);
      expect(view.shape).toEqual([2, COLUMNS]);
      const values = new Float64Array(view.memory, view.buf, 2 * COLUMNS);
      expect([values[0], values[COLUMNS]]).toEqual([0, ROWS - 1]);
      releaseBuffer(view);
    } finally {
      await handle.close();
    }
  });

  it("through fs.openAsBlob", async () => {
    const file = await openNpy(await openAsBlob(path));
    expect(file.length).toBe(ROWS);
    expect((await file.read(ROWS - 1)).shape).toEqual([1, COLUMNS]);
    expect(file.dataBlob().size).toBe(ROWS * COLUMNS * 8);
    await expect(file.read(0, ROWS + 1)).rejects.toThrow(
      `read: items 0 to ${ROWS + 1} are not inside 0 to ${ROWS}`,
    );
  });
});

describe("errors", () => {
  it("refuses what is no file, and a file shorter than its header says", async () => {
    await expect(openNpy(3 as never)).rejects.toThrow(
      "openNpy: expected a Blob, a File or a FileHandle, not 'int'",
    );
    const short = saveNpy(new NDBuffer(new ArrayBuffer(16), { shape: [2], format: "<d" }));
    await expect(openNpy(new Blob([short.subarray(0, 130)]))).rejects.toThrow(
      "EOF: reading array data, expected 16 bytes got 2",
    );
  });
});
