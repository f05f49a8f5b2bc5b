import { getBuffer, NDBuffer, PyBUF_FULL, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { BufferError, Struct } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { fromBlob } from "../src/from-blob.js";
import { iterUnpackBlob, iterUnpackBlobColumns } from "../src/iter-unpack-blob.js";
import { toBlob } from "../src/to-blob.js";

const MiB = 1 << 20;

describe("in Chromium", () => {
  it("exports a File read-only and makes Blobs back", async () => {
    const file = new File([new Uint16Array([1, 2, 3, 4])], "u16.bin");
    const exporter = await fromBlob(file, { format: "<H", shape: [2, 2] });
    const view = getBuffer(exporter, PyBUF_FULL_RO);
    expect([view.shape, view.readonly]).toEqual([[2, 2], true]);
    releaseBuffer(view);
    expect(() => getBuffer(exporter, PyBUF_FULL)).toThrow(BufferError);
    const back = toBlob(exporter, { type: "application/octet-stream" });
    expect(new Uint16Array(await back.arrayBuffer())).toEqual(new Uint16Array([1, 2, 3, 4]));
    const reversed = new NDBuffer(new Uint8Array([1, 2, 3]).buffer, {
      shape: [3],
      strides: [-1],
      offset: 2,
    });
    expect(await toBlob(reversed).text()).toBe("\u0003\u0002\u0001");
  });

  it("streams records across the browser's chunk boundaries", async () => {
    // Chromium streams Blobs in chunks of up to 2 MiB; 17-byte records do not divide that.
    const s = new Struct("<IHHdb");
    const count = 200_000;
    const bytes = new Uint8Array(count * s.size);
    for (let i = 0; i < count; i++)
      s.packInto(bytes, i * s.size, i, i & 0xffff, 7, i / 2, i & 0x7f);
    const blob = new Blob([bytes.subarray(0, 5), bytes.subarray(5)]);
    const progress: number[] = [];
    let i = 0;
    let wrong = 0;
    for await (const record of iterUnpackBlob("<IHHdb", blob, {
      onProgress: (p) => progress.push(p.bytesRead),
    })) {
      const [a, b, c, d, e] = record as number[];
      if (a !== i || b !== (i & 0xffff) || c !== 7 || d !== i / 2 || e !== (i & 0x7f)) wrong++;
      i++;
    }
    expect([i, wrong]).toEqual([count, 0]);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.some((n) => n % s.size !== 0)).toBe(true); // a record was split
    expect(progress.at(-1)).toBe(bytes.length);
    let total = 0;
    let sum = 0;
    for await (const [ids] of iterUnpackBlobColumns("<IHHdb", blob)) {
      total += ids!.length;
      for (const id of ids as Uint32Array) sum += id;
    }
    expect([total, sum]).toEqual([count, (count * (count - 1)) / 2]);
  });

  it("streams 256 MiB with big records, and stops on abort", async () => {
    const part = new Blob([new Uint8Array(MiB).fill(1)]);
    const blob = new Blob(new Array<Blob>(256).fill(part));
    let records = 0;
    for await (const [first] of iterUnpackBlob("<B65535x", blob)) {
      expect(first).toBe(1);
      records++;
    }
    expect(records).toBe((256 * MiB) / 65536);
    const controller = new AbortController();
    const run = async () => {
      for await (const _ of iterUnpackBlob("<B65535x", blob, { signal: controller.signal })) {
        controller.abort(new Error("user stop"));
      }
    };
    await expect(run()).rejects.toThrow("user stop");
  });
});
