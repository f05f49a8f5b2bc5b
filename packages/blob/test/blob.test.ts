import {
  getBuffer,
  NDBuffer,
  PyBUF_FULL,
  PyBUF_FULL_RO,
  PyBUF_SIMPLE,
  releaseBuffer,
} from "@pybuffer/core";
import { BufferError, ValueError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { isBlob } from "../src/arguments.js";
import { fromBlob } from "../src/from-blob.js";
import { toBlob } from "../src/to-blob.js";

describe("fromBlob", () => {
  it("exports a Blob's bytes read-only, format B", async () => {
    const exporter = await fromBlob(new Blob([new Uint8Array([1, 2, 3])]));
    const view = getBuffer(exporter, PyBUF_FULL_RO);
    expect([view.format, view.shape, view.readonly, view.len]).toEqual(["B", [3], true, 3]);
    expect(Array.from(new Uint8Array(view.memory, view.buf, view.len))).toEqual([1, 2, 3]);
    releaseBuffer(view);
    expect(() => getBuffer(exporter, PyBUF_FULL)).toThrow(BufferError);
  });

  it("reads a File with a format and shape", async () => {
    const file = new File([new Float64Array([1.5, 2.5, 3.5, 4.5])], "grid.bin", {
      type: "application/octet-stream",
    });
    expect(isBlob(file)).toBe(true);
    const exporter = await fromBlob(file, { format: "<d", shape: [2, 2] });
    const view = getBuffer(exporter, PyBUF_FULL_RO);
    expect([view.format, view.itemsize, view.shape, view.strides]).toEqual([
      "<d",
      8,
      [2, 2],
      [16, 8],
    ]);
    expect(new Float64Array(view.memory, view.buf, 4)[3]).toBe(4.5);
    releaseBuffer(view);
  });

  it("snapshots the Blob: its exports share nothing with other reads", async () => {
    const blob = new Blob(["abcd"]);
    const a = await fromBlob(blob);
    const b = await fromBlob(blob);
    const va = getBuffer(a, PyBUF_SIMPLE);
    const vb = getBuffer(b, PyBUF_SIMPLE);
    expect(va.memory).not.toBe(vb.memory);
    releaseBuffer(va);
    releaseBuffer(vb);
    expect(await blob.text()).toBe("abcd");
  });

  it("exports an empty Blob", async () => {
    const view = getBuffer(await fromBlob(new Blob([])), PyBUF_FULL_RO);
    expect([view.len, view.shape]).toEqual([0, [0]]);
    releaseBuffer(view);
  });

  it("refuses sizes that are not whole items, and non-Blobs", async () => {
    await expect(fromBlob(new Blob(["abc"]), { format: "<H" })).rejects.toThrow(ValueError);
    await expect(fromBlob(new Blob(["abc"]), { format: "<H" })).rejects.toThrow(
      "fromBlob: the Blob's 3 bytes are not a whole number of 2-byte items",
    );
    await expect(fromBlob(new Blob(["abcd"]), { shape: [5] })).rejects.toThrow(ValueError);
    await expect(fromBlob(new Uint8Array(2) as never)).rejects.toThrow(
      "fromBlob: expected a Blob or File, not 'Uint8Array'",
    );
    await expect(fromBlob(null as never)).rejects.toThrow("not 'null'");
  });

  it("stops on an aborted signal", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(fromBlob(new Blob(["x"]), { signal: controller.signal })).rejects.toThrow("stop");
  });
});

describe("toBlob", () => {
  it("copies a contiguous export and sets the type", async () => {
    const memory = new Uint8Array([104, 105]).buffer;
    const blob = toBlob(new NDBuffer(memory, { shape: [2] }), { type: "text/plain" });
    expect([blob.size, blob.type, await blob.text()]).toEqual([2, "text/plain", "hi"]);
    new Uint8Array(memory)[0] = 0;
    expect(await blob.text()).toBe("hi"); // a copy
  });

  it("gathers a strided or reversed view in C order", async () => {
    const memory = new Uint8Array([1, 2, 3, 4, 5, 6]).buffer;
    const reversed = new NDBuffer(memory, { shape: [2, 3], strides: [3, -1], offset: 2 });
    const bytes = new Uint8Array(await toBlob(reversed).arrayBuffer());
    expect(Array.from(bytes)).toEqual([3, 2, 1, 6, 5, 4]);
    expect(reversed.exports).toBe(0);
  });

  it("copies shared memory and views in hand", async () => {
    const shared = new SharedArrayBuffer(3);
    new Uint8Array(shared).set([7, 8, 9]);
    const nd = new NDBuffer(shared, { shape: [3] });
    const view = getBuffer(nd, PyBUF_FULL_RO);
    expect(Array.from(new Uint8Array(await toBlob(view).arrayBuffer()))).toEqual([7, 8, 9]);
    expect(nd.exports).toBe(1);
    releaseBuffer(view);
    expect(() => toBlob(view)).toThrow("toBlob: operation forbidden on a released buffer view");
  });

  it("round-trips through fromBlob", async () => {
    const source = new Blob([new Int32Array([1, -2, 3])]);
    const back = toBlob(await fromBlob(source, { format: "i" }));
    expect(new Int32Array(await back.arrayBuffer())).toEqual(new Int32Array([1, -2, 3]));
  });

  it("refuses detached memory and non-exporters", () => {
    const nd = new NDBuffer(new ArrayBuffer(4), { shape: [4] });
    const view = getBuffer(nd, PyBUF_FULL_RO);
    structuredClone(view.memory, { transfer: [view.memory as ArrayBuffer] });
    expect(() => toBlob(view)).toThrow(ValueError);
    releaseBuffer(view);
    expect(() => toBlob({})).toThrow("a bytes-like object is required, not 'object'");
  });
});
