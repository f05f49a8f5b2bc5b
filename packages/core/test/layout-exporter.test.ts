/**
 * LayoutExporter: core's exporter of a verified layout at a byte of a memory, whose
 * bf_getbuffer checks bounds and request itself so that getBuffer hands its views on.
 * What it answers, what it refuses and with which message, how it counts, and that
 * nothing a caller can do (a lying subclass, a getter, reflection on its state, a second
 * copy of core) gets an unchecked view out of getBuffer.
 */
import { BufferError, ValueError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import {
  bf_getbuffer,
  bf_releasebuffer,
  exportCount,
  getBuffer,
  releaseBuffer,
} from "../src/exporter.js";
import {
  PyBUF_ANY_CONTIGUOUS,
  PyBUF_C_CONTIGUOUS,
  PyBUF_F_CONTIGUOUS,
  PyBUF_FULL,
  PyBUF_FULL_RO,
  PyBUF_ND,
  PyBUF_RECORDS_RO,
  PyBUF_SIMPLE,
  PyBUF_STRIDES,
} from "../src/flags.js";
import { LayoutExporter } from "../src/layout-exporter.js";
import { NDBuffer } from "../src/nd-buffer.js";
import { type VerifiedLayout, verifyLayout } from "../src/verified-layout.js";
import type { BufferView, Memory } from "../src/view.js";

const ints = (shape: number[], strides?: number[]): VerifiedLayout =>
  verifyLayout({ format: "<i", itemsize: 4, shape, strides });

describe("LayoutExporter answers requests", () => {
  it("hands out the layout at buf, with the fields each request keeps", () => {
    const memory = new ArrayBuffer(24);
    const exporter = new LayoutExporter(memory, 8, ints([2, 2]), false, "ints");
    const full = getBuffer(exporter, PyBUF_FULL_RO);
    expect([full.memory, full.buf, full.len, full.itemsize]).toEqual([memory, 8, 16, 4]);
    expect([full.format, full.ndim, full.shape, full.strides]).toEqual(["<i", 2, [2, 2], [8, 4]]);
    expect([full.readonly, full.suboffsets, full.obj]).toEqual([false, null, exporter]);
    const simple = getBuffer(exporter, PyBUF_SIMPLE);
    expect([simple.format, simple.ndim, simple.shape, simple.strides]).toEqual([
      null,
      1,
      null,
      null,
    ]);
    const nd = getBuffer(exporter, PyBUF_ND);
    expect([nd.shape, nd.strides]).toEqual([[2, 2], null]);
    expect(exporter.exports).toBe(3);
    expect(exportCount(exporter)).toBe(3);
    for (const view of [full, simple, nd]) releaseBuffer(view);
    expect(exporter.exports).toBe(0);
    expect(exportCount(exporter)).toBe(0);
  });

  it("counts views got with bf_getbuffer directly, and ends each once", () => {
    const exporter = new LayoutExporter(new ArrayBuffer(4), 0, ints([1]), true, "one");
    const view = exporter[bf_getbuffer](PyBUF_FULL_RO);
    expect(exporter.exports).toBe(1);
    exporter[bf_releasebuffer](view);
    exporter[bf_releasebuffer](view);
    expect(exporter.exports).toBe(0);
  });

  it("ends one export for a copy of a view made by another copy of core", () => {
    const exporter = new LayoutExporter(new ArrayBuffer(4), 0, ints([1]), true, "one");
    const view = exporter[bf_getbuffer](PyBUF_FULL_RO);
    const copy = { ...view }; // what another copy of core's getBuffer hands on
    exporter[bf_releasebuffer](copy);
    expect(exporter.exports).toBe(0);
    exporter[bf_releasebuffer](copy);
    expect(exporter.exports).toBe(0);
  });

  it("exports the verified values again after a consumer wrote into a view's shape", () => {
    const layout = ints([2, 2]);
    const exporter = new LayoutExporter(new ArrayBuffer(16), 0, layout, false, "ints");
    const spoiled = getBuffer(exporter, PyBUF_FULL_RO);
    (spoiled.shape as number[])[0] = 100;
    (spoiled.strides as number[])[1] = -4;
    const next = getBuffer(exporter, PyBUF_FULL_RO);
    expect([next.shape, next.strides, next.len]).toEqual([[2, 2], [8, 4], 16]);
    releaseBuffer(next);
    releaseBuffer(spoiled);
    const flat = new LayoutExporter(new ArrayBuffer(8), 0, ints([2]), false, "flat");
    const one = getBuffer(flat, PyBUF_FULL_RO);
    (one.shape as number[])[0] = 9;
    expect(getBuffer(flat, PyBUF_FULL_RO).shape).toEqual([2]);
  });

  it("follows a subclass that relocates in update()", () => {
    class Growing extends LayoutExporter {
      memory: ArrayBuffer = new ArrayBuffer(4);
      protected override update(): void {
        if (this.memory !== this.exportedMemory()) {
          const n = this.memory.byteLength / 4;
          this.relocate(this.memory, 0, ints([n]));
        }
      }
    }
    const exporter = new Growing(new ArrayBuffer(4), 0, ints([1]), false, "growing", true);
    exporter.memory = new ArrayBuffer(12);
    const view = getBuffer(exporter, PyBUF_FULL_RO);
    expect([view.memory, view.shape]).toEqual([exporter.memory, [3]]);
    releaseBuffer(view);
  });
});

describe("LayoutExporter refuses with clear errors", () => {
  it("refuses writable requests on a read-only export (PyBuffer_FillInfo's message)", () => {
    const exporter = new LayoutExporter(new ArrayBuffer(8), 0, ints([2]), true, "ro");
    expect(() => getBuffer(exporter, PyBUF_FULL)).toThrow(
      new BufferError("Object is not writable."),
    );
    expect(exporter.exports).toBe(0);
  });

  it("refuses contiguity the layout lacks", () => {
    const strided = ints([2], [8]);
    const exporter = new LayoutExporter(new ArrayBuffer(16), 0, strided, false, "every other");
    const not = (what: string) => new BufferError(`every other: underlying buffer is not ${what}`);
    expect(() => getBuffer(exporter, PyBUF_ND)).toThrow(not("C-contiguous"));
    expect(() => getBuffer(exporter, PyBUF_C_CONTIGUOUS)).toThrow(not("C-contiguous"));
    expect(() => getBuffer(exporter, PyBUF_F_CONTIGUOUS)).toThrow(not("Fortran contiguous"));
    expect(() => getBuffer(exporter, PyBUF_ANY_CONTIGUOUS)).toThrow(not("contiguous"));
    releaseBuffer(getBuffer(exporter, PyBUF_STRIDES));
    expect(exporter.exports).toBe(0);
  });

  it("refuses memory that was shrunk or detached since", () => {
    const memory = new ArrayBuffer(16, { maxByteLength: 16 });
    const exporter = new LayoutExporter(memory, 4, ints([3]), false, "ints");
    releaseBuffer(getBuffer(exporter, PyBUF_FULL_RO));
    memory.resize(8);
    expect(() => getBuffer(exporter, PyBUF_FULL_RO)).toThrow(
      new BufferError(
        "ints: the underlying buffer was shrunk to 8 bytes, but the view needs bytes 4 to 16",
      ),
    );
    const plain = new ArrayBuffer(8);
    const empty = new LayoutExporter(plain, 0, ints([0]), false, "empty");
    structuredClone(plain, { transfer: [plain] });
    expect(() => getBuffer(empty, PyBUF_SIMPLE)).toThrow(
      new BufferError("empty: the underlying ArrayBuffer is detached"),
    );
    expect([exporter.exports, empty.exports]).toEqual([0, 0]);
  });

  it("checks what it is made of", () => {
    const layout = ints([2]);
    const make =
      (memory: unknown, buf: unknown, lay: unknown, name: unknown = "x") =>
      () =>
        new LayoutExporter(
          memory as Memory,
          buf as number,
          lay as VerifiedLayout,
          false,
          name as string,
        );
    expect(make(new Uint8Array(8), 0, layout)).toThrow(
      new TypeError(
        "LayoutExporter() memory must be an ArrayBuffer or SharedArrayBuffer, not 'Uint8Array'",
      ),
    );
    expect(make(new ArrayBuffer(8), -1, layout)).toThrow(
      new TypeError("LayoutExporter() buf must be a non-negative integer"),
    );
    expect(make(new ArrayBuffer(8), 0.5, layout)).toThrow(TypeError);
    expect(make(new ArrayBuffer(8), 0, { ...layout })).toThrow(
      new TypeError("LayoutExporter() layout must come from verifyLayout()"),
    );
    expect(make(new ArrayBuffer(8), 0, ints([2], [-4]))).toThrow(
      new BufferError("LayoutExporter(): the layout reaches 4 bytes before buf 0"),
    );
    expect(make(new ArrayBuffer(8), 0, layout, 5)).toThrow(
      new TypeError("LayoutExporter() name must be a string, not 'int'"),
    );
  });

  it("takes a SharedArrayBuffer", () => {
    const exporter = new LayoutExporter(new SharedArrayBuffer(8), 0, ints([2]), false, "shared");
    const view = getBuffer(exporter, PyBUF_RECORDS_RO);
    expect(view.memory).toBeInstanceOf(SharedArrayBuffer);
    releaseBuffer(view);
  });
});

describe("getBuffer's trust is not for sale", () => {
  it("does not extend to a subclass that overrides bf_getbuffer and changes the view", () => {
    class Lying extends LayoutExporter {
      override [bf_getbuffer](flags: number): BufferView {
        const view = super[bf_getbuffer](flags);
        view.buf = 64;
        return view;
      }
    }
    const exporter = new Lying(new ArrayBuffer(8), 0, ints([2]), false, "lying");
    expect(() => getBuffer(exporter, PyBUF_FULL_RO)).toThrow(
      new ValueError("buffer layout reaches bytes 64 to 72 outside its memory of 8 bytes"),
    );
    expect(exporter.exports).toBe(0);
  });

  it("reads bf_getbuffer once: a getter cannot show a trusted method and call another", () => {
    const nd = new NDBuffer(new ArrayBuffer(8), { shape: [8] });
    const trusted = NDBuffer.prototype[bf_getbuffer];
    const changing = (flags: number): BufferView => {
      const view = nd[bf_getbuffer](flags);
      view.len = 1 << 20; // a fresh checked record, changed
      return view;
    };
    // The getter answers NDBuffer's own method to the first `k` reads, then the changing
    // function: whichever read getBuffer calls, the view it gets is checked.
    for (let k = 0; k <= 3; k++) {
      let reads = 0;
      const sneaky = {
        get [bf_getbuffer]() {
          return ++reads <= k ? trusted : changing;
        },
      };
      expect(() => getBuffer(sneaky, PyBUF_FULL_RO)).toThrow();
    }
  });

  it("a Proxy that claims every mark cannot pass for a trusted method", () => {
    const nd = new NDBuffer(new ArrayBuffer(8), { shape: [8] });
    const changing = (flags: number): BufferView => {
      const view = nd[bf_getbuffer](flags);
      view.len = 1 << 20;
      return view;
    };
    const liar = new Proxy(changing, { get: (target, key) => Reflect.get(target, key) ?? true });
    expect(() => getBuffer({ [bf_getbuffer]: liar }, PyBUF_FULL_RO)).toThrow(BufferError);
  });

  it("reads its state once: a Proxy for the exporter cannot change buf after the checks", () => {
    const exporter = new LayoutExporter(new ArrayBuffer(8), 0, ints([2]), false, "ints");
    releaseBuffer(getBuffer(exporter, PyBUF_FULL_RO)); // the request is now known to be met
    const reads = new Map<PropertyKey, number>();
    const proxy = new Proxy(exporter, {
      get(target, key, receiver) {
        const n = (reads.get(key) ?? 0) + 1;
        reads.set(key, n);
        const value = Reflect.get(target, key, receiver);
        // Every read of the state after the first answers a buf far past the memory.
        const isBuf = typeof key === "symbol" && key.description === "pybuffer: LayoutExporter buf";
        return isBuf && n > 1 ? 1 << 20 : value;
      },
    });
    let handedOut = 0;
    for (let i = 0; i < 3; i++) {
      let view: BufferView | null = null;
      try {
        view = getBuffer(proxy, PyBUF_FULL_RO);
      } catch {
        // Refusing is fine; handing out a view past the memory is not.
      }
      if (view !== null) {
        expect(view.buf + view.len).toBeLessThanOrEqual(8);
        releaseBuffer(view);
        handedOut++;
      }
    }
    expect(handedOut).toBe(1); // the first request, whose reads were all first reads
  });

  it("trusted methods are frozen (no own `call` can stand in)", () => {
    expect(Object.isFrozen(LayoutExporter.prototype[bf_getbuffer])).toBe(true);
    expect(Object.isFrozen(NDBuffer.prototype[bf_getbuffer])).toBe(true);
  });

  it("state changed by reflection fails the request instead of passing unchecked", () => {
    const exporter = new LayoutExporter(new ArrayBuffer(8), 0, ints([2]), false, "ints");
    releaseBuffer(getBuffer(exporter, PyBUF_FULL_RO));
    const keys = Object.getOwnPropertySymbols(exporter);
    const target = exporter as unknown as Record<symbol, unknown>;
    const memoryKey = keys.find((k) => target[k] instanceof ArrayBuffer) as symbol;
    target[memoryKey] = { byteLength: 1 << 30 };
    expect(() => getBuffer(exporter, PyBUF_FULL_RO)).toThrow(TypeError);
    target[memoryKey] = new ArrayBuffer(4);
    expect(() => getBuffer(exporter, PyBUF_FULL_RO)).toThrow(BufferError);
  });
});
