export * from "./errors.js";
export {
  calcSize,
  clearCache,
  iterUnpack,
  pack,
  packInto,
  packMany,
  parseFormat,
  unpack,
  unpackColumns,
  unpackFrom,
  unpackMany,
} from "./functions.js";
export { basicTypeName, pythonStrRepr, tp_name } from "./py-types.js";
export { Struct } from "./struct.js";
export type {
  Abi,
  BufferSource,
  Column,
  Complex,
  Field,
  Layout,
  Mode,
  StructOptions,
  TextEncodingName,
} from "./types.js";
export { UnpackIterator } from "./unpack-iterator.js";
