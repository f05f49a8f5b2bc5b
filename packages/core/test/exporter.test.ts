/**
 * The exporter protocol: checkBuffer, getBuffer's validation of what exporters
 * return, export counting, and releaseBuffer's once-only release.
 */
import { BufferError, OverflowError, SystemError, ValueError } from "@pybuffer/struct";
import { describe, expect, it, vi } from "vitest";
import {
  bf_getbuffer,
  bf_releasebuffer,
  checkBuffer,
  exportCount,
  getBuffer,
  isReleased,
  releaseBuffer,
} from "../src/exporter.js";
import { fillInfo } from "../src/fill-info.js";
import {
  PyBUF_C_CONTIGUOUS,
  PyBUF_FULL,
  PyBUF_FULL_RO,
  PyBUF_ND,
  PyBUF_READ,
  PyBUF_SIMPLE,
  PyBUF_STRIDES,
  PyBUF_WRITABLE,
  PyBUF_WRITE,
} from "../src/flags.js";
import type { BufferView } from "../src/view.js";

function rawView(overrides: Partial<Record<keyof BufferView, unknown>> = {}): BufferView {
  return {
    obj: null,
    memory: new ArrayBuffer(12),
    buf: 0,
    len: 12,
    readonly: false,
    itemsize: 2,
    format: "h",
    ndim: 2,
    shape: [2, 3],
    strides: [6, 2],
    suboffsets: null,
    abi: "lp64",
    internal: null,
    ...overrides,
  } as BufferView;
}

function exporterOf(
  make: (flags: number) => unknown,
  release?: (view: BufferView) => void,
): object {
  return {
    [bf_getbuffer]: make,
    ...(release === undefined ? {} : { [bf_releasebuffer]: release }),
  };
}

describe("checkBuffer (PyObject_CheckBuffer)", () => {
  it("is true exactly for objects with a bf_getbuffer method", () => {
    expect(checkBuffer(exporterOf(() => rawView()))).toBe(true);
    expect(checkBuffer({ [Symbol.for("pybuffer.bf_getbuffer")]: () => null })).toBe(true);
    for (const value of [
      null,
      undefined,
      1,
      "abc",
      {},
      [],
      new Uint8Array(2),
      { [bf_getbuffer]: 1 },
    ]) {
      expect(checkBuffer(value)).toBe(false);
    }
  });
});

