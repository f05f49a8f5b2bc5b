/**
 * Round trips across layer-2 packages that only the umbrella may import together:
 * node-buffer <-> legacy, blob <-> memoryview, and the subpath entries.
 */
import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import * as blob from "../src/blob.js";
import { memoryview, memoryviewFromBlob } from "../src/index.js";
import * as legacy from "../src/legacy.js";
import { fromNodeBuffer, toNodeBuffer } from "../src/node-buffer.js";
import * as structEntry from "../src/struct.js";

describe("node-buffer <-> legacy", () => {
  it("a Python 2 buffer over a Node Buffer export, and back to a Buffer", () => {
    const data = Buffer.from("0123456789");
    const b = legacy.buffer(fromNodeBuffer(data), 3, 4);
    expect(Buffer.from(b.toBytes()).toString()).toBe("3456");
    const back = toNodeBuffer(fromNodeBuffer(data));
    expect(back.toString()).toBe("0123456789");
    expect(back.buffer).toBe(data.buffer);
  });

  it("writes through a read-write buffer land in the Node Buffer", () => {
    const data = Buffer.alloc(4);
    const b = legacy.fromReadWriteObject(fromNodeBuffer(data), 2, 2);
    b.set(0, new Uint8Array([9])); // Python 2: b[0] = '\t'
    b.set(1, new Uint8Array([8]));
    expect([...data]).toEqual([0, 0, 9, 8]);
    expect(legacy.buffer(data, 2).length).toBe(2);
  });
});

describe("blob <-> memoryview", () => {
  it("a strided memoryview to a Blob and back", async () => {
    const m = memoryview(new Int32Array([1, 2, 3, 4, 5, 6]));
    const every2 = m.slice(null, null, 2);
    const out = blob.toBlob(every2);
    expect(out.size).toBe(12);
    const back = await memoryviewFromBlob(out, { format: "i" });
    expect(back.toList()).toEqual([1, 3, 5]);
  });

  it("iterUnpackBlob over a memoryview's bytes gives unpack's records", async () => {
    const m = memoryview(new Uint16Array([1, 2, 3, 4]));
    const records: unknown[] = [];
    for await (const r of blob.iterUnpackBlob("<HH", new Blob([m.toBytes()]))) records.push(r);
    expect(records).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});

describe("subpath entries", () => {
  it("re-export each package unchanged", () => {
    expect(structEntry.calcSize("<IHHd")).toBe(16);
  });
});
