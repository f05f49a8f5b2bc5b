/**
 * The ndarray adapters' per-call cost (`@pybuffer/ndarray`): wrap a 64×64 float64 array,
 * export it, read element (1, 2) through the view, release; beside the hand-written
 * typed-array read, the libraries' own element access (`get(1, 2)` on an array in hand,
 * and a fresh array made and read, the nearest thing to a wrap they have) and CPython's
 * `memoryview(b).cast('d', (64, 64))[1, 2]`. The sum of the reads is the result.
 */
import Stdlib from "@stdlib/ndarray/ctor";
import scijs from "ndarray";
import type { Section } from "../case.js";
import { check } from "../case.js";
import { OPS, randomDoubles, u8 } from "../data-memory.js";

export interface NdarrayData {
  /** 64 × 64 doubles, C order. */
  readonly data: Float64Array<ArrayBuffer>;
  readonly ops: number;
  /** The sum every row returns: `ops` reads of element (1, 2), added in order. */
  readonly expected: number;
}

export const SIDE = 64;
/** Flat index of element (1, 2). */
export const AT = SIDE + 2;

export const ndarrayWrap: Section<NdarrayData> = {
  id: "ndarray-wrap",
  title: "wrap a 64×64 `'d'` ndarray, export, read `[1, 2]`, release",
  unit: "op",
  make: (scale) => {
    const data = randomDoubles(SIDE * SIDE, 21);
    const ops = OPS[scale];
    let expected = 0;
    for (let k = 0; k < ops; k++) expected += data[AT] as number;
    return { data, ops, expected };
  },
  items: (d) => d.ops,
  checks: {
    value: (out, d) => check(out === d.expected, () => `sum ${String(out)} != ${d.expected}`),
  },
  rows: () => [
    {
      name: "new Float64Array(buffer)[1 * 64 + 2]",
      kind: "js",
      output: "value",
      setup:
        ({ data, ops }) =>
        () => {
          let sum = 0;
          for (let k = 0; k < ops; k++) sum += new Float64Array(data.buffer)[AT] as number;
          return sum;
        },
    },
    {
      name: "scijs x.get(1, 2) (array in hand)",
      kind: "peer",
      output: "value",
      setup: ({ data, ops }) => {
        const x = scijs(data, [SIDE, SIDE]);
        return () => {
          let sum = 0;
          for (let k = 0; k < ops; k++) sum += x.get(1, 2);
          return sum;
        };
      },
    },
    {
      name: "scijs ndarray(data, [64, 64]).get(1, 2)",
      kind: "peer",
      output: "value",
      setup:
        ({ data, ops }) =>
        () => {
          let sum = 0;
          for (let k = 0; k < ops; k++) sum += scijs(data, [SIDE, SIDE]).get(1, 2);
          return sum;
        },
    },
    {
      name: "stdlib x.get(1, 2) (array in hand)",
      kind: "peer",
      output: "value",
      setup: ({ data, ops }) => {
        const x = new Stdlib("float64", data, [SIDE, SIDE], [SIDE, 1], 0, "row-major");
        return () => {
          let sum = 0;
          for (let k = 0; k < ops; k++) sum += x.get(1, 2) as number;
          return sum;
        };
      },
    },
    {
      name: "stdlib new ndarray('float64', data, …).get(1, 2)",
      kind: "peer",
      output: "value",
      setup:
        ({ data, ops }) =>
        () => {
          let sum = 0;
          for (let k = 0; k < ops; k++) {
            const x = new Stdlib("float64", data, [SIDE, SIDE], [SIDE, 1], 0, "row-major");
            sum += x.get(1, 2) as number;
          }
          return sum;
        },
    },
  ],
  pythonFiles: (d) => ({
    "ndarray-wrap.bin": u8(d.data),
    "ndarray-wrap.json": JSON.stringify({ ops: d.ops, side: SIDE, expected: d.expected }),
  }),
};
