/**
 * Node's `Buffer` as an exporter. Small Buffers (`Buffer.from(string)`,
 * `Buffer.allocUnsafe(n)` below 4 KiB, small `fs.readFileSync` results) are slices of a
 * shared 8 KiB pool: their `buffer` is the pool and their `byteOffset` is nonzero. The
 * export is exactly `(buffer, byteOffset, byteLength)`, never the pool around it, read
 * through the platform's own accessors (own properties cannot move it), and answered as
 * CPython's `bytes` answers requests (`PyBuffer_FillInfo`).
 */
import type { Memory, ShapedExporter } from "@pybuffer/core";
import { BufferError } from "@pybuffer/struct";
import { accessors, checkOptions, isBytes, tagOf } from "./arguments.js";
import { NodeBufferExporter } from "./node-buffer-exporter.js";

/** Options of {@link fromNodeBuffer}. */
export interface NodeBufferExportOptions {
  /** Export read-only views (default false). */
  readonly readonly?: boolean | undefined;
}

// Shared and never written: no `{}` per call when the options are left out.
const NO_OPTIONS: NodeBufferExportOptions = Object.freeze({});

/**
 * `fromNodeBuffer(buf, options?)`: an exporter of format `B` (item size 1, one dimension,
 * `BufferError: Object is not writable.` when read-only) over exactly the bytes of a
 * `Buffer` (or any `Uint8Array`), pooled or not. For other formats and n-d shapes over a
 * Buffer, use `fromTypedArray` from `@pybuffer/typedarray` (a Buffer is a Uint8Array).
 *
 * @example
 * ```ts
 * const small = Buffer.from("hi"); // lives at a nonzero offset of the 8 KiB pool
 * const view = getBuffer(fromNodeBuffer(small), PyBUF_FULL_RO);
 * view.buf === small.byteOffset; // true
 * view.len; // 2: none of the pool's other bytes
 * releaseBuffer(view);
 * ```
 */
export function fromNodeBuffer(
  buf: Uint8Array,
  options?: NodeBufferExportOptions,
): NodeBufferExporter & ShapedExporter<"B", 1>;
export function fromNodeBuffer(
  buf: Uint8Array,
  options: NodeBufferExportOptions = NO_OPTIONS,
): NodeBufferExporter {
  options = checkOptions(options, "fromNodeBuffer");
  if (!isBytes(buf)) {
    const kind = tagOf.call(buf) ?? Object.prototype.toString.call(buf).slice(8, -1);
    throw new TypeError(`fromNodeBuffer: expected a Buffer or Uint8Array, not '${kind}'`);
  }
  const memory = accessors.buffer.call(buf);
  let byteOffset: number;
  let byteLength: number;
  try {
    // A Buffer whose ArrayBuffer is detached reads as empty; a view over it throws.
    byteOffset = accessors.byteOffset.call(buf);
    byteLength = accessors.byteLength.call(buf);
    if (byteLength === 0) new Uint8Array(memory, byteOffset, 0);
  } catch {
    throw new BufferError("fromNodeBuffer: the Buffer's ArrayBuffer is detached");
  }
  return new NodeBufferExporter(
    memory as Memory,
    byteOffset,
    byteLength,
    options.readonly === true,
  );
}
