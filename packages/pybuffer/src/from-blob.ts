/**
 * Blobs and Files where a memoryview is wanted. A Blob can only be read asynchronously,
 * so it is accepted through async entry points: read once with `@pybuffer/blob`'s
 * `fromBlob`, then viewed synchronously like any exporter.
 */
import { type FromBlobOptions, fromBlob } from "@pybuffer/blob";
import { MemoryView } from "./views.js";

/**
 * `memoryview(blob)`, asynchronously: a read-only view of a private copy of the Blob's
 * bytes, format `B` unless `options.format` (and `options.shape`) say otherwise.
 *
 * @example
 * ```ts
 * const m = await memoryviewFromBlob(new Blob([new Float64Array([0.5, 1.5])]), { format: "<d" });
 * m.toList(); // [0.5, 1.5]
 * ```
 */
export async function memoryviewFromBlob(
  blob: Blob,
  options: FromBlobOptions = {},
): Promise<MemoryView> {
  return new MemoryView(await fromBlob(blob, options));
}