describe("getBuffer (PyObject_GetBuffer)", () => {
  it("refuses non-exporters with CPython's message and a Python type name", () => {
    const cases: [unknown, string][] = [
      ["abc", "str"],
      [1, "int"],
      [1.5, "float"],
      [1n, "int"],
      [null, "NoneType"],
      [undefined, "NoneType"],
      [true, "bool"],
      [[1], "list"],
      [{}, "object"],
      [new Map(), "Map"],
      [new Uint8Array(1), "Uint8Array"],
      [Object.create(null), "object"],
    ];
    for (const [value, name] of cases) {
      expect(() => getBuffer(value, PyBUF_SIMPLE)).toThrow(
        new TypeError(`a bytes-like object is required, not '${name}'`),
      );
    }
  });

  it("checks flags first, as CPython 3.13 (PyBUF_READ/WRITE are not requests)", () => {
    const exporter = exporterOf(() => rawView());
    expect(() => getBuffer(exporter, PyBUF_READ)).toThrow(
      new SystemError("bad argument to internal function"),
    );
    expect(() => getBuffer("abc", PyBUF_WRITE)).toThrow(
      new SystemError("bad argument to internal function"),
    );
    expect(() => getBuffer(exporter, 1.5)).toThrow(
      new TypeError("'float' object cannot be interpreted as an integer"),
    );
    expect(() => getBuffer(exporter, Number.NaN)).toThrow(TypeError);
    expect(() => getBuffer(exporter, "8" as unknown as number)).toThrow(
      new TypeError("'str' object cannot be interpreted as an integer"),
    );
    expect(() => getBuffer(exporter, 2 ** 31)).toThrow(new OverflowError("buffer flags too large"));
    expect(() => getBuffer(exporter, 8n as never)).toThrow(
      new TypeError("flags must be a number, not a bigint"),
    );
  });

  it("sets obj, copies the arrays and counts the export", () => {
    const shape = [2, 3];
    const exporter = exporterOf(() => rawView({ shape }));
    const view = getBuffer(exporter, PyBUF_FULL_RO);
    expect(view.obj).toBe(exporter);
    expect(exportCount(exporter)).toBe(1);
    const second = getBuffer(exporter, PyBUF_STRIDES);
    expect(exportCount(exporter)).toBe(2);
    shape[0] = 100;
    expect(view.shape).toEqual([2, 3]);
    expect(second.shape).toEqual([2, 3]);
    releaseBuffer(view);
    releaseBuffer(second);
    expect(exportCount(exporter)).toBe(0);
  });

  it("passes the exporter's own BufferError through", () => {
    const exporter = exporterOf(() => {
      throw new BufferError("ND_GETBUF_FAIL: forced test exception");
    });
    expect(() => getBuffer(exporter, PyBUF_SIMPLE)).toThrow(
      new BufferError("ND_GETBUF_FAIL: forced test exception"),
    );
    expect(exportCount(exporter)).toBe(0);
  });

  it("refuses an inconsistent view and gives it back to the exporter", () => {
    const bad: [Partial<Record<keyof BufferView, unknown>> | null, RegExp][] = [
      [{ memory: new Uint8Array(12) }, /memory must be an ArrayBuffer/],
      [{ buf: -1 }, /buf must be a non-negative integer/],
      [{ buf: 0.5 }, /buf must be a non-negative integer/],
      [{ itemsize: 0 }, /itemsize must be a positive integer/],
      [
        { ndim: 65, shape: new Array(65).fill(1), strides: new Array(65).fill(2), len: 2 },
        /ndim must not exceed 64/,
      ],
      [{ ndim: 3 }, /len\(shape\) is 2, but ndim is 3/],
      [{ shape: [2, Number.NaN] }, /shape\[1\] must be a non-negative integer/],
      [{ shape: [2, 1.5] }, /shape\[1\] must be a non-negative integer/],
      [{ shape: [-2, -3] }, /shape\[0\] must be a non-negative integer/],
      [{ len: 10 }, /len is 10, but product\(shape\) \* itemsize is 12/],
      [{ shape: [2 ** 30, 2 ** 30], len: 2 ** 61 }, /len must be a non-negative integer|too large/],
      [{ shape: null }, /shape is required when ndim > 1/],
      [{ strides: [6, "2"] }, /strides\[1\] must be an integer/],
      [{ suboffsets: [0, -1], strides: null }, /suboffsets given without strides/],
      [{ readonly: 0 }, /readonly must be a boolean/],
      [{ format: 7 }, /format must be a string or null/],
      [{ format: "i" }, /format 'i' has items of 4 bytes, but itemsize is 2/],
      [{ format: "y" }, /format 'y' is not a struct format \(bad char in struct format\)/],
      [{ abi: "ilp32" }, /abi must be/],
      [null, /not a buffer view object/],
    ];
    for (const [overrides, message] of bad) {
      const release = vi.fn();
      const exporter = exporterOf(() => (overrides === null ? null : rawView(overrides)), release);
      expect(() => getBuffer(exporter, PyBUF_FULL_RO)).toThrow(BufferError);
      expect(() => getBuffer(exporter, PyBUF_FULL_RO)).toThrow(message);
      expect(release).toHaveBeenCalledTimes(overrides === null ? 0 : 2);
      expect(exportCount(exporter)).toBe(0);
    }
  });

  it("refuses layouts that reach outside memory, through strides or pointers", () => {
    const outside = [
      rawView({ buf: 2 }),
      rawView({ strides: [-6, 2] }),
      rawView({ strides: [6, 4] }),
      rawView({ memory: new ArrayBuffer(11) }),
      rawView({ shape: [2, 3], strides: [8, 2], suboffsets: [0, -1] }),
    ];
    for (const view of outside) {
      expect(() =>
        getBuffer(
          exporterOf(() => view),
          PyBUF_FULL_RO,
        ),
      ).toThrow(ValueError);
    }
    // A pointer table whose second pointer leads past the end.
    const memory = new ArrayBuffer(32);
    const dv = new DataView(memory);
    dv.setUint32(0, 16, true);
    dv.setUint32(8, 30, true);
    const pil = rawView({ memory, shape: [2, 2], strides: [8, 2], suboffsets: [0, -1], len: 8 });
    expect(() =>
      getBuffer(
        exporterOf(() => pil),
        PyBUF_FULL_RO,
      ),
    ).toThrow(
      new ValueError("buffer layout reaches bytes 30 to 34 outside its memory of 32 bytes"),
    );
    dv.setUint32(12, 0x400000, true);
    expect(() =>
      getBuffer(
        exporterOf(() => pil),
        PyBUF_FULL_RO,
      ),
    ).toThrow(/is not a byte offset into memory/);
  });

  it("refuses a view that does not meet the request", () => {
    const unmet: [BufferView, number, RegExp][] = [
      [rawView({ readonly: true }), PyBUF_FULL, /read-only view for a writable request/],
      [rawView({ shape: [2, 3], strides: [2, 4] }), PyBUF_ND, /non-C-contiguous view/],
      [rawView({ strides: null }), PyBUF_STRIDES, /no strides for a PyBUF_STRIDES request/],
      [rawView({ strides: [2, 4] }), PyBUF_C_CONTIGUOUS, /not C-contiguous/],
      [
        rawView({ memory: new ArrayBuffer(24), strides: [8, 2], suboffsets: [0, -1] }),
        PyBUF_STRIDES,
        /suboffsets/,
      ],
    ];
    for (const [view, flags, message] of unmet) {
      const release = vi.fn();
      expect(() =>
        getBuffer(
          exporterOf(() => view, release),
          flags,
        ),
      ).toThrow(message);
      expect(release).toHaveBeenCalledOnce();
    }
  });

  it("normalises suboffsets that are all negative to null and ndim 0 arrays to null", () => {
    const view = getBuffer(
      exporterOf(() => rawView({ suboffsets: [-1, -1] })),
      PyBUF_FULL_RO,
    );
    expect(view.suboffsets).toBeNull();
    const scalar = getBuffer(
      exporterOf(() => rawView({ ndim: 0, shape: [], strides: [], len: 2 })),
      PyBUF_FULL_RO,
    );
    expect([scalar.shape, scalar.strides]).toEqual([null, null]);
  });
});

