// Runs in headless Chromium (vitest browser mode, `browser` project): printing needs no
// Node (the inspect hook is a Symbol.for key, not node:util), and String() of every
// printable object works in a browser.
import { NDBuffer } from "@pybuffer/core";
import { parseFormat, Struct } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { memoryview } from "../src/index.js";

describe("printing in a browser", () => {
  it("memoryviews, exporters, structs and layouts print their summaries", () => {
    const nd = NDBuffer.fromItems([1, 2, 3, 4], { shape: [2, 2], format: "<h" });
    expect(String(nd)).toBe(
      "<NDBuffer format='<h' shape=(2, 2) strides=(4, 2) readonly=False exports=0 [[1, 2], [3, 4]]>",
    );
    const m = memoryview(nd).slice(1);
    expect(String(m)).toBe(
      "<memory format='<h' shape=(1, 2) strides=(4, 2) readonly=False [[3, 4]]>",
    );
    expect(String(new Struct("<hd"))).toBe("Struct('<hd')");
    expect(String(parseFormat("<ih"))).toBe(
      "Layout('<ih', size=6, alignment=1, fields=[i at 0, h at 4])",
    );
    const inspect = Symbol.for("nodejs.util.inspect.custom");
    expect((m as unknown as Record<symbol, () => string>)[inspect]!()).toBe(String(m));
  });
});
