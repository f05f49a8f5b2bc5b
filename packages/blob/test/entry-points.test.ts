/** Hostile arguments to each entry point: our errors with our messages, never a crash. */
import { pythonErrorName } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { fromBlob } from "../src/from-blob.js";
import { iterUnpackBlob } from "../src/iter-unpack-blob.js";
import { toBlob } from "../src/to-blob.js";

const values: unknown[] = [
  undefined,
  null,
  0,
  "ab",
  2n,
  Symbol(),
  () => 0,
  {},
  [1],
  new Uint8Array(2),
  { memory: 0, buf: 0 },
  { size: 4 },
];
const calls: [string, (x: unknown) => unknown][] = [
  ["fromBlob(x)", (x) => fromBlob(x as never)],
  ["fromBlob(blob, x)", (x) => fromBlob(new Blob(["ab"]), x as never)],
  ["toBlob(x)", (x) => toBlob(x as never)],
  ["iterUnpackBlob(fmt, x)", (x) => iterUnpackBlob("<h", x as never)],
  ["iterUnpackBlob(x, blob)", (x) => iterUnpackBlob(x as never, new Blob(["ab"]))],
  ["iterUnpackBlob(fmt, blob, x)", (x) => iterUnpackBlob("<h", new Blob(["ab"]), x as never)],
];

describe("hostile arguments", () => {
  it.each(calls)("%s", async (_name, call) => {
    for (const value of values) {
      try {
        const result = call(value);
        if (result instanceof Promise) await result;
        else if (result !== null && typeof result === "object" && Symbol.asyncIterator in result) {
          for await (const _ of result as AsyncIterable<unknown>);
        }
      } catch (error) {
        expect(pythonErrorName(error), String(error)).toBeDefined();
        expect((error as Error).message).not.toMatch(
          /Cannot read|is not a function|of undefined|of null/,
        );
      }
    }
  });
});
