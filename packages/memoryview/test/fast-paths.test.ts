/**
 * The fast paths: a memoryview's exports come from a layout verified once (core's fast
 * getBuffer road), the first view shares the master's layout, slicing does not
 * re-validate, and the errors CPython raises keep their classes (UnicodeEncodeError for a
 * non-ASCII cast format).
 */
import {
  exportCount,
  getBuffer,
  NDBuffer,
  PyBUF_C_CONTIGUOUS,
  PyBUF_FULL_RO,
  PyBUF_ND,
  PyBUF_SIMPLE,
  PyBUF_STRIDES,
  releaseBuffer,
  toContiguous,
} from "@pybuffer/core";
import { describe, expect, it } from "vitest";
import {
  BufferError,
  type MemoryView,
  memoryview,
  Slice,
  UnicodeEncodeError,
  ValueError,
} from "../src/index.js";

function bytes(n: number): ArrayBuffer {
  return new Uint8Array(Array.from({ length: n }, (_, i) => i)).buffer;
}

describe("memoryview as an exporter", () => {
  it("exports sliced and reversed views exactly, counting on both sides", () => {
    const nd = new NDBuffer(bytes(10), { shape: [10] });
    const m = memoryview(nd).slice(8, 1, -2);
    const view = getBuffer(m, PyBUF_FULL_RO);
    expect([view.buf, view.shape, view.strides, view.format]).toEqual([8, [4], [-2], "B"]);
    expect(Array.from(toContiguous(view, "C"))).toEqual([8, 6, 4, 2]);
    const again = getBuffer(m, PyBUF_STRIDES);
    expect(again.shape).toBe(view.shape);
    expect(exportCount(m)).toBe(2);
    expect(() => m.release()).toThrow(new BufferError("memoryview has 2 exported buffers"));
    releaseBuffer(view);
    releaseBuffer(again);
    expect(exportCount(m)).toBe(0);
    m.release();
    expect(() => getBuffer(m, PyBUF_SIMPLE)).toThrow(
      new ValueError("operation forbidden on released memoryview object"),
    );
  });

  it("still refuses what the layout cannot give, with CPython's messages", () => {
    const m = memoryview(new NDBuffer(bytes(8), { shape: [8] })).slice(null, null, 2);
    expect(() => getBuffer(m, PyBUF_C_CONTIGUOUS)).toThrow(
      new BufferError("memoryview: underlying buffer is not C-contiguous"),
    );
    expect(() => getBuffer(m, PyBUF_ND)).toThrow(
      new BufferError("memoryview: underlying buffer is not C-contiguous"),
    );
    expect(exportCount(m)).toBe(0);
  });

  it("sees its memory detached after it was made", () => {
    const memory = bytes(8);
    const m = memoryview(new NDBuffer(memory, { shape: [8] }));
    releaseBuffer(getBuffer(m, PyBUF_FULL_RO));
    structuredClone(memory, { transfer: [memory] });
    expect(() => getBuffer(m, PyBUF_FULL_RO)).toThrow(
      new ValueError("operation on a detached ArrayBuffer"),
    );
    expect(exportCount(m)).toBe(0);
  });
});

describe("create, slice, release", () => {
  it("gives the exporter back once, whatever the order of release", () => {
    const nd = new NDBuffer(bytes(32), { shape: [32], readonly: true });
    const m = memoryview(nd);
    const s = m.slice(10, 20);
    m.release();
    expect([nd.exports, exportCount(nd)]).toEqual([1, 1]);
    expect(s.toList()).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(s.obj).toBe(nd);
    s.release();
    expect([nd.exports, exportCount(nd)]).toEqual([0, 0]);
  });
});

describe("errors", () => {
  it("raises UnicodeEncodeError (a ValueError) for a non-ASCII cast format", () => {
    const m = memoryview(new NDBuffer(bytes(8), { shape: [8] }));
    const error = (() => {
      try {
        m.cast("é");
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(UnicodeEncodeError);
    expect(error).toBeInstanceOf(ValueError);
    expect((error as Error).message).toBe(
      "'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)",
    );
  });
});

describe("one-dimensional slice fast path", () => {
  it("gives the same layout as the general slicing of dimension 0", () => {
    const nd = new NDBuffer(bytes(24), { shape: [12], strides: [-2], offset: 22, format: "H" });
    const root = memoryview(nd);
    const bases = [root, root.slice(null, null, -1), root.slice(1, 7)];
    const bounds = [null, 0, 1, 3, -1, -5, 11, 12, 40, -40];
    const steps = [null, 1, 2, 3, -1, -2, -7, 2 ** 60, -(2 ** 60)];
    for (const base of bases) {
      for (const start of bounds) {
        for (const stop of bounds) {
          for (const step of steps) {
            const fast = base.slice(start, stop, step);
            const general = base.get([new Slice(start, stop, step)]) as typeof fast;
            expect([fast.shape, fast.strides, fast.nbytes, fast.cContiguous]).toEqual([
              general.shape,
              general.strides,
              general.nbytes,
              general.cContiguous,
            ]);
            expect(Object.is(fast.strides[0], -0)).toBe(false);
            expect(fast.toList()).toEqual(general.toList());
            fast.release();
            general.release();
          }
        }
      }
    }
    for (const base of bases) base.release();
    expect(exportCount(nd)).toBe(0);
  });

  it("gives what general slicing gives for two bounds and no step, the usual call", () => {
    const nd = new NDBuffer(bytes(24), { shape: [12], strides: [-2], offset: 22, format: "H" });
    const root = memoryview(nd);
    const bases = [root, root.slice(null, null, -1), root.slice(1, 7)];
    // -0 and 1.5 are not Python ints; true is (1); 2 ** 53 is past any length.
    const bounds = [0, -0, 1, 1.5, 3, 6, 7, 11, 12, 13, -1, -12, 2 ** 53, true, null, "1"];
    const outcome = (f: () => MemoryView) => {
      try {
        const v = f();
        const seen = [v.shape, v.strides, v.nbytes, v.toList()];
        v.release();
        return seen;
      } catch (error) {
        return `${(error as Error).constructor.name}: ${(error as Error).message}`;
      }
    };
    for (const base of bases) {
      for (const start of bounds) {
        for (const stop of bounds) {
          const fast = outcome(() => base.slice(start as never, stop as never));
          const general = outcome(
            () => base.get([new Slice(start as never, stop as never)]) as never,
          );
          expect(fast).toEqual(general);
        }
      }
    }
    expect(outcome(() => root.slice(-0, 2))).toBe(
      "TypeError: slice indices must be integers or None or have an __index__ method",
    );
    for (const base of bases) base.release();
    expect(exportCount(nd)).toBe(0);
  });

  it("keeps the errors of general slicing", () => {
    const m = memoryview(new NDBuffer(bytes(4), { shape: [4] }));
    expect(() => m.slice(0, 4, 0)).toThrow(ValueError);
    expect(() => m.slice(0, 4, 0)).toThrow("slice step cannot be zero");
    expect(() => m.slice("a" as never)).toThrow(
      "slice indices must be integers or None or have an __index__ method",
    );
    m.release();
    expect(() => m.slice(0, 1)).toThrow("operation forbidden on released memoryview object");
  });
});
