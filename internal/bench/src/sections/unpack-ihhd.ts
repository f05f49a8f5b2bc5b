/** unpack `<IHHd` × N records (perf-baseline section 1). Input: `IHHdData.bytes`. */
import structjs from "@aksel/structjs";
import bufferpack from "bufferpack";
import jspackModule from "jspack";
import pythonStruct from "python-struct";
import type { Section } from "../case.js";
import { checkColumns, checkRecords, sameNumber } from "../checks.js";
import {
  type IHHdData,
  jsonWithBigInts,
  makeIHHd,
  RECORDS,
  sampleIndexes,
} from "../data-struct.js";
import { structRow } from "../ours/struct.js";

const FORMAT = "<IHHd";
const { jspack } = jspackModule;

function dataViewTuples({ bytes, n }: IHHdData): () => unknown {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return () => {
    const out = new Array(n);
    for (let i = 0, p = 0; i < n; i++, p += 16) {
      out[i] = [
        dv.getUint32(p, true),
        dv.getUint16(p + 4, true),
        dv.getUint16(p + 6, true),
        dv.getFloat64(p + 8, true),
      ];
    }
    return out;
  };
}

function dataViewColumns({ bytes, n }: IHHdData): () => unknown {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return () => {
    const a = new Uint32Array(n);
    const b = new Uint16Array(n);
    const c = new Uint16Array(n);
    const d = new Float64Array(n);
    for (let i = 0, p = 0; i < n; i++, p += 16) {
      a[i] = dv.getUint32(p, true);
      b[i] = dv.getUint16(p + 4, true);
      c[i] = dv.getUint16(p + 6, true);
      d[i] = dv.getFloat64(p + 8, true);
    }
    return [a, b, c, d];
  };
}

/** The least an iterator over `<IHHd` records does: see the floor row. */
class FloorIterator implements IterableIterator<unknown[]> {
  #off = 0;
  readonly #dv: DataView;
  readonly #step: { value: unknown[] | undefined; done: boolean } = {
    value: undefined,
    done: false,
  };

  constructor(dv: DataView) {
    this.#dv = dv;
  }

  next(): IteratorResult<unknown[], undefined> {
    const dv = this.#dv;
    const p = this.#off;
    const step = this.#step;
    if (p >= dv.byteLength) {
      step.value = undefined;
      step.done = true;
    } else {
      step.value = [
        dv.getUint32(p, true),
        dv.getUint16(p + 4, true),
        dv.getUint16(p + 6, true),
        dv.getFloat64(p + 8, true),
      ];
      this.#off = p + 16;
    }
    return step as IteratorResult<unknown[], undefined>;
  }

  [Symbol.iterator](): FloorIterator {
    return this;
  }
}

function loop(n: number, record: (offset: number) => unknown): () => unknown {
  return () => {
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = record(i * 16);
    return out;
  };
}

export const unpackIHHd: Section<IHHdData> = {
  id: "unpack-IHHd",
  title: "unpack `<IHHd`",
  unit: "record",
  make: (scale) => makeIHHd(RECORDS[scale]),
  items: (d) => d.n,
  checks: {
    tuples: (out, d) => checkRecords(out, d.tuples, sameNumber),
    columns: (out, d) => checkColumns(out, d.tuples, sameNumber),
  },
  rows: () => [
    {
      name: "DataView loop -> array of 4-arrays",
      kind: "js",
      output: "tuples",
      setup: dataViewTuples,
    },
    {
      name: "DataView loop -> 4 typed-array columns",
      kind: "js",
      output: "columns",
      setup: dataViewColumns,
    },
    {
      // The floor under `Array.from(Struct.iterUnpack(...))`: the iterator protocol alone
      // (a plain iterator, one reused result object, DataView reads, no checks at all).
      name: "floor: Array.from over a plain iterator, unchecked",
      kind: "js",
      output: "tuples",
      setup: ({ bytes }) => {
        const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        return () => Array.from(new FloorIterator(dv));
      },
    },
    structRow(
      "Struct.iterUnpack -> arrays",
      "tuples",
      FORMAT,
      "iterUnpack",
      (s, d: IHHdData) => () => Array.from(s.iterUnpack(d.bytes) as Iterable<unknown>),
    ),
    structRow(
      "Struct.unpackColumns -> typed arrays",
      "columns",
      FORMAT,
      "unpackColumns",
      (s, d: IHHdData) => () => s.unpackColumns(d.bytes),
    ),
    {
      name: "python-struct unpackFrom loop",
      kind: "peer",
      output: "tuples",
      setup: (d) => {
        const buf = Buffer.from(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength);
        return loop(d.n, (p) => pythonStruct.unpackFrom(FORMAT, buf, false, p));
      },
    },
    {
      name: "@aksel/structjs unpack_from loop",
      kind: "peer",
      output: "tuples",
      setup: (d) => {
        const s = structjs(FORMAT);
        return loop(d.n, (p) => s.unpack_from(d.bytes.buffer, p));
      },
    },
    {
      name: "bufferpack unpack loop",
      kind: "peer",
      output: "tuples",
      setup: (d) => {
        const buf = Buffer.from(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength);
        return loop(d.n, (p) => bufferpack.unpack(FORMAT, buf, p));
      },
    },
    {
      name: "jspack Unpack loop",
      kind: "peer",
      output: "tuples",
      setup: (d) => loop(d.n, (p) => jspack.Unpack(FORMAT, d.bytes, p)),
    },
  ],
  pythonFiles: (d) => ({
    "unpack-IHHd.bin": d.bytes,
    "unpack-IHHd.json": jsonWithBigInts({
      samples: sampleIndexes(d.n).map((i) => [i, d.tuples[i]]),
      n: d.n,
    }),
  }),
};
