import { describe, expect, it } from "vitest";
import { calcSize, parseFormat, Struct } from "../src/index.js";
import { raises } from "./helpers.js";

describe("ABIs", () => {
  it("sizes native codes per ABI", () => {
    const sizes = (abi: "lp64" | "llp64" | "wasm32") =>
      ["l", "L", "n", "N", "P", "q", "d", "O", "&i", "g"].map((c) => calcSize(c, { abi }));
    expect(sizes("lp64")).toEqual([8, 8, 8, 8, 8, 8, 8, 8, 8, 16]);
    expect(sizes("llp64")).toEqual([4, 4, 8, 8, 8, 8, 8, 8, 8, 8]);
    expect(sizes("wasm32")).toEqual([4, 4, 4, 4, 4, 8, 8, 4, 4, 16]);
  });

  it("aligns per ABI and leaves standard sizes alone", () => {
    expect(calcSize("bl", { abi: "llp64" })).toBe(8);
    expect(calcSize("bP", { abi: "wasm32" })).toBe(8);
    expect(calcSize("bq", { abi: "wasm32" })).toBe(16);
    expect(calcSize("<bl", { abi: "wasm32" })).toBe(5);
    expect(parseFormat("bl", { abi: "llp64" }).fields[1]!.offset).toBe(4);
  });

  it("unpacks 4-byte n N P as numbers on wasm32", () => {
    const s = new Struct("nNP", { abi: "wasm32" });
    expect(s.abi).toBe("wasm32");
    const bytes = s.pack(-1, 2 ** 32 - 1, -1);
    expect(bytes.length).toBe(12);
    expect(s.unpack(bytes)).toEqual([-1, 2 ** 32 - 1, 2 ** 32 - 1]);
    expect(raises(() => s.pack(2 ** 31, 0, 0))).toEqual([
      "struct.error",
      "'n' format requires -2147483648 <= number <= 2147483647",
    ]);
    expect(raises(() => s.pack(0, 0, 2 ** 32))).toEqual([
      "struct.error",
      "int too large to convert",
    ]);
  });

  it("unpacks g as a double on llp64 (long double is double there)", () => {
    const s = new Struct("g", { abi: "llp64" });
    expect(s.unpack(s.pack(1.5))).toEqual([1.5]);
  });
});
