import { expect, it } from "vitest";
import { describeWithPython, loadVectors, parseOracle } from "../src/index.js";

describeWithPython("3.13", "live oracle round trip", (python) => {
  it("returns values with bytes, big ints, floats and complex decoded", async () => {
    const value = [new Uint8Array([0, 255]), 2n ** 64n, Number.NaN, -0, [1, "x"], { re: 1, im: 2 }];
    const outcome = await python().call("oracle_selftest", "identity", [value]);
    expect(outcome).toEqual({
      ok: [new Uint8Array([0, 255]), 2n ** 64n, Number.NaN, -0, [1, "x"], { re: 1, im: 2 }],
    });
  });

  it("reports exceptions with CPython's class and message", async () => {
    const outcomes = await python().batch("oracle_selftest", "struct_unpack", [
      ["<h", new Uint8Array([1, 0])],
      ["<h", new Uint8Array([1])],
    ]);
    expect(outcomes).toEqual([
      { ok: [1] },
      { error: "struct.error", message: "unpack requires a buffer of 2 bytes" },
    ]);
  });

  it("rejects a request the server cannot run", async () => {
    await expect(python().call("oracle_selftest", "no_such_function", [])).rejects.toThrow(
      /oracle request failed/,
    );
  });
});

describeWithPython("2.7", "live oracle under Python 2.7", (python) => {
  it("speaks the same encoding", async () => {
    const outcome = await python().call("oracle_selftest", "raise_value_error", ["boom"]);
    expect(outcome).toEqual({ error: "ValueError", message: "boom" });
  });
});

it("parses committed documents with the same reviver", () => {
  expect(parseOracle('{"a": {"$bytes": "0aff"}, "b": {"$float": "-inf"}}')).toEqual({
    a: new Uint8Array([10, 255]),
    b: Number.NEGATIVE_INFINITY,
  });
  expect(typeof loadVectors).toBe("function");
});
