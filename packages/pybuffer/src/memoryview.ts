/**
 * `pybuffer/memoryview`: `@pybuffer/memoryview`, its `MemoryView` and every function that
 * makes one taking JS binary types, Pyodide buffers and ndarrays, as in the main entry
 * (`views.ts`).
 */
export * from "@pybuffer/memoryview";
export {
  fromBuffer,
  fromFlags,
  fromMemory,
  fromObject,
  getContiguous,
  MemoryView,
  memoryview,
} from "./views.js";
