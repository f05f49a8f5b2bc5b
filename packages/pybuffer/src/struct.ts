/**
 * `pybuffer/struct`: `@pybuffer/struct`, the functions and `Struct` that read or write a
 * buffer also taking any exporter, JS binary type, Pyodide buffer or ndarray, as in the
 * main entry (`struct-buffers.ts`).
 */
export * from "@pybuffer/struct";
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
