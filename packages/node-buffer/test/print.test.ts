/**
 * An exporter over a pooled Node Buffer prints its own bytes only, never the rest of
 * the 8 KiB pool it shares with every other small Buffer.
 */
import { Buffer } from "node:buffer";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { fromNodeBuffer } from "../src/index.js";

describe("printing a Node Buffer exporter", () => {
  it("shows the Buffer's bytes, not its pool's", () => {
    const secret = Buffer.from("an unrelated secret that shares the pool");
    const mine = Buffer.from("hi!");
    expect(mine.buffer).toBe(secret.buffer);
    const exporter = fromNodeBuffer(mine);
    const text = inspect(exporter);
    expect(text).toBe(
      "<NodeBufferExporter format='B' shape=(3,) strides=(1,) readonly=False exports=0 [104, 105, 33]>",
    );
    expect(String(exporter)).toBe(text);
  });

  it("read-only", () => {
    const text = String(fromNodeBuffer(Buffer.from([1, 2]), { readonly: true }));
    expect(text).toBe(
      "<NodeBufferExporter format='B' shape=(2,) strides=(1,) readonly=True exports=0 [1, 2]>",
    );
  });
});
