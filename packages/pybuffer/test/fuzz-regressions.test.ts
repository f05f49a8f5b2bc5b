/**
 * What the umbrella's fuzz suite (fuzz.property.test.ts) found, one case each.
 */
import { describe, expect, it } from "vitest";
import { emptyPastTheEnd } from "../../npy/test/support/exporters.js";
import { iterUnpack, packInto, unpack } from "../src/index.js";

describe("struct's functions over exporters", () => {
  it("read an empty view whose address is past its memory's end as no bytes", () => {
    // before: V8's RangeError "Invalid typed array length: 0" (a Uint8Array made there)
    const x = emptyPastTheEnd();
    expect([...iterUnpack("B", x as never)]).toEqual([]);
    expect(unpack("", x as never)).toEqual([]);
    expect(() => packInto("B", x as never, 0, 1)).toThrow(
      "pack_into requires a buffer of at least 1 bytes for packing 1 bytes at offset 0 (actual buffer size is 0)",
    );
  });
});
