/**
 * Issue #19 item 1: copyData into a view of a pooled Node Buffer must never reach the
 * next Buffer of the pool. The reproducer, and its family over every copy road.
 */
import { copyData, fromContiguous, getBuffer, NDBuffer, PyBUF_FULL } from "@pybuffer/core";
import { BufferError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { fromTypedArray } from "../src/from-typed-array.js";

describe("a view of a pooled Buffer", () => {
  it("copyData with 2-byte source items into a reversed byte view is refused", () => {
    const a = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]); // a slice of Node's 8 KiB pool
    const b = Buffer.from("SECRET"); // most likely the next slice of the same pool
    const dest = fromTypedArray(a, { shape: [4], strides: [-2], offset: 7 });
    expect(() =>
      copyData(dest, NDBuffer.fromItems([0x4141], { shape: [1], format: "<H" })),
    ).toThrow(new BufferError("destination items are smaller than the source's"));
    expect(b.toString()).toBe("SECRET");
    expect(Array.from(a)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("every copy road writes only the view's own items", () => {
    const a = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const b = Buffer.from("SECRET");
    const dest = fromTypedArray(a, { shape: [4], strides: [-2], offset: 7 });
    copyData(dest, NDBuffer.fromItems([9, 10, 11, 12], { shape: [4], format: "B" }));
    fromContiguous(getBuffer(dest, PyBUF_FULL), new Uint8Array([21, 22, 23]), "C");
    expect(Array.from(a)).toEqual([1, 12, 3, 23, 5, 22, 7, 21]);
    expect(b.toString()).toBe("SECRET");
  });
});
