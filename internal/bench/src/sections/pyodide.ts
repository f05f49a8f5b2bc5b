/**
 * Pyodide (issue 15): a Python object inside Pyodide seen from JavaScript. `pyodide-wrap`:
 * wrap a PyProxy of a `bytearray` and get a view, then release it (Pyodide's own
 * `getBuffer('u8')` + `release()` is the reference, our TypedArray wrap beside it);
 * `pyodide-read-d`: read 1M `'d'` items of a Python `array('d')` into a JS Array, through
 * Pyodide's `getBuffer().data`, through our view over the heap, and through our
 * TypedArray adapter over the same items in JS memory. Pyodide is loaded once, at import
 * (about 6 s, offline from the lockfile's `pyodide` package).
 */
import { loadPyodide } from "pyodide";
import type { Scale, Section } from "../case.js";
import { check } from "../case.js";
import { checkRecords, sameNumber } from "../checks.js";
import { ITEMS, randomBytes, randomDoubles, u8 } from "../data-memory.js";
import { sampleIndexes } from "../data-struct.js";

const RING = 64;
/** Wraps per timed call: a wrap costs microseconds (a call into Python). */
const WRAPS: Record<Scale, number> = { full: 20_000, quick: 200 };

export interface PyodideLike {
  runPython(code: string): unknown;
  globals: { set(name: string, value: unknown): void };
  toPy(value: unknown): unknown;
}

/** A PyProxy of a Python buffer, as far as the rows use it. */
export interface BufferProxy {
  getBuffer(type?: string): { data: ArrayBufferView; release(): void };
}

export const pyodide = (await loadPyodide()) as unknown as PyodideLike;

/** The fields of a PyBufferView an exporter reads besides `data`. */
interface LayoutFields {
  data: ArrayBufferView;
  format: string;
  itemsize: number;
  shape: number[];
  strides: number[];
  offset: number;
  readonly: boolean;
  release(): void;
}

export interface WrapData {
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** A Python `bytearray` with the same bytes. */
  readonly proxy: BufferProxy;
  readonly ops: number;
}

export interface ReadData {
  readonly items: Float64Array<ArrayBuffer>;
  /** A Python `array('d')` with the same items. */
  readonly proxy: BufferProxy;
}

/** Copies `bytes` into a new Python object made by `expr` of `b` (bytes). */
function inPython(expr: string, bytes: Uint8Array): BufferProxy {
  pyodide.globals.set("_b", pyodide.toPy(bytes));
  return pyodide.runPython(`_b = bytes(_b)\n${expr}`) as BufferProxy;
}

type WrapRow = ReturnType<Section<WrapData>["rows"]>[number];

/** Pyodide's own road, `ops` times: `getBuffer('u8')`, `read` of its fields, `release()`. */
function pyodideRow(name: string, read: (pb: LayoutFields) => number): WrapRow {
  return {
    name,
    kind: "js",
    output: "value",
    setup:
      ({ proxy, ops }) =>
      () => {
        const ring = new Array<Uint8Array>(RING);
        let sink = 0;
        for (let k = 0; k < ops; k++) {
          const pb = proxy.getBuffer("u8") as LayoutFields;
          ring[k & (RING - 1)] = pb.data as Uint8Array;
          sink += read(pb);
          pb.release();
        }
        check(sink > 0, () => "expected fields");
        return ring;
      },
  };
}

export const pyodideWrap: Section<WrapData> = {
  id: "pyodide-wrap",
  title: "wrap a Pyodide `bytearray` and get a view, release",
  unit: "op",
  make: (scale) => {
    const bytes = randomBytes(4096, 21);
    return { bytes, proxy: inPython("bytearray(_b)", bytes), ops: WRAPS[scale] };
  },
  items: (d) => d.ops,
  checks: {
    value: (out, d) => {
      const ring = out as Uint8Array[];
      check(ring.length === RING && ring[0]?.length === d.bytes.length, () => "expected views");
      check(ring[0]![17] === d.bytes[17], () => "view holds other bytes");
    },
  },
  rows: () => [
    pyodideRow("Pyodide: proxy.getBuffer('u8').data + release()", () => 1),
    // What any exporter over a PyProxy must add to Pyodide's own row: the layout of the
    // export (Pyodide's row reads only `data`). The fields are data properties of an
    // object Pyodide makes with Object.create + getOwnPropertyDescriptors.
    pyodideRow(
      "floor: getBuffer('u8') + reading its format, itemsize, shape, strides, offset, readonly + release()",
      (pb) =>
        pb.format.length +
        pb.itemsize +
        pb.shape.length +
        pb.strides.length +
        pb.offset +
        (pb.readonly ? 1 : 0),
    ),
  ],
  pythonFiles: (d) => ({
    "pyodide-wrap.bin": d.bytes,
    "pyodide-wrap.json": JSON.stringify({ ops: d.ops }),
  }),
};

export const pyodideReadD: Section<ReadData> = {
  id: "pyodide-read-d",
  title: "read 1M `'d'` items of a Python `array('d')` into an Array",
  unit: "item",
  make: (scale) => {
    const items = randomDoubles(ITEMS[scale], 22);
    return { items, proxy: inPython("import array\narray.array('d', _b)", u8(items)) };
  },
  items: (d) => d.items.length,
  checks: {
    list: (out, d) => {
      check(Array.isArray(out) && out.length === d.items.length, () => "expected every item");
      const got = out as number[];
      checkRecords(
        sampleIndexes(got.length).map((i) => [got[i]]),
        sampleIndexes(got.length).map((i) => [d.items[i]!]),
        sameNumber,
      );
    },
  },
  rows: () => [
    {
      name: "Pyodide: index loop over getBuffer().data",
      kind: "js",
      output: "list",
      setup:
        ({ proxy }) =>
        () => {
          const pb = proxy.getBuffer();
          const data = pb.data as Float64Array;
          const out = new Array(data.length);
          for (let i = 0; i < data.length; i++) out[i] = data[i];
          pb.release();
          return out;
        },
    },
    {
      name: "Pyodide: Array.from(getBuffer().data)",
      kind: "peer",
      output: "list",
      setup:
        ({ proxy }) =>
        () => {
          const pb = proxy.getBuffer();
          const out = Array.from(pb.data as Float64Array);
          pb.release();
          return out;
        },
    },
  ],
  pythonFiles: (d) => ({ "pyodide-read-d.bin": u8(d.items) }),
};
