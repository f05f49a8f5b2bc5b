/**
 * The umbrella: the whole family from one import.
 *
 * - Flat: Python's own API — everything `@pybuffer/struct` (the `struct` module),
 *   `@pybuffer/core` (the buffer protocol) and `@pybuffer/memoryview` export — with the
 *   entry points that take an exporter (`getBuffer`, `checkBuffer`, `copyData`) replaced
 *   by ones that also take JavaScript's binary types (`as-exporter.ts`), `MemoryView`
 *   and the functions that make one replaced by a subclass whose constructor, `equals`
 *   and slice assignment take them too (`views.ts`), the struct functions and
 *   `Struct` that read or write a buffer replaced by ones that also take exporters
 *   (`struct-buffers.ts`), plus Python 2's `buffer` (`legacy-buffer.ts`) and
 *   `memoryviewFromBlob` (`from-blob.ts`).
 * - Namespaces, for the packages whose names overlap (`fromMemory`, `fromObject`,
 *   `isDetached`, …): `legacy`, `typedarray`, `blob`, `pyodide`, `ndarray`, each the package
 *   unchanged. Pyodide's PyProxies of Python buffers and scijs/stdlib arrays are accepted
 *   wherever an exporter is (`pyodide-lookup.ts`, `ndarray-lookup.ts`).
 * - Subpaths: `pybuffer/struct`, `pybuffer/core`, … `pybuffer/node-buffer`, each one
 *   package unchanged. `@pybuffer/node-buffer` is only there: it imports `node:buffer`,
 *   which a browser bundle of the main entry must not need (a Node `Buffer` is accepted
 *   everywhere here anyway, as the `Uint8Array` it is).
 */

export * as blob from "@pybuffer/blob";
export * from "@pybuffer/core";
export * as legacy from "@pybuffer/legacy";
export * from "@pybuffer/memoryview";
export * as ndarray from "@pybuffer/ndarray";
export * as pyodide from "@pybuffer/pyodide";
// Both struct and core name the native ABI type; struct's is the one formats take.
export type { Abi } from "@pybuffer/struct";
export * from "@pybuffer/struct";
export * as typedarray from "@pybuffer/typedarray";
// These take JS binary types too, in place of core's and memoryview's own.
export { asExporter, checkBuffer, copyData, getBuffer, isBinary } from "./as-exporter.js";
export { memoryviewFromBlob } from "./from-blob.js";
export { buffer, bufferFromObject, bufferFromReadWriteObject } from "./legacy-buffer.js";
// These take exporters too (a MemoryView, an NDBuffer), as CPython's struct takes any buffer.
export {
  iterUnpack,
  packInto,
  Struct,
  type StructBuffer,
  unpack,
  unpackColumns,
  unpackFrom,
  unpackMany,
} from "./struct-buffers.js";
// The MemoryView class and every function that makes one: binary types as arguments too.
export {
  fromBuffer,
  fromFlags,
  fromMemory,
  fromObject,
  getContiguous,
  MemoryView,
  memoryview,
} from "./views.js";
