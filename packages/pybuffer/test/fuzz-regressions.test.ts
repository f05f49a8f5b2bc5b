/**
 * What the umbrella's fuzz suite (fuzz.property.test.ts) found, one case each.
 */
import { describe, expect, it } from "vitest";
import {
  type BufferView,
  bf_getbuffer,
  bf_releasebuffer,
  iterUnpack,
  packInto,
  unpack,
} from "../src/index.js";

/** An exporter of an empty view whose address lies past its memory's end (core allows it). */
function emptyPastTheEnd(): object {
  const memory = new ArrayBuffer(8);
  return {
    [bf_getbuffer](flags: number): BufferView {
      return {
        memory,
        buf: 2 ** 32 + 1,
        len: 0,
        itemsize: 1,
        ndim: 1,
        shape: [0],
        strides: [1],
        suboffsets: null,
        format: "B",
        readonly: (flags & 1) === 0,
        obj: this,
        abi: "lp64",
        internal: null,
      };
    },
    [bf_releasebuffer](): void {},
  };
}

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
