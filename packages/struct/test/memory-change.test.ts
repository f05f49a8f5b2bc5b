/**
 * Memory that changes in the middle of a call (issue 19, item 7): a buffer detached or
 * shrunk between two steps of an iterator, or from inside a value's getter while it is
 * packed, gives the family's ValueError, never V8's TypeError or RangeError. And sizes
 * the platform cannot allocate (item 8) are CPython's MemoryError.
 */
import { describe, expect, it } from "vitest";
import { iterUnpack, MemoryError, pack, packMany, Struct } from "../src/index.js";
import { raises } from "./helpers.js";

const DETACHED = ["ValueError", "cannot use a detached ArrayBuffer"];

function detach(ab: ArrayBuffer): void {
  structuredClone(ab, { transfer: [ab] });
}

function detachedBytes(n: number): Uint8Array {
  const ab = new ArrayBuffer(n);
  const u8 = new Uint8Array(ab);
  detach(ab);
  return u8;
}

/** A complex value whose `re` getter runs `change` (detach or shrink the target). */
function changesOnRead(change: () => void): { re: number; im: number } {
  return {
    get re() {
      change();
      return 1;
    },
    im: 2,
  };
}

const CODEGEN = [true, false];

describe("iterUnpack over memory that changes between steps", () => {
  for (const codegen of CODEGEN) {
    for (const fmt of ["<i", "<4s", "<T{h:a:h:b:}", "<(2)h"]) {
      it(`detached (${fmt}, codegen ${codegen})`, () => {
        const ab = new ArrayBuffer(16);
        const it = new Struct(fmt, { codegen }).iterUnpack(new Uint8Array(ab));
        it.next();
        detach(ab);
        expect(raises(() => it.next())).toEqual(DETACHED);
      });

      it(`shrunk: a view of fixed length and a length-tracking one (${fmt}, codegen ${codegen})`, () => {
        for (const arg of [
          (ab: ArrayBuffer) => new Uint8Array(ab, 0, 16),
          (ab: ArrayBuffer) => ab,
        ]) {
          const ab = new ArrayBuffer(16, { maxByteLength: 32 });
          const it = new Struct(fmt, { codegen }).iterUnpack(arg(ab));
          expect(it.next().done).toBe(false);
          ab.resize(6);
          expect(raises(() => it.next())).toEqual([
            "ValueError",
            "the buffer shrank to 6 bytes while in use",
          ]);
        }
      });
    }
  }

  it("goes on where the memory still holds the struct, and stops cleanly", () => {
    const ab = new ArrayBuffer(8, { maxByteLength: 16 });
    const it = iterUnpack("<i", ab);
    expect(it.next().value).toEqual([0]);
    ab.resize(12);
    expect(it.next().value).toEqual([0]);
    expect(it.next().done).toBe(true);
  });
});

describe("packing into memory that a value's getter changes", () => {
  for (const codegen of CODEGEN) {
    it(`detached from inside a getter (codegen ${codegen})`, () => {
      const ab = new ArrayBuffer(16);
      const value = changesOnRead(() => detach(ab));
      const s = new Struct("<Zd", { codegen });
      expect(raises(() => s.packInto(new Uint8Array(ab), 0, value))).toEqual(DETACHED);
      const ab2 = new ArrayBuffer(32);
      const again = changesOnRead(() => detach(ab2));
      expect(raises(() => s.packManyInto(new Uint8Array(ab2), 0, [[0], [again]]))).toEqual(
        DETACHED,
      );
      // A struct with padding (the non-dense road).
      const ab3 = new ArrayBuffer(24);
      const third = changesOnRead(() => detach(ab3));
      expect(
        raises(() => new Struct("bZd", { codegen }).packInto(new Uint8Array(ab3), 0, 1, third)),
      ).toEqual(DETACHED);
    });

    it(`shrunk from inside a getter (codegen ${codegen})`, () => {
      const ab = new ArrayBuffer(16, { maxByteLength: 32 });
      const value = changesOnRead(() => ab.resize(8));
      const s = new Struct("<Zd", { codegen });
      expect(raises(() => s.packInto(new Uint8Array(ab, 0, 16), 0, value))).toEqual([
        "ValueError",
        "the buffer shrank to 8 bytes while in use",
      ]);
      // Still room for the struct after the change: it is packed.
      const roomy = new ArrayBuffer(32, { maxByteLength: 64 });
      const shrinksALittle = changesOnRead(() => roomy.resize(16));
      s.packInto(roomy, 0, shrinksALittle);
      expect(new Uint8Array(roomy)).toEqual(pack("<Zd", { re: 1, im: 2 }));
    });
  }

  it("refuses a detached Uint8Array as an s, p or c value", () => {
    for (const fmt of ["3s", "3p", "c", "0s", "T{2s:a:}"]) {
      const value = fmt.startsWith("T") ? { a: detachedBytes(2) } : detachedBytes(3);
      expect(
        raises(() => pack(fmt, value)),
        fmt,
      ).toEqual(DETACHED);
      expect(
        raises(() => packMany(fmt, [[value]])),
        fmt,
      ).toEqual(DETACHED);
    }
    // An empty one that is not detached is fine.
    expect(pack("3s", new Uint8Array(0))).toEqual(new Uint8Array(3));
  });
});

describe("sizes the platform cannot allocate", () => {
  it("pack gives MemoryError, as CPython 3.13's struct.pack('10000000000000x') does", () => {
    // CPython: MemoryError() with no message.
    expect(raises(() => pack("10000000000000x"))).toEqual(["MemoryError", ""]);
    expect(() => pack("10000000000000x")).toThrow(MemoryError);
    expect(raises(() => new Struct("1000000000000x").packMany([[], []]))).toEqual([
      "MemoryError",
      "",
    ]);
  });
});
