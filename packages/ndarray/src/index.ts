// The family's error classes, one per CPython exception, live in @pybuffer/struct (layer 0);
// every package re-exports all of them, so `instanceof` works whichever package is imported.
export * from "@pybuffer/struct/errors";
export type { ToArrayOptions } from "./alias.js";
export type { ElementType } from "./element-types.js";
export { type FromNdarrayOptions, fromNdarray } from "./from-ndarray.js";
export { NdarrayExporter } from "./ndarray-exporter.js";
export {
  isNdarray,
  isScijsNdarray,
  isStdlibNdarray,
  type NdarrayLike,
  type ScijsNdarrayLike,
  type StdlibNdarrayLike,
} from "./ndarray-like.js";
export type { ViewSource } from "./source-view.js";
export { type ScijsData, type ScijsFactory, toNdarray } from "./to-ndarray.js";
export {
  type DataConstructor,
  type StdlibConstructor,
  type ToStdlibOptions,
  toStdlib,
} from "./to-stdlib.js";
