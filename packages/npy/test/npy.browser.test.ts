/**
 * In Chromium: a File read whole and in parts, an archive written and read back (fflate
 * in the browser), the header's UTF-8 names (format 3.0) through the browser's decoder.
 */
import { getBuffer, NDBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { describe, expect, it } from "vitest";
import { loadNpy, loadNpz, openNpy, saveNpy, saveNpz } from "../src/index.js";

function grid(): NDBuffer {
  return new NDBuffer(new Float64Array([0, 1, 2, 3, 4, 5]).buffer, { shape: [2, 3], format: "<d" });
}

describe("in Chromium", () => {
  it("reads a File whole, and only the rows asked for", async () => {
    const file = new File([saveNpy(grid())], "grid.npy");
    const array = await loadNpy(file);
    const view = getBuffer(array, PyBUF_FULL_RO);
    expect([view.format, view.shape]).toEqual(["d", [2, 3]]);
    expect(new Float64Array(view.memory, view.buf, 6)[5]).toBe(5);
    releaseBuffer(view);
    const opened = await openNpy(file);
    const row = getBuffer(await opened.read(1, 2), PyBUF_FULL_RO);
    expect(Array.from(new Float64Array(row.memory, row.buf, 3))).toEqual([3, 4, 5]);
    releaseBuffer(row);
  });

  it("writes and reads archives, stored and deflated", async () => {
    for (const compress of [false, true]) {
      const npz = loadNpz(new Blob([saveNpz({ grid: grid() }, { compress })]));
      const archive = await npz;
      expect(archive.files).toEqual(["grid"]);
      expect(archive.get("grid").shape).toEqual([2, 3]);
    }
  });

  it("reads UTF-8 field names (format 3.0)", () => {
    const records = new NDBuffer(new ArrayBuffer(8), { shape: [2], format: "<f" });
    const bytes = saveNpy(records, { descr: [["温度", "<f4"]] });
    expect(bytes[6]).toBe(3);
    expect(loadNpy(bytes).descr).toEqual([["温度", "<f4"]]);
  });
});
