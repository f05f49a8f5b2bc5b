/**
 * What the fuzz suite (fuzz.property.test.ts) found, one case each: the input, and the
 * family's error (or the result) where there was an engine error, a hang or an
 * allocation the input decided.
 */
import { NDBuffer } from "@pybuffer/core";
import { MemoryError, pythonErrorName } from "@pybuffer/struct";
import { deflateSync } from "fflate/browser";
import { describe, expect, it } from "vitest";
import {
  descrFromFormat,
  formatFromDescr,
  loadNpy,
  loadNpz,
  openNpy,
  saveNpy,
  saveNpz,
  structFormatFromDescr,
} from "../src/index.js";
import { crc32, writeZip } from "../src/zip.js";
import { emptyPastTheEnd } from "./support/exporters.js";
import { npyFile } from "./support/files.js";

function thrown(run: () => unknown): [string | undefined, string] {
  try {
    run();
  } catch (error) {
    return [pythonErrorName(error), (error as Error).message];
  }
  throw new Error("nothing was thrown");
}

/** An archive of one deflated member `a.npy` holding `data`, declaring `size` bytes. */
function deflated(data: Uint8Array, size: number, crc = 0): Uint8Array {
  return writeZip([{ name: "a.npy", parts: [data], method: 8, crc, size }]);
}

describe("npz members that lie", () => {
  const zeros = new Uint8Array(1 << 20);
  const bomb = deflateSync(zeros);

  it("a size past what deflate can make of the member is refused before allocating", () => {
    // before: 2^40 gave V8's RangeError "Invalid typed array length"; 2^32 - 2 allocated
    // 4 GiB first (zeroed lazily), then failed the CRC
    for (const size of [2 ** 40, 0xfffffffe, bomb.length * 1032 + 1]) {
      expect(thrown(() => loadNpz(deflated(bomb, size)).bytes("a"))).toEqual([
        "ValueError",
        `Bad size for 'a.npy': ${bomb.length} deflated bytes cannot inflate to ${size}`,
      ]);
    }
    // the true size (a 1 MiB bomb is what it says) is read
    const out = loadNpz(deflated(bomb, 1 << 20, crc32([zeros]))).bytes("a");
    expect([out.length, out.every((b) => b === 0)]).toEqual([1 << 20, true]);
  });

  it("a broken deflate stream is a ValueError, not fflate's Error", () => {
    // before: Error "invalid block type" (no family class)
    expect(thrown(() => loadNpz(deflated(new Uint8Array([0xff, 0xff]), 10)).get("a"))).toEqual([
      "ValueError",
      "Bad compressed data for 'a.npy': invalid block type",
    ]);
    // a stored block longer than the declared size: before, a RangeError from inside fflate
    const stored = deflateSync(new Uint8Array(100), { level: 0 });
    expect(thrown(() => loadNpz(deflated(stored, 10)).bytes("a"))).toEqual([
      "ValueError",
      "Bad compressed data for 'a.npy': more data than its size",
    ]);
  });

  it("an encrypted member is refused, not read as its ciphertext", () => {
    const npy = saveNpy(new NDBuffer(new ArrayBuffer(8), { shape: [1], format: "d" }));
    const archive = writeZip([
      { name: "a.npy", parts: [npy], method: 0, crc: crc32([npy]), size: npy.length },
    ]);
    const central = archive.findIndex(
      (b, i) => b === 0x50 && archive[i + 1] === 0x4b && archive[i + 2] === 1,
    );
    archive[central + 8] = 1; // general purpose flag bit 0
    // before: the bytes came back as they are
    expect(thrown(() => loadNpz(archive).bytes("a"))).toEqual([
      "NotImplementedError",
      "File 'a.npy' is encrypted, password required for extraction",
    ]);
  });
});

