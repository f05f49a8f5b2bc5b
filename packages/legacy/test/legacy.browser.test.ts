// Runs in headless Chromium (vitest browser mode, `browser` project): the buffer object,
// its hash and the bridge must work where neither Node's globals nor Buffer exist.
import { getBuffer, NDBuffer, PyBUF_SIMPLE, releaseBuffer } from "@pybuffer/core";
import { describe, expect, it } from "vitest";
import {
  alloc,
  asReadBuffer,
  buffer,
  fromReadWriteMemory,
  fromReadWriteObject,
  Py_END_OF_BUFFER,
} from "../src/index.js";

describe("in Chromium", () => {
  it("really is a browser, not Node", () => {
    expect(navigator.userAgent).toMatch(/Chrome\//);
    expect(typeof (globalThis as { process?: unknown }).process).toBe("undefined");
  });

  it("slices, hashes and prints a buffer object", () => {
    const b = buffer(new Uint8Array([104, 101, 108, 108, 111]), 1);
    expect(b.toString()).toBe("ello");
    expect(b.slice(null, null, -1)).toEqual(new Uint8Array([111, 108, 108, 101]));
    expect(buffer(new Uint8Array([97])).hash()).toBe(12416037344n);
    expect(b.repr()).toMatch(/^<read-only buffer for 0x7f[0-9a-f]+, size -1, offset 1 at/);
  });

  it("writes through the bridge and over raw and resizable memory", () => {
    const nd = new NDBuffer(new ArrayBuffer(3), { shape: [3] });
    fromReadWriteObject(nd, 1, Py_END_OF_BUFFER).set(0, new Uint8Array([7]));
    const view = getBuffer(nd, PyBUF_SIMPLE);
    expect(new Uint8Array(view.memory)[1]).toBe(7);
    releaseBuffer(view);
    const memory = new ArrayBuffer(4, { maxByteLength: 4 });
    const raw = fromReadWriteMemory(memory, 4);
    raw.setSlice(0, 4, alloc(4));
    memory.resize(2);
    expect(() => raw.length).toThrow(/outside its memory/);
    expect(asReadBuffer(alloc(2))).toEqual(new Uint8Array(2));
  });
});
