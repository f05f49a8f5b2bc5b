/**
 * How a buffer object prints: `console.log` shows Python 2.7's repr with the current
 * length and first bytes; `String(b)` stays Python 2's `str(b)`.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { alloc, buffer, fromMemory } from "../src/index.js";

const ADDRESS = /0x[0-9a-f]+/g;

describe("printing a buffer object", () => {
  it("shows the repr with the length and the bytes", () => {
    const b = buffer(new Uint8Array([104, 101, 108, 108, 111]), 1);
    expect(inspect(b).replace(ADDRESS, "0x…")).toBe(
      "<read-only buffer for 0x…, size -1, offset 1 at 0x…, len 4: b'ello'>",
    );
    expect(String(b)).toBe("ello");
    expect(inspect(b).startsWith(b.repr().slice(0, -1))).toBe(true);
  });

  it("elides after 32 bytes and reads nothing outside the buffer", () => {
    const memory = new Uint8Array(100).fill(0x53);
    memory.fill(0x61, 10, 50);
    const b = fromMemory(memory.buffer, 10, 40);
    expect(inspect(b).replace(ADDRESS, "0x…")).toBe(
      `<read-only buffer ptr 0x…, size 40 at 0x…, len 40: b'${"a".repeat(32)}'...>`,
    );
    expect(inspect(fromMemory(memory.buffer, 10, 3))).not.toContain("S");
  });

  it("a buffer whose memory is gone says why", () => {
    const b = alloc(4);
    expect(inspect(b)).toContain("len 4: b'\\x00\\x00\\x00\\x00'>");
    const memory = new ArrayBuffer(4);
    const over = fromMemory(memory, 0, 4);
    structuredClone(memory, { transfer: [memory] });
    expect(inspect(over)).toMatch(/size 4 at 0x[0-9a-f]+: \(bytes unreadable: .+\)>$/);
  });
});
