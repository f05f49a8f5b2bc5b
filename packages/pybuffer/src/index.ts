/**
 * The umbrella's main entry: Python's own API from one import.
 *
 * - Everything `@pybuffer/struct` (the `struct` module), `@pybuffer/core` (the buffer
 *   protocol) and `@pybuffer/memoryview` export, with the entry points that take an
 *   exporter (`getBuffer`, `checkBuffer`, `copyData`) replaced by ones that also take
 *   JavaScript's binary types, Pyodide's PyProxies of Python buffers and PyBufferViews,
 *   and scijs/stdlib arrays (`as-exporter.ts`, found by lookup at the call); `MemoryView`
 *   and the functions that make one replaced by a subclass whose constructor, `equals`
 *   and slice assignment take them too (`views.ts`); the struct functions and `Struct`
 *   that read or write a buffer replaced by ones that also take exporters
 *   (`struct-buffers.ts`); plus `memoryviewFromBlob` (`from-blob.ts`).
 * - The adapters are subpaths only (`pybuffer/typedarray`, `pybuffer/blob`,
 *   `pybuffer/node-buffer`, `pybuffer/legacy`, `pybuffer/pyodide`, `pybuffer/ndarray`,
 *   `pybuffer/npy`): each is its package, its exporter-taking functions taking what this
 *   entry takes. Keeping them out of this entry keeps a bundle of it small (the numbers
 *   are in the README); `pybuffer/node-buffer` also imports `node:buffer`, which a
 *   browser bundle of this entry must not need.
 */

// The three subpaths carry Python's API with the exporter-taking entry points wrapped
// (`as-exporter.ts`, `views.ts`, `struct-buffers.ts`); this entry is their union.
// Both struct and core name the native ABI type; struct's is the one formats take.
export type { Abi } from "@pybuffer/struct";
export * from "./core.js";
export { memoryviewFromBlob } from "./from-blob.js";
export * from "./memoryview.js";
export type { PyodideBuffer } from "./pyodide-lookup.js";
export * from "./struct.js";
