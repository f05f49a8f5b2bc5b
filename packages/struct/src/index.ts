export { recordKeys } from "./codec/record-keys.js";
export * from "./errors.js";
export type {
  ColumnsOf,
  FormatArg,
  FormatErrorOf,
  OptionKeyOf,
  PackArgsOf,
  UnpackedOf,
} from "./format-types/index.js";
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
export type { FormatSource } from "./grammar/format-source.js";
export { basicTypeName, pythonStrRepr, tp_name } from "./py-types.js";
export { Struct } from "./struct.js";
export type {
  Abi,
  BufferSource,
  Column,
  Complex,
  Field,
  Float16Column,
  Layout,
  Mode,
  StructOptions,
  TextEncodingName,
} from "./types.js";
export { UnpackIterator } from "./unpack-iterator.js";
