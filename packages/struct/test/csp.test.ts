import { afterEach, describe, expect, it, vi } from "vitest";

describe("without new Function (CSP)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("falls back to the interpreter by itself, with the same results", async () => {
    vi.resetModules();
    const RealFunction = Function;
    vi.stubGlobal(
      "Function",
      new Proxy(RealFunction, {
        construct() {
          throw new EvalError("Refused to evaluate a string as JavaScript (CSP)");
        },
      }),
    );
    const { canGenerateCode, compileCodec } = await import("../src/codec/compile.js");
    const { buildProgram } = await import("../src/codec/ir.js");
    const { parseFormat, Struct, unpack } = await import("../src/index.js");
    expect(canGenerateCode()).toBe(false);
    const program = buildProgram(parseFormat("<IHHd"), "lp64", null);
    expect(compileCodec(program, true).source).toBeNull();
    const s = new Struct("<IHHd");
    expect(s.unpack(s.pack(1, 2, 3, 4.5))).toEqual([1, 2, 3, 4.5]);
    expect(unpack("<h", Uint8Array.of(1, 0))).toEqual([1]);
    expect(() => s.pack(-1, 2, 3, 4.5)).toThrow("'I' format requires 0 <= number <= 4294967295");
  });
});
