/** The README's examples, run as written. */
import { expect, it } from "vitest";
import {
  asReadBuffer,
  buffer,
  checkReadBuffer,
  fromReadWriteObject,
  Py_END_OF_BUFFER,
  stringHash,
} from "../src/index.js";

it("runs the first example", () => {
  const data = new Uint8Array([104, 101, 108, 108, 111]); // "hello"
  const b = buffer(data, 1, 3);
  expect(b.toString()).toBe("ell");
  expect(b.get(-1)).toEqual(new Uint8Array([108]));
  expect(String.fromCharCode(...b.slice(null, null, -1))).toBe("lle");
  expect(b.repr()).toMatch(
    /^<read-only buffer for 0x7f[0-9a-f]+, size 3, offset 1 at 0x7f[0-9a-f]+>$/,
  );
  expect(b.hash()).toBe(stringHash(new Uint8Array([101, 108, 108])));

  const rw = fromReadWriteObject(data, 0, Py_END_OF_BUFFER);
  rw.setSlice(0, 2, new Uint8Array([72, 69]));
  expect(String.fromCharCode(...data)).toBe("HEllo");
  expect(() => rw.set(0, new Uint8Array([1, 2]))).toThrow("right operand must be a single byte");
});

it("runs the segment protocol example", () => {
  const chunks = [new Uint8Array([1, 2]), new Uint8Array([3])];
  const scatter = {
    [Symbol.for("pybuffer.bf_getsegcount")]: () => chunks.length,
    [Symbol.for("pybuffer.bf_getreadbuffer")]: (i: number) => ({
      memory: chunks[i]!.buffer,
      buf: chunks[i]!.byteOffset,
      len: chunks[i]!.length,
    }),
  };
  expect(checkReadBuffer(scatter)).toBe(false);
  expect(() => asReadBuffer(scatter)).toThrow("expected a single-segment buffer object");
  expect(() => buffer(scatter).length).toThrow("single-segment buffer object expected");
});
