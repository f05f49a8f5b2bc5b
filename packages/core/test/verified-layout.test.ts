/**
 * The fast road through getBuffer: layouts verified once (verifyLayout), views made from
 * them (layoutView), and what getBuffer still checks for such a view (memory bounds,
 * detached memory, the request, fields changed after the view was made). Views from
 * anywhere else keep the full check.
 */
import { BufferError, SystemError, ValueError } from "@pybuffer/struct";
import { describe, expect, it, vi } from "vitest";
import {
  bf_getbuffer,
  bf_releasebuffer,
  Exportable,
  exportCount,
  getBuffer,
  isReleased,
  releaseBuffer,
} from "../src/exporter.js";
import {
  PyBUF_C_CONTIGUOUS,
  PyBUF_FULL,
  PyBUF_FULL_RO,
  PyBUF_ND,
  PyBUF_READ,
  PyBUF_RECORDS_RO,
  PyBUF_SIMPLE,
  PyBUF_WRITABLE,
} from "../src/flags.js";
import { LayoutExporter } from "../src/layout-exporter.js";
import { isDetached } from "../src/memory.js";
import { NDBuffer } from "../src/nd-buffer.js";
import { layoutView, type VerifiedLayout, verifyLayout } from "../src/verified-layout.js";
import { exceedsMaxNdim } from "../src/verify.js";
import type { BufferView, Memory } from "../src/view.js";

/** An exporter handing out views of `layout` at `buf` of `memory`, counting releases. */
function exporterOf(
  layout: VerifiedLayout,
  memory: Memory,
  buf: number,
  readonly = false,
  tweak: (view: BufferView) => void = () => {},
) {
  const released = vi.fn();
  const exporter = {
    [bf_getbuffer](flags: number): BufferView {
      const view = layoutView(layout, exporter, memory, buf, readonly, flags);
      tweak(view);
      return view;
    },
    [bf_releasebuffer]: released,
  };
  return { exporter, released };
}

function detach(memory: ArrayBuffer): void {
  structuredClone(memory, { transfer: [memory] });
}