describe("releaseBuffer (PyBuffer_Release)", () => {
  it("calls the hook once, clears obj, uncounts; a second release is harmless", () => {
    const release = vi.fn();
    const exporter = exporterOf(() => rawView(), release);
    const view = getBuffer(exporter, PyBUF_FULL_RO);
    releaseBuffer(view);
    expect(release).toHaveBeenCalledExactlyOnceWith(view);
    expect(view.obj).toBeNull();
    expect(isReleased(view)).toBe(true);
    expect(exportCount(exporter)).toBe(0);
    releaseBuffer(view);
    expect(release).toHaveBeenCalledOnce();
  });

  it("calls the hook for an owned view it did not hand out, and ignores obj = null", () => {
    const release = vi.fn();
    const exporter = exporterOf(() => rawView(), release);
    const view = fillInfo(exporter, new ArrayBuffer(4), 0, 4, false, PyBUF_WRITABLE);
    releaseBuffer(view);
    expect(release).toHaveBeenCalledOnce();
    releaseBuffer(fillInfo(null, new ArrayBuffer(4), 0, 4, false, PyBUF_SIMPLE));
    expect(() => releaseBuffer(null as unknown as BufferView)).toThrow(TypeError);
  });
});

describe("redirect and re-export chains (typeobj.rst)", () => {
  it("a redirecting exporter hands on the root's view; releasing it releases the root", () => {
    const release = vi.fn();
    const root = exporterOf(() => rawView(), release);
    const redirect = exporterOf((flags) => getBuffer(root, flags));
    const view = getBuffer(redirect, PyBUF_FULL_RO);
    expect(view.obj).toBe(root);
    expect([exportCount(root), exportCount(redirect)]).toEqual([1, 0]);
    releaseBuffer(view);
    expect(release).toHaveBeenCalledOnce();
    expect(exportCount(root)).toBe(0);
    const readonlyRoot = exporterOf(() => rawView({ readonly: true }));
    const narrow = exporterOf(() => getBuffer(readonlyRoot, PyBUF_FULL_RO));
    expect(() => getBuffer(narrow, PyBUF_FULL)).toThrow(/read-only view for a writable request/);
    expect(exportCount(readonlyRoot)).toBe(0);
  });

  it("a re-exporter gets its own export, and releases the root in its hook", () => {
    const root = exporterOf(() => rawView());
    const held = new Map<unknown, BufferView>();
    const reexporter = exporterOf(
      (flags) => {
        const inner = getBuffer(root, flags);
        const token = {};
        held.set(token, inner);
        return { ...inner, obj: null, internal: token };
      },
      (view) => releaseBuffer(held.get(view.internal) as BufferView),
    );
    const view = getBuffer(reexporter, PyBUF_FULL_RO);
    expect(view.obj).toBe(reexporter);
    expect([exportCount(root), exportCount(reexporter)]).toEqual([1, 1]);
    releaseBuffer(view);
    expect([exportCount(root), exportCount(reexporter)]).toEqual([0, 0]);
  });
});
