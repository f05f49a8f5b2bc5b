/**
 * `@pybuffer/memoryview` rows (perf-baseline section 4): tolist, create + slice + release,
 * cast, hex, ==, strided tobytes and slice assignment, each doing what the CPython row
 * does, over an `NDBuffer` exporter of the section's bytes.
 */
import { NDBuffer } from "@pybuffer/core";
import { MemoryView, Slice } from "@pybuffer/memoryview";
import { MemoryView as UmbrellaView } from "pybuffer";
import type { OursCase } from "../case.js";

const RING = 64;

interface ListData {
  readonly items: Float64Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;
}
interface OpsData {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly ops: number;
}
interface EqualsData {
  readonly a: Float64Array<ArrayBuffer>;
  readonly b: Float64Array<ArrayBuffer>;
}
interface StridedData {
  readonly src: Uint8Array<ArrayBuffer>;
}
interface MatrixData {
  readonly side: number;
  readonly src: Uint32Array<ArrayBuffer>;
}

function over(data: ArrayBufferView<ArrayBuffer>, format: string, readonly = true): MemoryView {
  const itemsize = format === "d" ? 8 : format === "I" ? 4 : 1;
  const n = data.byteLength / itemsize;
  return new MemoryView(
    new NDBuffer(data.buffer, { shape: [n], format, offset: data.byteOffset, readonly }),
  );
}

function tolist(section: string, format: string): OursCase<never> {
  return {
    section,
    name: "memoryview(x).toList()",
    output: "list",
    setup: ((d: ListData) => {
      const m = over(d.items, format);
      return () => m.toList();
    }) as never,
  };
}

export const cases: OursCase<never>[] = [
  tolist("tolist-d", "d"),
  tolist("tolist-B", "B"),
  {
    section: "slice-release",
    name: "memoryview(b); m.slice(10, 20); m.release()",
    output: "value",
    setup: ((d: OpsData) => {
      const exporter = new NDBuffer(d.bytes.buffer, { shape: [d.bytes.length], readonly: true });
      return () => {
        const ring = new Array<MemoryView>(RING);
        for (let k = 0; k < d.ops; k++) {
          const m = new MemoryView(exporter);
          const s = m.slice(10, 20);
          m.release();
          // The slice that falls out of the ring goes, as CPython frees it.
          ring[k & (RING - 1)]?.release();
          ring[k & (RING - 1)] = s;
        }
        const out = ring.map((s) => s.toBytes());
        for (const s of ring) s.release();
        return out;
      };
    }) as never,
  },
  {
    section: "slice-release",
    name: "the umbrella's: pybuffer's MemoryView(b); m.slice(10, 20); m.release()",
    output: "value",
    // The class most users get (`import { MemoryView } from "pybuffer"`), a subclass that
    // also takes JavaScript's binary types. Written out rather than shared with the row
    // above: closures made at one site share V8's type feedback.
    setup: ((d: OpsData) => {
      const exporter = new NDBuffer(d.bytes.buffer, { shape: [d.bytes.length], readonly: true });
      return () => {
        const ring = new Array<UmbrellaView>(RING);
        for (let k = 0; k < d.ops; k++) {
          const m = new UmbrellaView(exporter);
          const s = m.slice(10, 20);
          m.release();
          ring[k & (RING - 1)]?.release();
          ring[k & (RING - 1)] = s;
        }
        const out = ring.map((s) => s.toBytes());
        for (const s of ring) s.release();
        return out;
      };
    }) as never,
  },
  {
    section: "cast",
    name: "m.cast('B').cast('I')",
    output: "value",
    setup: ((d: OpsData) => {
      const m = over(d.bytes, "B", false);
      return () => {
        const ring = new Array<MemoryView>(RING);
        for (let k = 0; k < d.ops; k++) {
          const b = m.cast("B");
          ring[k & (RING - 1)]?.release();
          ring[k & (RING - 1)] = b.cast("I");
          b.release();
        }
        return ring;
      };
    }) as never,
  },
  {
    section: "hex",
    name: "memoryview(b).hex()",
    output: "string",
    setup: ((d: OpsData) => {
      const m = over(d.bytes, "B");
      return () => m.hex();
    }) as never,
  },
  {
    section: "equals-d",
    name: "memoryview(a).equals(memoryview(b)[::2])",
    output: "value",
    setup: ((d: EqualsData) => {
      const a = over(d.a, "d");
      const b = over(d.b, "d").slice(null, null, 2);
      return () => a.equals(b);
    }) as never,
  },
  {
    section: "tobytes-step2",
    name: "m.slice(null, null, 2).toBytes()",
    output: "bytes",
    setup: ((d: StridedData) => {
      const m = over(d.src, "B").slice(null, null, 2);
      return () => m.toBytes();
    }) as never,
  },
  {
    section: "tobytes-transpose",
    name: "memoryview(a.T).toBytes()",
    output: "bytes",
    setup: ((d: MatrixData) => {
      const nd = new NDBuffer(d.src.buffer, {
        shape: [d.side, d.side],
        strides: [4, 4 * d.side],
        format: "I",
        readonly: true,
      });
      const m = new MemoryView(nd);
      return () => m.toBytes();
    }) as never,
  },
  {
    section: "copy-contiguous",
    name: "m.set(new Slice(), src) (slice assignment)",
    output: "bytes",
    setup: ((d: StridedData) => {
      const dest = new Uint8Array(d.src.length);
      const target = over(dest, "B", false);
      const src = over(d.src, "B");
      const all = new Slice();
      return () => {
        target.set(all, src);
        return dest;
      };
    }) as never,
  },
];