describe("verifyLayout", () => {
  it("checks a layout once and caches its extent and contiguity", () => {
    const layout = verifyLayout({ format: "<h", itemsize: 2, shape: [2, 3], strides: [-6, 2] });
    expect([layout.len, layout.ndim, layout.lo, layout.hi, layout.c, layout.f]).toEqual([
      12,
      2,
      -6,
      6,
      false,
      false,
    ]);
    expect(verifyLayout({ format: "d", itemsize: 8, shape: [2, 3] }).strides).toEqual([24, 8]);
    const empty = verifyLayout({ format: "B", itemsize: 1, shape: [0, 5] });
    expect([empty.lo, empty.hi, empty.c, empty.f]).toEqual([0, 0, true, true]);
    const scalar = verifyLayout({ format: "i", itemsize: 4, shape: [] });
    expect([scalar.shape, scalar.strides, scalar.hi]).toEqual([null, null, 4]);
  });

  it("refuses what validateView refuses, with its errors", () => {
    expect(() => verifyLayout({ format: "i", itemsize: 2, shape: [3] })).toThrow(
      new BufferError("verifyLayout(): format 'i' has items of 4 bytes, but itemsize is 2"),
    );
    expect(() => verifyLayout({ format: "B", itemsize: 1, shape: [2, -1] })).toThrow(BufferError);
    expect(() => verifyLayout({ format: "B", itemsize: 1, shape: [2], strides: [1, 1] })).toThrow(
      BufferError,
    );
    let error: unknown;
    try {
      verifyLayout({ format: "B", itemsize: 1, shape: new Array(65).fill(1) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BufferError);
    expect(exceedsMaxNdim(error)).toBe(true);
    expect(exceedsMaxNdim(new BufferError("ndim must not exceed 64"))).toBe(false);
  });

  it("copies the arrays it is given", () => {
    const shape = [4];
    const layout = verifyLayout({ format: "B", itemsize: 1, shape });
    shape[0] = 1000;
    expect(layout.shape).toEqual([4]);
  });

  // Found by fuzzing (@pybuffer/ndarray's hostile arrays): the quick road checked shape[0]
  // and then copied the array, reading it a second time.
  it("reads each entry once: a Proxy or getter that answers differently later cannot widen it", () => {
    const shifty = <T>(first: T, later: T): T[] => {
      let reads = 0;
      return new Proxy([first], {
        get: (target, key, receiver) =>
          key === "0" ? (reads++ === 0 ? first : later) : Reflect.get(target, key, receiver),
      });
    };
    for (const spec of [
      { format: "B", itemsize: 1, shape: shifty(4, 64) },
      { format: "B", itemsize: 1, shape: [4], strides: shifty(1, 16) },
      // A string entry takes the full road (validateFields), which reads once too.
      { format: "B", itemsize: 1, shape: shifty<unknown>(4, "x") as number[] },
    ]) {
      const layout = verifyLayout(spec);
      expect([layout.len, layout.shape![0], layout.strides![0]]).toEqual([4, 4, 1]);
      const pool = new ArrayBuffer(64);
      const view = getBuffer(new LayoutExporter(pool, 32, layout, true, "pool"), PyBUF_FULL_RO);
      expect([view.len, view.shape, view.strides]).toEqual([4, [4], [1]]);
      releaseBuffer(view);
    }
  });

  it("never copies a list longer than any ndim (a huge length allocates nothing)", () => {
    const long = new Array<number>(2 ** 31);
    expect(() => verifyLayout({ format: "B", itemsize: 1, shape: long })).toThrow(BufferError);
    expect(() =>
      verifyLayout({ format: "B", itemsize: 1, shape: [4], strides: new Array<number>(2 ** 31) }),
    ).toThrow(BufferError);
  });
});

describe("layoutView", () => {
  const layout = verifyLayout({ format: "B", itemsize: 1, shape: [8] });

  it("answers flags as PyBuffer_FillInfo does", () => {
    const memory = new ArrayBuffer(16);
    const simple = layoutView(layout, null, memory, 4, true, PyBUF_SIMPLE);
    expect([simple.ndim, simple.shape, simple.strides, simple.format]).toEqual([
      1,
      null,
      null,
      null,
    ]);
    const full = layoutView(layout, null, memory, 4, true, PyBUF_FULL_RO);
    expect([full.ndim, full.shape, full.strides, full.format]).toEqual([1, [8], [1], "B"]);
  });

  it("refuses a forged layout, bad memory or buf, and dropping strides a layout needs", () => {
    const memory = new ArrayBuffer(16);
    const forged = { ...layout } as unknown as VerifiedLayout;
    expect(() => layoutView(forged, null, memory, 0, true, PyBUF_FULL_RO)).toThrow(TypeError);
    const fake = { byteLength: 1e9 } as unknown as Memory;
    expect(() => layoutView(layout, null, fake, 0, true, PyBUF_FULL_RO)).toThrow(TypeError);
    expect(() => layoutView(layout, null, memory, -1, true, PyBUF_FULL_RO)).toThrow(TypeError);
    const strided = verifyLayout({ format: "B", itemsize: 1, shape: [4], strides: [2] });
    expect(() => layoutView(strided, null, memory, 0, true, PyBUF_ND)).toThrow(BufferError);
  });
});

describe("getBuffer on a view from layoutView", () => {
  const layout = verifyLayout({ format: "<i", itemsize: 4, shape: [2, 2] });

  it("hands out the view itself and counts exports exactly", () => {
    const memory = new ArrayBuffer(32);
    const { exporter, released } = exporterOf(layout, memory, 8);
    const a = getBuffer(exporter, PyBUF_FULL_RO);
    const b = getBuffer(exporter, PyBUF_RECORDS_RO);
    expect(a.obj).toBe(exporter);
    expect([a.buf, a.shape, a.strides, a.format]).toEqual([8, [2, 2], [8, 4], "<i"]);
    expect(exportCount(exporter)).toBe(2);
    releaseBuffer(a);
    releaseBuffer(a);
    expect(exportCount(exporter)).toBe(1);
    expect(isReleased(a)).toBe(true);
    releaseBuffer(b);
    expect(exportCount(exporter)).toBe(0);
    expect(released).toHaveBeenCalledTimes(2);
  });

  it("refuses a detached memory with a clear error and releases the refused view", () => {
    const memory = new ArrayBuffer(32);
    const { exporter, released } = exporterOf(layout, memory, 0);
    detach(memory);
    expect(() => getBuffer(exporter, PyBUF_FULL_RO)).toThrow(
      new ValueError("operation on a detached ArrayBuffer"),
    );
    expect(exportCount(exporter)).toBe(0);
    expect(released).toHaveBeenCalledTimes(1);
  });

  it("refuses a memory shrunk under the layout", () => {
    const memory = new ArrayBuffer(32, { maxByteLength: 64 });
    const { exporter } = exporterOf(layout, memory, 16);
    releaseBuffer(getBuffer(exporter, PyBUF_FULL_RO));
    memory.resize(24);
    expect(() => getBuffer(exporter, PyBUF_FULL_RO)).toThrow(
      new ValueError("buffer layout reaches bytes 16 to 32 outside its memory of 24 bytes"),
    );
    expect(exportCount(exporter)).toBe(0);
  });

  it("checks negative strides against the lowest byte they reach", () => {
    const reversed = verifyLayout({ format: "B", itemsize: 1, shape: [4], strides: [-1] });
    const memory = new ArrayBuffer(8);
    expect(getBuffer(exporterOf(reversed, memory, 3).exporter, PyBUF_FULL_RO).buf).toBe(3);
    expect(() => getBuffer(exporterOf(reversed, memory, 2).exporter, PyBUF_FULL_RO)).toThrow(
      ValueError,
    );
  });

  it("still checks the request", () => {
    const memory = new ArrayBuffer(32);
    const { exporter, released } = exporterOf(layout, memory, 0, true);
    expect(() => getBuffer(exporter, PyBUF_FULL)).toThrow(
      new BufferError("bf_getbuffer of 'object' returned a read-only view for a writable request"),
    );
    expect(released).toHaveBeenCalledTimes(1);
    const strided = verifyLayout({ format: "B", itemsize: 1, shape: [4], strides: [2] });
    const other = exporterOf(strided, memory, 0).exporter;
    expect(() => getBuffer(other, PyBUF_C_CONTIGUOUS)).toThrow(
      new BufferError("bf_getbuffer of 'object' returned a view that is not C-contiguous"),
    );
    expect(exportCount(other)).toBe(0);
  });

  it("gives a view changed after it was made the full check", () => {
    const memory = new ArrayBuffer(32);
    const moved = exporterOf(layout, memory, 0, false, (view) => {
      view.buf = 24;
    }).exporter;
    expect(() => getBuffer(moved, PyBUF_FULL_RO)).toThrow(
      new ValueError("buffer layout reaches bytes 24 to 40 outside its memory of 32 bytes"),
    );
    const lying = exporterOf(layout, memory, 0, false, (view) => {
      view.len = 4;
    }).exporter;
    expect(() => getBuffer(lying, PyBUF_FULL_RO)).toThrow(
      new BufferError(
        "bf_getbuffer of 'object' returned an invalid view: len is 4, but product(shape) * itemsize is 16",
      ),
    );
  });

  it("does not trust shared arrays a consumer wrote into", () => {
    const memory = new ArrayBuffer(16);
    const own = verifyLayout({ format: "<i", itemsize: 4, shape: [2, 2] });
    const { exporter } = exporterOf(own, memory, 0);
    const view = getBuffer(exporter, PyBUF_FULL_RO);
    (view.shape as number[])[0] = 100; // forbidden, but JavaScript cannot stop it
    releaseBuffer(view);
    expect(() => getBuffer(exporter, PyBUF_FULL_RO)).toThrow(
      new BufferError(
        "bf_getbuffer of 'object' returned an invalid view: len is 16, but product(shape) * itemsize is 800",
      ),
    );
    expect(exportCount(exporter)).toBe(0);
  });

  it("lets an exporter that keeps its own layout verify it again after such a write", () => {
    const nd = new NDBuffer(new ArrayBuffer(6), { shape: [2, 3] });
    const view = getBuffer(nd, PyBUF_FULL_RO);
    (view.shape as number[])[0] = 100;
    (view.strides as number[])[1] = -7;
    releaseBuffer(view);
    const again = getBuffer(nd, PyBUF_FULL_RO);
    expect([again.shape, again.strides]).toEqual([
      [2, 3],
      [3, 1],
    ]);
    expect(again.shape).not.toBe(view.shape);
    releaseBuffer(again);
    expect(nd.exports).toBe(0);
  });

  it("keeps the full check for third-party views", () => {
    const memory = new ArrayBuffer(8);
    const exporter = {
      [bf_getbuffer]: (): BufferView => ({
        obj: null,
        memory,
        buf: 0,
        len: 16,
        readonly: true,
        itemsize: 1,
        format: "B",
        ndim: 1,
        shape: [16],
        strides: [1],
        suboffsets: null,
        abi: "lp64",
        internal: null,
      }),
    };
    expect(() => getBuffer(exporter, PyBUF_FULL_RO)).toThrow(
      new ValueError("buffer layout reaches bytes 0 to 16 outside its memory of 8 bytes"),
    );
  });

  it("refuses PyBUF_READ as a request with CPython's SystemError", () => {
    const { exporter } = exporterOf(layout, new ArrayBuffer(16), 0);
    expect(() => getBuffer(exporter, PyBUF_READ)).toThrow(
      new SystemError("bad argument to internal function"),
    );
  });
});

describe("NDBuffer on the fast road", () => {
  it("counts exports on both sides and refuses a detached memory", () => {
    const memory = new ArrayBuffer(8);
    const nd = new NDBuffer(memory, { shape: [8] });
    expect(nd).toBeInstanceOf(Exportable);
    const views = [getBuffer(nd, PyBUF_SIMPLE), getBuffer(nd, PyBUF_FULL | PyBUF_WRITABLE)];
    expect([nd.exports, exportCount(nd)]).toEqual([2, 2]);
    for (const view of views) releaseBuffer(view);
    expect([nd.exports, exportCount(nd)]).toEqual([0, 0]);
    detach(memory);
    expect(() => getBuffer(nd, PyBUF_FULL_RO)).toThrow(
      new ValueError("operation on a detached ArrayBuffer"),
    );
    expect([nd.exports, exportCount(nd)]).toEqual([0, 0]);
  });

  it("shares one shape array between exports", () => {
    const nd = new NDBuffer(new ArrayBuffer(6), { shape: [2, 3] });
    const a = getBuffer(nd, PyBUF_FULL_RO);
    const b = getBuffer(nd, PyBUF_FULL_RO);
    expect(a.shape).toBe(b.shape);
    expect(nd.shape).not.toBe(a.shape);
    releaseBuffer(a);
    releaseBuffer(b);
  });
});

describe("isDetached", () => {
  it("tells a legitimate empty buffer from a detached one", () => {
    expect(isDetached(new ArrayBuffer(0))).toBe(false);
    expect(isDetached(new SharedArrayBuffer(0))).toBe(false);
    const gone = new ArrayBuffer(4);
    detach(gone);
    expect(isDetached(gone)).toBe(true);
    const empty = new ArrayBuffer(0);
    const nd = new NDBuffer(empty, { shape: [0] });
    releaseBuffer(getBuffer(nd, PyBUF_FULL_RO));
    detach(empty);
    expect(() => getBuffer(nd, PyBUF_FULL_RO)).toThrow(
      new ValueError("operation on a detached ArrayBuffer"),
    );
  });
});
