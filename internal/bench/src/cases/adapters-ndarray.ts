/**
 * `@pybuffer/ndarray` rows for section `ndarray-wrap`: the wrap of a scijs or stdlib
 * array (`fromNdarray`) + getBuffer + a read through the view + release, beside the same
 * with the TypedArray adapter (`fromTypedArray` with the array's shape), and the way back
 * (`toNdarray`, `toStdlib` of a view in hand, then the library's `get`).
 */
import { type BufferView, getBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { fromNdarray, toNdarray, toStdlib } from "@pybuffer/ndarray";
import { fromTypedArray } from "@pybuffer/typedarray";
import Stdlib from "@stdlib/ndarray/ctor";
import scijs from "ndarray";
import type { OursCase } from "../case.js";
import { type NdarrayData, SIDE } from "../sections/ndarray-wrap.js";

/** Element (1, 2) of `view`, read through its strides. */
function read(f64: Float64Array, view: BufferView): number {
  const strides = view.strides as number[];
  return f64[(view.buf + (strides[0] as number) + 2 * (strides[1] as number)) / 8] as number;
}

/** The timed loop of a wrap row: `wrap()` once per op, then a view, a read, a release. */
function wrapRow(name: string, wrap: (d: NdarrayData) => () => unknown): OursCase<NdarrayData> {
  return {
    section: "ndarray-wrap",
    name,
    output: "value",
    setup: (d) => {
      const f64 = new Float64Array(d.data.buffer);
      const make = wrap(d);
      return () => {
        let sum = 0;
        for (let k = 0; k < d.ops; k++) {
          const view = getBuffer(make(), PyBUF_FULL_RO);
          sum += read(f64, view);
          releaseBuffer(view);
        }
        return sum;
      };
    },
  };
}

/** A row converting a held view back into a library's array, then reading with `get`. */
function backRow(
  name: string,
  convert: (view: BufferView) => { get(i: number, j: number): unknown },
): OursCase<NdarrayData> {
  return {
    section: "ndarray-wrap",
    name,
    output: "value",
    setup: (d) => {
      const view = getBuffer(fromNdarray(scijs(d.data, [SIDE, SIDE])), PyBUF_FULL_RO);
      return () => {
        let sum = 0;
        for (let k = 0; k < d.ops; k++) sum += convert(view).get(1, 2) as number;
        return sum;
      };
    },
  };
}

export const cases: OursCase<NdarrayData>[] = [
  wrapRow("fromTypedArray(data, { shape: [64, 64] }) + getBuffer + read + release", (d) => {
    return () => fromTypedArray(d.data, { shape: [SIDE, SIDE] });
  }),
  wrapRow("fromNdarray(scijs x) + getBuffer + read + release", (d) => {
    const x = scijs(d.data, [SIDE, SIDE]);
    return () => fromNdarray(x);
  }),
  wrapRow("fromNdarray(stdlib x) + getBuffer + read + release", (d) => {
    const x = new Stdlib("float64", d.data, [SIDE, SIDE], [SIDE, 1], 0, "row-major");
    return () => fromNdarray(x);
  }),
  wrapRow("fromNdarray(scijs x.transpose(1, 0)) + getBuffer + read + release", (d) => {
    // The transposed array, read at (1, 2): element (2, 1) of the data, so read (1, 2) of
    // the transpose of the transpose to keep the row's result the same.
    const x = scijs(d.data, [SIDE, SIDE]).transpose(1, 0).transpose(1, 0);
    return () => fromNdarray(x);
  }),
  backRow("toNdarray(view, ndarray).get(1, 2)", (view) => toNdarray(view, scijs)),
  backRow("toStdlib(view, ndarray).get(1, 2)", (view) => toStdlib(view, Stdlib)),
];
