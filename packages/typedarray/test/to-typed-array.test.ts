import {
  bf_getbuffer,
  exportCount,
  getBuffer,
  PyBUF_FULL_RO,
  PyBUF_SIMPLE,
  releaseBuffer,
} from "@pybuffer/core";
import { BufferError, NotImplementedError, ValueError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { ByteArray } from "../src/byte-array.js";
import { fromArrayBuffer } from "../src/from-buffer.js";
import { fromDataView, fromTypedArray } from "../src/from-typed-array.js";
import { float16ArrayConstructor } from "../src/kinds.js";
import type { MemoryExporter } from "../src/memory-exporter.js";
import { toArrayBuffer, toDataView } from "../src/to-data-view.js";
import { type ToTypedArrayOptions, toTypedArray } from "../src/to-typed-array.js";
import { KINDS } from "./kinds-table.js";

describe("toTypedArray: zero-copy", () => {
  it("aliases every kind, honouring byteOffset", () => {
    for (const [ctor] of KINDS) {
      if (ctor === Uint8ClampedArray) continue; // comes back as Uint8Array, tested below
      const source = new ctor(new ArrayBuffer(64), 8, 3);
      const back = toTypedArray(fromTypedArray(source, { shape: [1, 3] }));
      expect(back.constructor).toBe(ctor);
      expect([back.buffer, back.byteOffset, back.length]).toEqual([source.buffer, 8, 3]);
    }
  });

  it("gives Uint8Array, never the clamping kind, for B", () => {
    const back = toTypedArray(new Uint8ClampedArray([1, 2]));
    expect(back).toBeInstanceOf(Uint8Array);
    expect(back).not.toBeInstanceOf(Uint8ClampedArray);
  });

  it("accepts JavaScript binary values and views in hand", () => {
    const ab = new ArrayBuffer(8);
    expect(toTypedArray(ab).buffer).toBe(ab);
    const exporter = fromArrayBuffer(ab, { format: "<i" });
    const view = getBuffer(exporter, PyBUF_FULL_RO);
    const ints = toTypedArray(view);
    expect([ints.constructor, ints.length]).toEqual([Int32Array, 2]);
    expect(exporter.exports).toBe(1); // a view passed in stays the caller's to release
    releaseBuffer(view);
    expect(() => toTypedArray(view)).toThrow(ValueError);
    expect(() => toDataView(view)).toThrow(
      "toDataView: operation forbidden on a released buffer view",
    );
  });

  it("releases the export it took from an exporter", () => {
    const ba = new ByteArray([1, 2, 3]);
    const alias = toTypedArray(ba);
    expect(ba.exports).toBe(0);
    alias[0] = 9;
    expect(ba.toBytes()[0]).toBe(9);
  });

  it("aliases shared memory", () => {
    const shared = new Int32Array(new SharedArrayBuffer(16), 4, 2);
    const back = toTypedArray(fromTypedArray(shared));
    expect([back.buffer, back.byteOffset, back.length]).toEqual([shared.buffer, 4, 2]);
  });

  it("reads a view without format (a PyBUF_SIMPLE request) as bytes", () => {
    const ints = new Int32Array([1, 2]);
    const view = getBuffer(fromTypedArray(ints), PyBUF_SIMPLE);
    const bytes = toTypedArray(view);
    expect([bytes.constructor, bytes.length, bytes.buffer]).toEqual([Uint8Array, 8, ints.buffer]);
    releaseBuffer(view);
  });

  it("maps l/L/n/N/P by item size, per ABI", () => {
    expect(toTypedArray(fromArrayBuffer(new ArrayBuffer(16), { format: "l" })).constructor).toBe(
      BigInt64Array,
    );
    const wasm = fromArrayBuffer(new ArrayBuffer(16), { format: "L", abi: "wasm32" });
    expect(toTypedArray(wasm).constructor).toBe(Uint32Array);
  });

  it("aliases an empty view, even at an unaligned place", () => {
    const empty = toTypedArray(
      fromDataView(new DataView(new ArrayBuffer(4), 1, 0), { format: "i" }),
    );
    expect([empty.constructor, empty.length]).toEqual([Int32Array, 0]);
  });
});

describe("toTypedArray: when aliasing is impossible", () => {
  const cases: [string, () => MemoryExporter, string][] = [
    [
      "strided",
      () => fromTypedArray(new Int16Array([1, 2, 3, 4]), { shape: [2], strides: [4] }),
      "the view is not C-contiguous",
    ],
    [
      "reversed",
      () => fromTypedArray(new Int16Array([1, 2, 3, 4]), { shape: [4], strides: [-2], offset: 6 }),
      "the view is not C-contiguous",
    ],
    [
      "unaligned",
      () => fromDataView(new DataView(new ArrayBuffer(9), 1), { format: "<i" }),
      "its first item, at byte 1, is not aligned to 4 bytes",
    ],
    [
      "big-endian",
      () => fromDataView(new DataView(new ArrayBuffer(8)), { format: ">i" }),
      "format '>i' is not in the platform's byte order",
    ],
  ];

  it.each(cases)("%s: BufferError saying why without copy", (_name, make, why) => {
    expect(() => toTypedArray(make())).toThrow(BufferError);
    expect(() => toTypedArray(make())).toThrow(
      `toTypedArray: cannot alias the memory: ${why}; pass { copy: true }`,
    );
  });

  it("copies a strided view in C order with copy: true", () => {
    const back = toTypedArray(cases[0]![1](), { copy: true });
    expect(Array.from(back as Int16Array)).toEqual([1, 3]);
    const reversed = toTypedArray(cases[1]![1](), { copy: true });
    expect(Array.from(reversed as Int16Array)).toEqual([4, 3, 2, 1]);
  });

  it("copies an unaligned view, and byte-swaps a big-endian one", () => {
    const dv = new DataView(new ArrayBuffer(9), 1);
    dv.setInt32(0, -5, true);
    dv.setInt32(4, 7, true);
    expect(
      Array.from(toTypedArray(fromDataView(dv, { format: "<i" }), { copy: true }) as Int32Array),
    ).toEqual([-5, 7]);
    const be = new DataView(new ArrayBuffer(16));
    be.setFloat64(0, 1.5, false);
    be.setFloat64(8, -2, false);
    expect(
      Array.from(toTypedArray(fromDataView(be, { format: ">d" }), { copy: true }) as Float64Array),
    ).toEqual([1.5, -2]);
  });

  it("always copies with copy: 'always'", () => {
    const source = new Uint32Array([1, 2]);
    const copy = toTypedArray(source, { copy: "always" });
    expect(copy.buffer).not.toBe(source.buffer);
    expect(Array.from(copy as Uint32Array)).toEqual([1, 2]);
  });

  it("raises NotImplementedError for formats without a kind, pointing to toDataView", () => {
    const records = fromDataView(new DataView(new ArrayBuffer(12)), { format: "<iq", shape: [1] });
    expect(() => toTypedArray(records, { copy: true })).toThrow(NotImplementedError);
    expect(() => toTypedArray(records)).toThrow("toDataView() reads any format");
  });

  it("handles e with Float16Array where present, with a clear error where not", () => {
    const halves = fromDataView(new DataView(new Uint8Array([0, 0x3c, 0, 0xc0]).buffer), {
      format: "<e",
    });
    if (float16ArrayConstructor() === undefined) {
      expect(() => toTypedArray(halves)).toThrow(
        "toTypedArray: format '<e' needs Float16Array, which this runtime does not have; toDataView() reads any format",
      );
      expect(toDataView(halves).getUint16(0, true)).toBe(0x3c00);
    } else {
      expect(Array.from(toTypedArray(halves) as unknown as ArrayLike<number>)).toEqual([1, -2]);
    }
  });

  it("refuses a read-only exporter when a writable result is asked for", () => {
    const ro = fromTypedArray(new Uint8Array(2), { readonly: true });
    expect(toTypedArray(ro)).toBeInstanceOf(Uint8Array);
    expect(() => toTypedArray(ro, { writable: true })).toThrow(BufferError);
  });
});

describe("toDataView and toArrayBuffer", () => {
  it("aliases any contiguous view, whatever its alignment or order", () => {
    const memory = new ArrayBuffer(9);
    const dv = toDataView(fromDataView(new DataView(memory, 1), { format: ">I" }));
    expect([dv.buffer, dv.byteOffset, dv.byteLength]).toEqual([memory, 1, 8]);
  });

  it("copies a strided view only when allowed", () => {
    const strided = () =>
      fromTypedArray(new Uint8Array([1, 2, 3, 4]), { shape: [2], strides: [2] });
    expect(() => toDataView(strided())).toThrow(
      "toDataView: cannot alias the memory: the view is not C-contiguous",
    );
    const dv = toDataView(strided(), { copy: true });
    expect([dv.getUint8(0), dv.getUint8(1), dv.byteLength]).toEqual([1, 3, 2]);
    expect(toDataView(new Uint8Array(2), { copy: "always" }).buffer.byteLength).toBe(2);
  });

  it("toArrayBuffer copies in C order, never sharing", () => {
    const grid = fromTypedArray(new Uint8Array([1, 2, 3, 4]), { shape: [2, 2], strides: [1, 2] });
    expect(new Uint8Array(toArrayBuffer(grid))).toEqual(new Uint8Array([1, 3, 2, 4]));
    const shared = new Uint8Array(new SharedArrayBuffer(2));
    const copy = toArrayBuffer(shared);
    expect(copy).toBeInstanceOf(ArrayBuffer);
    expect(copy.byteLength).toBe(2);
  });
});

describe("views whose memory went away", () => {
  it("refuses a view in hand whose ArrayBuffer was detached", () => {
    const ta = new Int32Array(4);
    const view = getBuffer(fromTypedArray(ta), PyBUF_FULL_RO);
    structuredClone(ta.buffer, { transfer: [ta.buffer] });
    expect(() => toTypedArray(view)).toThrow(ValueError);
    expect(() => toDataView(view)).toThrow(ValueError);
    expect(() => toArrayBuffer(view)).toThrow(ValueError);
    releaseBuffer(view);
  });

  it("refuses a view in hand whose resizable ArrayBuffer shrank", () => {
    const ab = new ArrayBuffer(16, { maxByteLength: 16 });
    const view = getBuffer(fromTypedArray(new Int32Array(ab, 4, 3)), PyBUF_FULL_RO);
    ab.resize(8);
    expect(() => toTypedArray(view)).toThrow(ValueError);
    expect(() => toTypedArray(view)).toThrow("outside its memory of 8 bytes");
    releaseBuffer(view);
  });
});

describe("toTypedArray over the package's own exporters", () => {
  // They are asked for their view directly; an exporter that only forwards to them goes
  // the general road. Both must give the same values, errors and export counts.
  const forward = (inner: MemoryExporter) => ({
    [bf_getbuffer]: (flags: number) => getBuffer(inner, flags),
  });

  it("gives the same results and errors as any other exporter", () => {
    const cases: [() => MemoryExporter, ToTypedArrayOptions | undefined][] = [
      [() => fromTypedArray(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), { format: "I" }), undefined],
      [() => fromTypedArray(new Int16Array([1, 2, 3, 4]), { shape: [2, 2] }), undefined],
      [() => fromTypedArray(new Uint8Array(8), { format: "I", offset: 1, shape: [1] }), undefined],
      [() => fromTypedArray(new Uint8Array(8), { format: "2i" }), undefined],
      [() => fromTypedArray(new Uint8Array(8), { readonly: true }), { writable: true }],
      [() => fromDataView(new DataView(new ArrayBuffer(8)), { format: ">i" }), { copy: true }],
      [() => new ByteArray([1, 2, 3]), { writable: true }],
    ];
    for (const [make, options] of cases) {
      const run = (source: unknown): unknown => {
        try {
          return Array.from(toTypedArray(source as MemoryExporter, options) as Iterable<number>);
        } catch (error) {
          return [(error as Error).constructor, (error as Error).message];
        }
      };
      const own = make();
      const other = make();
      expect(run(own)).toEqual(run(forward(other)));
      expect([own.exports, exportCount(own)]).toEqual([0, 0]);
      expect([other.exports, exportCount(other)]).toEqual([0, 0]);
    }
  });

  it("refuses a detached memory with the exporter's error", () => {
    const ta = new Uint8Array(8);
    const exporter = fromTypedArray(ta, { format: "I" });
    structuredClone(ta.buffer, { transfer: [ta.buffer] });
    expect(() => toTypedArray(exporter)).toThrow(BufferError);
    expect(() => toTypedArray(exporter)).toThrow(
      "fromTypedArray: the underlying ArrayBuffer is detached",
    );
    expect(exporter.exports).toBe(0);
  });
});
