/**
 * `pybuffer/legacy`: `@pybuffer/legacy`, with `buffer`, `fromObject`,
 * `fromReadWriteObject` and the segment API (`asReadBuffer`, `asWriteBuffer`,
 * `asCharBuffer`, `checkReadBuffer`) also taking JS binary types, Pyodide buffers and
 * ndarrays (`legacy-buffer.ts`).
 */
export * from "@pybuffer/legacy";
export {
  asCharBuffer,
  asReadBuffer,
  asWriteBuffer,
  buffer,
  checkReadBuffer,
  fromObject,
  fromReadWriteObject,
} from "./legacy-buffer.js";