describe("dtypes a small header can make large", () => {
  const header = (gap: number) =>
    `{'descr': [('a', '<i4'), ('', '|V${gap}'), ('b', '<i4')], 'fortran_order': False, 'shape': (0,), }`;

  it("a huge gap in a record is counted in a view's format", () => {
    // before: "x".repeat(2147483639), V8's RangeError "Invalid string length" (and a
    // 100 MB string for a gap of 10^8); the itemsize is NumPy's largest, a C int
    expect(loadNpy(npyFile(header(2147483639))).format).toBe("T{i:a:2147483639x=i:b:}");
    expect(loadNpy(npyFile(header(100000000))).format).toBe("T{i:a:100000000xi:b:}");
    // NumPy's own style keeps its x per byte, as far as a string can hold them
    const descr = [
      ["a", "<i4"],
      ["", "|V2147483639"],
      ["b", "<i4"],
    ] as const;
    expect(thrown(() => formatFromDescr(descr, { style: "numpy" }))).toEqual(["MemoryError", ""]);
    expect(
      formatFromDescr([
        ["a", "|u1"],
        ["", "|V64"],
        ["b", "|u1"],
      ]),
    ).toBe(`T{B:a:${"x".repeat(64)}B:b:}`);
  });

  it("records nested in sub-arrays do not multiply the struct format's work", () => {
    // before: 10^10 turns of a loop that wrote nothing (a hang)
    const empty = [["b", [], [100000]]] as const;
    expect(structFormatFromDescr([["a", empty, [100000]]])).toBe("<");
    const pair = [
      ["b", "<i4"],
      ["c", "<f8"],
    ] as const;
    expect(() => structFormatFromDescr([["a", pair, [100000]]])).toThrow(
      "this dtype's struct format is too long",
    );
  });

  it("a format of many unnamed fields is named in one pass", () => {
    // before: NumPy's f<j> search, cubic in the fields (minutes for these 20 000)
    const descr = descrFromFormat("b".repeat(20000)) as unknown as [string, string][];
    expect(descr.length).toBe(20000);
    expect(descr[19999]).toEqual(["f19999", "|i1"]);
    expect(descrFromFormat("ii:f0:i")).toEqual([
      ["f1", "<i4"],
      ["f0", "<i4"],
      ["f2", "<i4"],
    ]);
  });
});

describe("saveNpz of an empty view whose address is past its memory's end", () => {
  it("writes an empty member", () => {
    // before: V8's RangeError "Invalid typed array length: 0" (core lets an empty view
    // point anywhere)
    expect(loadNpz(saveNpz({ a: emptyPastTheEnd() })).get("a").shape).toEqual([0]);
  });
});

describe("saveNpy of a view too large to copy", () => {
  it("is a MemoryError", () => {
    // before: V8's RangeError "Invalid typed array length"
    const broadcast = new NDBuffer(new ArrayBuffer(8), {
      shape: [2 ** 40],
      strides: [0],
      format: "d",
    });
    expect(thrown(() => saveNpy(broadcast))).toEqual(["MemoryError", ""]);
  });
});

describe("messages and edges NumPy has", () => {
  it("a magic string holding a quote is written as Python writes bytes", () => {
    // before: b'\'NUMPY' where NumPy says b"'NUMPY"
    const file = npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", 8);
    file[0] = 0x27;
    expect(thrown(() => loadNpy(file))).toEqual([
      "ValueError",
      `the magic string is not correct; expected b'\\x93NUMPY', got b"'NUMPY"`,
    ]);
    file[1] = 0x22;
    expect(thrown(() => loadNpy(file))).toEqual([
      "ValueError",
      `the magic string is not correct; expected b'\\x93NUMPY', got b'\\'"UMPY'`,
    ]);
  });

  it("a descr with a bare-number shape is kept as NumPy's descr of the dtype", () => {
    const header = (descr: string) =>
      npyFile(`{'descr': ${descr}, 'fortran_order': False, 'shape': (2,), }`, 64);
    // before: TypeError "shape.slice is not a function" naming the descr in the message
    expect(thrown(() => loadNpy(header("[('a', '|O', 3)]")))).toEqual([
      "ValueError",
      "Object arrays cannot be loaded when allow_pickle=False (descr [('a', '|O', (3,))]: the data is a pickle)",
    ]);
    // before: the descr ['|S0', 3] as written, which saveNpy could not read back
    const strings = loadNpy(header("('|S0', 3)"));
    expect([strings.descr, loadNpy(saveNpy(strings)).descr]).toEqual(["|S3", "|S3"]);
    expect(loadNpy(header("[('a', '<i4', 3)]")).descr).toEqual([["a", "<i4", [3]]]);
  });

  it("NpyFile.read of more than a buffer can hold is a MemoryError", async () => {
    // before: V8's RangeError (a FileHandle of a file of 2^40 bytes, read whole)
    const file = npyFile("{'descr': '|u1', 'fortran_order': False, 'shape': (1099511627776,), }");
    const handle = {
      fd: 3,
      stat: async () => ({ size: file.length + 2 ** 40 }),
      read: async (buffer: Uint8Array, offset: number, length: number, position: number) => {
        const part = file.subarray(position, position + length);
        buffer.set(part, offset);
        return { bytesRead: part.length };
      },
    };
    const opened = await openNpy(handle);
    await expect(opened.read()).rejects.toThrow(MemoryError);
  });

  it("NpyFile.read of a 0-d array reads its item whatever the range", async () => {
    // before: read(0, 0) asked for 0 bytes: "EOF: reading array data, expected 8 bytes got 0"
    const file = await openNpy(
      new Blob([npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", 8)]),
    );
    expect((await file.read(0, 0)).shape).toEqual([]);
    expect((await file.read()).nbytes).toBe(8);
  });
});
