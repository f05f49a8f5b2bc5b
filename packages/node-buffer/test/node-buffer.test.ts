import { Buffer } from "node:buffer";
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  exportCount,
  getBuffer,
  NDBuffer,
  PyBUF_FORMAT,
  PyBUF_FULL,
  PyBUF_FULL_RO,
  PyBUF_SIMPLE,
  releaseBuffer,
} from "@pybuffer/core";
import { BufferError, ValueError } from "@pybuffer/struct";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { isBytes } from "../src/arguments.js";
import { fromNodeBuffer } from "../src/from-node-buffer.js";
import { toNodeBuffer } from "../src/to-node-buffer.js";

/** The bytes a view covers, read through its memory. */
function bytesOf(exporter: object): {
  buf: number;
  len: number;
  memory: ArrayBufferLike;
  bytes: number[];
} {
  const view = getBuffer(exporter, PyBUF_FULL_RO);
  const out = {
    buf: view.buf,
    len: view.len,
    memory: view.memory,
    bytes: Array.from(new Uint8Array(view.memory, view.buf, view.len)),
  };
  releaseBuffer(view);
  return out;
}

describe("fromNodeBuffer: pooled Buffers", () => {
  it("exports exactly a pooled Buffer's bytes, at its offset in the pool", () => {
    const a = Buffer.from("ab");
    const b = Buffer.allocUnsafe(10).fill(7);
    expect(a.buffer).toBe(b.buffer); // both in the 8 KiB pool
    expect(a.byteOffset).toBeGreaterThan(0);
    for (const buf of [a, b]) {
      const seen = bytesOf(fromNodeBuffer(buf));
      expect(seen.memory).toBe(buf.buffer);
      expect([seen.buf, seen.len]).toEqual([buf.byteOffset, buf.length]);
      expect(seen.bytes).toEqual(Array.from(buf));
    }
  });

  it("writes through a view land in the Buffer and nowhere else", () => {
    const left = Buffer.from("LLLL");
    const mine = Buffer.from("mmmm");
    const right = Buffer.from("RRRR");
    const view = getBuffer(fromNodeBuffer(mine), PyBUF_FULL);
    new Uint8Array(view.memory, view.buf, view.len).fill(0x21);
    releaseBuffer(view);
    expect([left.toString(), mine.toString(), right.toString()]).toEqual(["LLLL", "!!!!", "RRRR"]);
  });

  it("never covers a neighbour's bytes, for any pooled size and subarray", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.nat(), fc.nat(), (size, a, b) => {
        const buf = Buffer.allocUnsafe(size);
        const start = size === 0 ? 0 : a % (size + 1);
        const end = start + (size === 0 ? 0 : b % (size - start + 1));
        const part = buf.subarray(start, end);
        const seen = bytesOf(fromNodeBuffer(part));
        expect(seen.len).toBe(part.length);
        if (part.length > 0) expect(seen.buf).toBe(part.byteOffset);
        expect(seen.bytes).toEqual(Array.from(part));
        expect(Buffer.compare(toNodeBuffer(fromNodeBuffer(part)), part)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it("exports the real bytes of a Buffer whose properties lie", () => {
    const neighbour = Buffer.from("secret!!");
    const mine = Buffer.from("mine");
    Object.defineProperty(mine, "byteOffset", { value: neighbour.byteOffset });
    Object.defineProperty(mine, "byteLength", { value: 8192 });
    const seen = bytesOf(fromNodeBuffer(mine));
    expect(Buffer.from(seen.bytes).toString()).toBe("mine");
  });

  it("exports an empty Buffer at the end of its memory as empty", () => {
    const whole = Buffer.alloc(8);
    const seen = bytesOf(fromNodeBuffer(whole.subarray(8)));
    expect(seen.len).toBe(0);
  });

  it("answers requests as CPython's bytes does (PyBuffer_FillInfo)", () => {
    const exporter = fromNodeBuffer(Buffer.from("abc"));
    const simple = getBuffer(exporter, PyBUF_SIMPLE);
    expect([simple.format, simple.itemsize, simple.ndim, simple.shape, simple.strides]).toEqual([
      null,
      1,
      1,
      null,
      null,
    ]);
    releaseBuffer(simple);
    const full = getBuffer(exporter, PyBUF_FULL_RO);
    expect([full.format, full.shape, full.strides, full.readonly]).toEqual(["B", [3], [1], false]);
    releaseBuffer(full);
    const formatOnly = getBuffer(exporter, PyBUF_SIMPLE | PyBUF_FORMAT);
    expect([formatOnly.format, formatOnly.shape]).toEqual(["B", null]);
    releaseBuffer(formatOnly);
  });

  it("honours readonly and counts exports", () => {
    const exporter = fromNodeBuffer(Buffer.from("x"), { readonly: true });
    expect(() => getBuffer(exporter, PyBUF_FULL)).toThrow(BufferError);
    expect(() => getBuffer(exporter, PyBUF_FULL)).toThrow("Object is not writable.");
    const view = getBuffer(exporter, PyBUF_SIMPLE);
    expect([exporter.exports, exportCount(exporter)]).toEqual([1, 1]);
    releaseBuffer(view);
    expect(exporter.exports).toBe(0);
  });
});

describe("fromNodeBuffer: hostile input", () => {
  it("refuses a Buffer whose ArrayBuffer was transferred", () => {
    const buf = Buffer.alloc(16);
    const early = fromNodeBuffer(buf);
    structuredClone(buf.buffer, { transfer: [buf.buffer as ArrayBuffer] });
    expect(() => fromNodeBuffer(buf)).toThrow(
      "fromNodeBuffer: the Buffer's ArrayBuffer is detached",
    );
    expect(() => getBuffer(early, PyBUF_SIMPLE)).toThrow(BufferError);
    expect(() => getBuffer(early, PyBUF_SIMPLE)).toThrow(
      "fromNodeBuffer: the underlying ArrayBuffer is detached",
    );
  });

  it("refuses what is not bytes", () => {
    expect(isBytes(Buffer.from("a"))).toBe(true);
    expect(() => fromNodeBuffer(new Uint16Array(2) as never)).toThrow(
      "fromNodeBuffer: expected a Buffer or Uint8Array, not 'Uint16Array'",
    );
    expect(() => fromNodeBuffer("ab" as never)).toThrow("not 'String'");
    expect(() => fromNodeBuffer(new ArrayBuffer(2) as never)).toThrow("not 'ArrayBuffer'");
  });
});

describe("toNodeBuffer", () => {
  it("shares memory with a contiguous view, whatever its format", () => {
    const memory = new ArrayBuffer(16);
    const nd = new NDBuffer(memory, { shape: [2, 2], format: "<i" });
    const buf = toNodeBuffer(nd);
    expect([buf.buffer, buf.byteOffset, buf.length]).toEqual([memory, 0, 16]);
    buf[0] = 5;
    expect(new Int32Array(memory)[0]).toBe(5);
    expect(nd.exports).toBe(0);
  });

  it("accepts a view in hand and leaves it to its owner", () => {
    const nd = new NDBuffer(new ArrayBuffer(4), { shape: [4] });
    const view = getBuffer(nd, PyBUF_FULL_RO);
    expect(toNodeBuffer(view).length).toBe(4);
    expect(nd.exports).toBe(1);
    releaseBuffer(view);
    expect(() => toNodeBuffer(view)).toThrow(
      "toNodeBuffer: operation forbidden on a released buffer view",
    );
  });

  it("copies a strided view only when allowed", () => {
    const nd = new NDBuffer(new Uint8Array([1, 2, 3, 4, 5, 6]).buffer, {
      shape: [3],
      strides: [-2],
      offset: 4,
    });
    expect(() => toNodeBuffer(nd)).toThrow(BufferError);
    expect(() => toNodeBuffer(nd)).toThrow(
      "toNodeBuffer: cannot share the memory: the view is not C-contiguous; pass { copy: true }",
    );
    expect(Array.from(toNodeBuffer(nd, { copy: true }))).toEqual([5, 3, 1]);
    const always = toNodeBuffer(Buffer.from("ab"), { copy: "always" });
    expect(always.toString()).toBe("ab");
  });

  it("refuses read-only sources for a writable result", () => {
    const ro = new NDBuffer(new ArrayBuffer(2), { shape: [2], readonly: true });
    expect(() => toNodeBuffer(ro, { writable: true })).toThrow(BufferError);
    const view = getBuffer(ro, PyBUF_FULL_RO);
    expect(() => toNodeBuffer(view, { writable: true })).toThrow(TypeError);
    releaseBuffer(view);
  });

  it("refuses a view whose memory was detached, and non-exporters", () => {
    const nd = new NDBuffer(new ArrayBuffer(8), { shape: [8] });
    const view = getBuffer(nd, PyBUF_FULL_RO);
    structuredClone(view.memory, { transfer: [view.memory as ArrayBuffer] });
    expect(() => toNodeBuffer(view)).toThrow(ValueError);
    releaseBuffer(view);
    expect(() => toNodeBuffer("abc" as never)).toThrow(TypeError);
    expect(() => toNodeBuffer({})).toThrow("a bytes-like object is required, not 'object'");
  });
});

describe("with fs", () => {
  const dir = mkdtempSync(join(tmpdir(), "adapters-node-buffer-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exports small (pooled) and large file reads exactly", async () => {
    for (const size of [5, 100_000]) {
      const path = join(dir, `f${size}.bin`);
      const data = Buffer.alloc(size, 0x5a);
      data[0] = 1;
      writeFileSync(path, data);
      for (const read of [readFileSync(path), await readFile(path)]) {
        const seen = bytesOf(fromNodeBuffer(read));
        expect([seen.buf, seen.len]).toEqual([read.byteOffset, size]);
        expect(Buffer.from(seen.bytes).equals(data)).toBe(true);
      }
    }
  });

  it("exports what readSync put into a pooled Buffer, and writes a view back to disk", () => {
    const path = join(dir, "rw.bin");
    writeFileSync(path, "0123456789");
    const target = Buffer.allocUnsafe(10);
    const fd = openSync(path, "r");
    const n = readSync(fd, target, 0, 10, 0);
    closeSync(fd);
    expect(n).toBe(10);
    const nd = new NDBuffer(new ArrayBuffer(4), { shape: [4] });
    const out = join(dir, "out.bin");
    writeFileSync(out, toNodeBuffer(fromNodeBuffer(target)));
    writeFileSync(join(dir, "nd.bin"), toNodeBuffer(nd));
    expect(readFileSync(out).toString()).toBe("0123456789");
    expect(readFileSync(join(dir, "nd.bin")).length).toBe(4);
  });
});
