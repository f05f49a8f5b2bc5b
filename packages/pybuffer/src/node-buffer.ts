/**
 * `pybuffer/node-buffer`: `@pybuffer/node-buffer`, `toNodeBuffer` also taking Pyodide
 * buffers and ndarrays (`as-exporter.ts`).
 */

import type { NodeBufferSource, ToNodeBufferOptions } from "@pybuffer/node-buffer";
import * as nodeBuffer from "@pybuffer/node-buffer";
import { type ForeignBuffer, foreignOr } from "./as-exporter.js";

export * from "@pybuffer/node-buffer";

/** Node's `Buffer`, named through the package (this one is built without Node's types). */
type NodeBuffer = ReturnType<typeof nodeBuffer.toNodeBuffer>;

/**
 * `toNodeBuffer(source, options?)`, `source` a Pyodide buffer or an ndarray too.
 *
 * @example
 * ```ts
 * toNodeBuffer(pyodide.runPython("b'abc'")).toString(); // "abc"
 * ```
 */
export function toNodeBuffer(
  source: NodeBufferSource | ForeignBuffer,
  options?: ToNodeBufferOptions,
): NodeBuffer {
  return nodeBuffer.toNodeBuffer(foreignOr(source) as NodeBufferSource, options);
}
