/**
 * structFormatFromDescr: a plain struct format of the same size as the dtype, for every
 * file of the NumPy vectors whose dtype the struct module can say (a plain type unpacked
 * as its view's format unpacks it); clear errors for the others.
 */
import { getBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { calcSize, unpackFrom } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { loadNpy, structFormatFromDescr } from "../src/index.js";
import { type FileCase, isOracleError, loadVectors } from "./support/oracle.js";

const files = loadVectors<{ cases: FileCase[] }>("npy_files").cases;

describe("structFormatFromDescr", () => {
  it("has the dtype's itemsize and reads the first item as the view does", () => {
    let checked = 0;
    for (const c of files) {
      let format: string;
      try {
        format = structFormatFromDescr(c.descr);
      } catch (error) {
        expect((error as Error).message).toMatch(/^the struct module has|^this dtype/);
        continue;
      }
      expect(calcSize(format), c.name).toBe(c.itemsize);
      checked++;
      // a plain type: the same values as the view's own format gives
      if (typeof c.descr !== "string" || isOracleError(c.format) || c.shape.includes(0)) continue;
      const view = getBuffer(loadNpy(c.npy), PyBUF_FULL_RO);
      const first = new Uint8Array(view.memory, view.buf, c.itemsize);
      expect(unpackFrom(format, first), c.name).toEqual(unpackFrom(view.format as string, first));
      releaseBuffer(view);
    }
    expect(checked).toBeGreaterThan(30);
  });

  it.each([
    ["<U3", "the struct module has no code for dtype '<U3'"],
    ["<f16", "the struct module has no code for dtype '<f16'"],
    [
      [
        ["a", "<i4"],
        ["b", ">i4"],
      ],
      "the struct module has one byte order per format: this dtype mixes < and >",
    ],
  ])("%j", (descr, message) => {
    expect(() => structFormatFromDescr(descr as never)).toThrow(message);
  });

  it("writes gaps, strings and sub-arrays", () => {
    expect(
      structFormatFromDescr([
        ["a", "|u1"],
        ["", "|V3"],
        ["b", ">f4", [2]],
        ["s", "|S5"],
      ]),
    ).toBe(">B3x2f5s");
    expect(
      structFormatFromDescr([
        [
          "r",
          [
            ["x", "<i2"],
            ["", "|V2"],
          ],
          [2],
        ],
      ]),
    ).toBe("<h2xh2x");
  });
});
