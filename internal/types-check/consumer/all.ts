// Every published entry point, imported as a consumer would, and used enough that the
// declarations' types are exercised (checked with skipLibCheck off).

import { fromBlob, iterUnpackBlob, toBlob } from "@pybuffer/blob";
import { getBuffer, NDBuffer, PyBUF_FULL_RO, releaseBuffer, toContiguous } from "@pybuffer/core";
import { buffer } from "@pybuffer/legacy";
import { memoryview as mv } from "@pybuffer/memoryview";
import { fromNdarray, type ScijsData, toNdarray, toStdlib } from "@pybuffer/ndarray";
import { fromNodeBuffer, toNodeBuffer } from "@pybuffer/node-buffer";
import { descrFromFormat, formatFromDescr, loadNpy, type NpyArray, saveNpy } from "@pybuffer/npy";
import { fromPyodide, isPyProxy, type PyodideExporter } from "@pybuffer/pyodide";
import { calcSize, parseFormat, recordKeys, Struct, unpackFrom } from "@pybuffer/struct";
import { BufferError, StructError } from "@pybuffer/struct/errors";
import { fromTypedArray, toTypedArray } from "@pybuffer/typedarray";
import { type MemoryView, memoryview, pack, unpack } from "pybuffer";
import * as blob from "pybuffer/blob";
import * as legacy from "pybuffer/legacy";
import * as ndarray from "pybuffer/ndarray";
import { saveNpy as saveNpyOf } from "pybuffer/npy";
import * as pyodide from "pybuffer/pyodide";
import * as typedarray from "pybuffer/typedarray";

const bytes = pack("<hI", 1, 2);
const values: unknown[] = unpack("<hI", bytes);
const size: number = calcSize("<hI") + new Struct("<d").size + unpackFrom("<h", bytes).length;
const nd = new NDBuffer(new ArrayBuffer(8), { shape: [2, 4], format: "B" });
const view = getBuffer(nd, PyBUF_FULL_RO);
const copy: Uint8Array = toContiguous(view, "F");
releaseBuffer(view);
const m: MemoryView = memoryview(new Float64Array(4));
const list = mv(nd).toList();
const ta = toTypedArray(fromTypedArray(new Int16Array(4)));
const legacyBuffer = buffer(new Uint8Array(4), 1, 2);
const node = toNodeBuffer(fromNodeBuffer(Buffer.from("abc")));
async function blobs(): Promise<number> {
  const exporter = await fromBlob(new Blob([bytes]));
  let n = 0;
  for await (const record of iterUnpackBlob("<h", toBlob(exporter))) n += record.length;
  return n;
}
const npy: NpyArray = loadNpy(saveNpy(nd));
const dtypes: string = formatFromDescr(descrFromFormat("<d"));
const keys: string[] = recordKeys(parseFormat("T{i:f1:i}").fields[0]!.fields!);
// @ts-expect-error recordKeys takes a record's layout, not a format string
recordKeys("T{i:f1:i}");
const fromPython = (x: unknown): PyodideExporter | null =>
  isPyProxy(x) && pyodide.isBufferProxy(x) ? fromPyodide(x) : null;
// A scijs-shaped factory and an stdlib-shaped constructor, as the libraries' own are called.
const scijsLike = (data: ScijsData, shape: number[], stride: number[], offset: number) => ({
  data,
  shape,
  stride,
  offset,
  dimension: shape.length,
  pick: () => null,
});
class StdlibLike {
  constructor(
    readonly dtype: string,
    readonly data: unknown,
    readonly shape: number[],
    readonly strides: number[],
    readonly offset: number,
    readonly order: "row-major" | "column-major",
    readonly options: { readonly?: boolean },
  ) {}
}
const scijsArray = toNdarray(fromTypedArray(new Float64Array(4)), scijsLike);
const stride: number[] = scijsArray.stride;
const stdlibArray: StdlibLike = toStdlib(fromNdarray(scijsArray), StdlibLike, { copy: true });
const errors: Error[] = [new BufferError("x"), new StructError("y")];
void [values, size, copy, m, list, ta, legacyBuffer, node, blobs, errors];
void [npy, dtypes, keys, fromPython, blob, legacy, typedarray];
void [stride, stdlibArray, ndarray.isNdarray];

// The umbrella's subpaths take a Pyodide buffer wherever an exporter is.
declare const pyProxy: pyodide.PyBufferProxyLike;
declare const pyView: pyodide.PyBufferViewLike;
const heapItems: typedarray.TypedArray = typedarray.toTypedArray(pyProxy);
const heapBlob: Blob = blob.toBlob(pyView);
const heapNpy: Uint8Array = saveNpyOf(pyProxy);
const heapArray = ndarray.toNdarray(pyProxy, scijsLike);
const heapLegacy: number = legacy.buffer(pyProxy).length;
const shared: pyodide.PythonBuffer = pyodide.toPyodide(pyProxy, {} as pyodide.PyodideLike);
const found: pyodide.PyodideExporter | undefined = pyodide.lookupPyodide(pyProxy);
// @ts-expect-error a plain object is no exporter, view, binary value or Pyodide buffer
typedarray.toTypedArray({ type: "list" });
// @ts-expect-error nor for saveNpy
saveNpyOf({ length: 2 });
void [heapItems, heapBlob, heapNpy, heapArray, heapLegacy, shared, found];
