// The family's error classes, one per CPython exception, live in @pybuffer/struct (layer 0);
// every package re-exports all of them, so `instanceof` works whichever package is imported.
export * from "@pybuffer/struct/errors";
export type { Descr, DescrField } from "./dtype.js";
export {
  descrFromFormat,
  descrRepr,
  type FormatFromDescrOptions,
  formatFromDescr,
} from "./dtype-strings.js";
export type { FormatStyle } from "./format-from-dtype.js";
export type { HeaderOptions, NpyHeader } from "./header.js";
export {
  type LoadNpyOptions,
  loadNpy,
  type NpySource,
  readNpyHeader,
} from "./load-npy.js";
export { NpyArray } from "./npy-array.js";
export { loadNpz, NpzFile, type SaveNpzOptions, saveNpz } from "./npz.js";
export {
  type FileHandleLike,
  NpyFile,
  type NpyFileSource,
  openNpy,
} from "./open-npy.js";
export { type SaveNpyOptions, saveNpy } from "./save-npy.js";
export { structFormatFromDescr } from "./struct-format.js";
