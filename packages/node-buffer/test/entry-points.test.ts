/** Hostile arguments to each entry point: our errors with our messages, never a crash. */
import { pythonErrorName } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { fromNodeBuffer } from "../src/from-node-buffer.js";
import { toNodeBuffer } from "../src/to-node-buffer.js";

const gone = Buffer.alloc(4);
structuredClone(gone.buffer, { transfer: [gone.buffer as ArrayBuffer] });
const values: unknown[] = [
  undefined,
  null,
  0,
  Number.NaN,
  "ab",
  1n,
  Symbol(),
  () => 0,
  {},
  [1],
  gone,
  new Uint16Array(2),
  { memory: 0, buf: 0 },
];
const calls: [string, (x: unknown) => unknown][] = [
  ["fromNodeBuffer(x)", (x) => fromNodeBuffer(x as never)],
  ["fromNodeBuffer(buf, x)", (x) => fromNodeBuffer(Buffer.from("a"), x as never)],
  ["toNodeBuffer(x)", (x) => toNodeBuffer(x as never)],
  ["toNodeBuffer(buf, x)", (x) => toNodeBuffer(Buffer.from("a"), x as never)],
];

describe("hostile arguments", () => {
  it.each(calls)("%s", (_name, call) => {
    for (const value of values) {
      try {
        call(value);
      } catch (error) {
        expect(pythonErrorName(error), String(error)).toBeDefined();
        expect((error as Error).message).not.toMatch(
          /Cannot read|is not a function|of undefined|of null/,
        );
      }
    }
  });
});
