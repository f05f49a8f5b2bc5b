/**
 * saveNpy reads a view's native codes with the sizes of the ABI it comes from, as NumPy
 * on that platform would: C `long` is 8 bytes on lp64 (checked against the local NumPy in
 * the vectors) and 4 on llp64 and wasm32 (Pyodide's `array('l')`, see the live test in
 * the umbrella), `intp` is 4 bytes on wasm32, `long double` is a `double` on llp64.
 */
import { NDBuffer } from "@pybuffer/core";
import { describe, expect, it } from "vitest";
import { loadNpy, readNpyHeader, saveNpy, ValueError } from "../src/index.js";

const CASES = [
  // format, abi, descr NumPy there writes
  ["l", "lp64", "<i8"],
  ["l", "wasm32", "<i4"],
  ["l", "llp64", "<i4"],
  ["@L", "wasm32", "<u4"],
  ["n", "wasm32", "<i4"],
  ["N", "llp64", "<u8"],
  ["g", "llp64", "<f8"],
  ["Zg", "llp64", "<c16"],
  ["<l", "wasm32", "<i4"],
  ["q", "wasm32", "<i8"],
] as const;

describe("saveNpy: native sizes of the view's ABI", () => {
  it.each(CASES)("format %s on %s is %s", (format, abi, descr) => {
    const nd = new NDBuffer(new ArrayBuffer(64), { shape: [2], format, abi });
    const bytes = saveNpy(nd);
    expect(readNpyHeader(bytes).descr).toBe(descr);
    expect(loadNpy(bytes).shape).toEqual([2]);
  });

  it("a record keeps the ABI's sizes and native alignment", () => {
    const nd = new NDBuffer(new ArrayBuffer(64), {
      shape: [1],
      format: "T{b:a:l:b:}",
      abi: "wasm32",
    });
    expect(readNpyHeader(saveNpy(nd)).descr).toEqual([
      ["a", "|i1"],
      ["", "|V3"],
      ["b", "<i4"],
    ]);
  });

  it("still refuses items NumPy would read with another size", () => {
    // struct packs 'dB' in 9 bytes; NumPy pads the record to 16 (its alignment).
    const nd = new NDBuffer(new ArrayBuffer(64), { shape: [2], format: "dB", abi: "wasm32" });
    expect(() => saveNpy(nd)).toThrow(
      new ValueError(
        "saveNpy: NumPy reads format 'dB' as items of 16 bytes, but the view's items have 9",
      ),
    );
  });
});
