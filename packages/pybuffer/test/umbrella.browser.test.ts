// Runs in headless Chromium (vitest browser mode, `browser` project): the umbrella's main
// entry must load and accept JS binary types where neither Node's globals nor Buffer exist.
import { describe, expect, it } from "vitest";
import * as blob from "../src/blob.js";
import { memoryview, memoryviewFromBlob, pack, unpack } from "../src/index.js";
import { buffer } from "../src/legacy.js";

describe("in Chromium", () => {
  it("really is a browser, not Node", () => {
    expect(navigator.userAgent).toMatch(/Chrome\//);
    expect(typeof (globalThis as { process?: unknown }).process).toBe("undefined");
  });

  it("takes TypedArrays, DataViews and ArrayBuffers wherever an exporter is", () => {
    expect(memoryview(new Float64Array([0.5, 2])).toList()).toEqual([0.5, 2]);
    expect(memoryview(new DataView(new ArrayBuffer(3))).length).toBe(3);
    expect(buffer(new Uint16Array([1, 2]), 2).length).toBe(2);
    expect(unpack("<hI", pack("<hI", -2, 7))).toEqual([-2, 7]);
  });

  it("takes a File through the async entry points", async () => {
    const file = new File([new Int32Array([1, -1, 2, -2])], "pairs.bin");
    expect((await memoryviewFromBlob(file, { format: "<i", shape: [2, 2] })).toList()).toEqual([
      [1, -1],
      [2, -2],
    ]);
    const firsts: unknown[] = [];
    for await (const [a] of blob.iterUnpackBlob("<ii", file)) firsts.push(a);
    expect(firsts).toEqual([1, 2]);
  });
});
