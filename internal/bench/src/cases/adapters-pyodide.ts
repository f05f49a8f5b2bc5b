/**
 * `@pybuffer/pyodide` rows (issue 15): the wrap + view + release of a PyProxy, through
 * `fromPyodide` and through the umbrella's lookup (`lookupPyodide`), beside the target
 * (Pyodide's own `getBuffer('u8')` + release plus our usual wrap of its data, in one row),
 * the same over a held PyBufferView and our TypedArray adapter's wrap; reading 1M `'d'`
 * items through a memoryview over the Pyodide heap, beside the TypedArray adapter's.
 */
import { getBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { MemoryView } from "@pybuffer/memoryview";
import { fromPyodide, lookupPyodide } from "@pybuffer/pyodide";
import { fromTypedArray } from "@pybuffer/typedarray";
import type { OursCase } from "../case.js";
import type { ReadData, WrapData } from "../sections/pyodide.js";

const RING = 64;

function wrapRow(name: string, wrap: (d: WrapData) => object): OursCase<WrapData> {
  return {
    section: "pyodide-wrap",
    name,
    output: "value",
    setup: (d) => () => {
      const ring = new Array<Uint8Array>(RING);
      for (let k = 0; k < d.ops; k++) {
        const view = getBuffer(wrap(d), PyBUF_FULL_RO);
        ring[k & (RING - 1)] = new Uint8Array(view.memory, view.buf, view.len);
        releaseBuffer(view);
      }
      return ring;
    },
  };
}

export const cases: OursCase<never>[] = [
  wrapRow("getBuffer(fromPyodide(proxy)) + releaseBuffer", (d) =>
    fromPyodide(d.proxy as never),
  ) as OursCase<never>,
  wrapRow(
    "getBuffer(lookupPyodide(proxy)) + releaseBuffer (the umbrella's lookup)",
    (d) => lookupPyodide(d.proxy) as object,
  ) as OursCase<never>,
  {
    section: "pyodide-wrap",
    name: "target: Pyodide's getBuffer('u8') + release, plus getBuffer(fromTypedArray(its data)) + releaseBuffer",
    output: "value",
    setup: ((d: WrapData) => () => {
      const ring = new Array<Uint8Array>(RING);
      for (let k = 0; k < d.ops; k++) {
        const pb = d.proxy.getBuffer("u8");
        const view = getBuffer(fromTypedArray(pb.data as Uint8Array), PyBUF_FULL_RO);
        ring[k & (RING - 1)] = new Uint8Array(view.memory, view.buf, view.len);
        releaseBuffer(view);
        pb.release();
      }
      return ring;
    }) as never,
  },
  {
    section: "pyodide-wrap",
    name: "getBuffer(fromPyodide(held PyBufferView)) + releaseBuffer (no Python call)",
    output: "value",
    setup: ((d: WrapData) => {
      const pb = d.proxy.getBuffer("u8");
      return () => {
        const ring = new Array<Uint8Array>(RING);
        for (let k = 0; k < d.ops; k++) {
          const view = getBuffer(fromPyodide(pb as never), PyBUF_FULL_RO);
          ring[k & (RING - 1)] = new Uint8Array(view.memory, view.buf, view.len);
          releaseBuffer(view);
        }
        return ring;
      };
    }) as never,
  },
  wrapRow("getBuffer(fromTypedArray(same bytes in JS)) + releaseBuffer", (d) =>
    fromTypedArray(d.bytes),
  ) as OursCase<never>,
  {
    section: "pyodide-read-d",
    name: "memoryview(fromPyodide(proxy)).toList()",
    output: "list",
    setup: ((d: ReadData) => () => {
      const m = new MemoryView(fromPyodide(d.proxy as never));
      const out = m.toList();
      m.release();
      return out;
    }) as never,
  },
  {
    section: "pyodide-read-d",
    name: "memoryview(fromTypedArray(same items in JS)).toList()",
    output: "list",
    setup: ((d: ReadData) => () => {
      const m = new MemoryView(fromTypedArray(d.items));
      const out = m.toList();
      m.release();
      return out;
    }) as never,
  },
];
