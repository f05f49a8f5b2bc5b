/**
 * Buffers back from views. `Buffer.from(arrayBuffer, byteOffset, length)` shares memory,
 * so a C-contiguous view becomes a Buffer in O(1) whatever its size, format or alignment
 * (a Buffer is bytes); a strided or indirect view is gathered into a new Buffer in C
 * order when the caller allows a copy.
 */
import { Buffer } from "node:buffer";
import {
  type BufferView,
  checkBuffer,
  getBuffer,
  isContiguous,
  isReleased,
  PyBUF_FULL,
  PyBUF_FULL_RO,
  releaseBuffer,
  toContiguous,
  validateView,
} from "@pybuffer/core";
import { BufferError, ValueError } from "@pybuffer/struct";
import { checkOptions, isBytes } from "./arguments.js";
import { fromNodeBuffer } from "./from-node-buffer.js";

/** Options of {@link toNodeBuffer}. */
export interface ToNodeBufferOptions {
  /** `false` (default): share or throw; `true`: copy a non-contiguous view; `"always"`: copy. */
  readonly copy?: boolean | "always" | undefined;
  /** Ask for a writable view (`PyBUF_FULL`), refusing read-only exporters (default false). */
  readonly writable?: boolean | undefined;
}

/** What {@link toNodeBuffer} accepts: an exporter, a view in hand, or bytes. */
export type NodeBufferSource = object;

function bufferOf(view: BufferView, options: ToNodeBufferOptions): Buffer {
  if (options.copy !== "always" && isContiguous(view, "C")) {
    return Buffer.from(view.memory, view.buf, view.len);
  }
  if (options.copy === undefined || options.copy === false) {
    const why = view.suboffsets === null ? "is not C-contiguous" : "has suboffsets";
    throw new BufferError(
      `toNodeBuffer: cannot share the memory: the view ${why}; pass { copy: true }`,
    );
  }
  const bytes = toContiguous(view, "C");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * `toNodeBuffer(source, options?)`: a `Buffer` over the bytes of an exporter, of a view
 * obtained with `getBuffer` (left for its owner to release), or of a `Uint8Array`.
 * Zero-copy when the view is C-contiguous; a copy in C order with `{ copy: true }`;
 * otherwise `BufferError`. An exporter's view is released before returning, so the
 * Buffer holds no export.
 *
 * @example
 * ```ts
 * const exporter = fromNodeBuffer(Buffer.from("abc"));
 * toNodeBuffer(exporter).toString(); // "abc", sharing memory
 * ```
 */
export function toNodeBuffer(source: NodeBufferSource, options: ToNodeBufferOptions = {}): Buffer {
  const what = "toNodeBuffer";
  options = checkOptions(options, what);
  if (!checkBuffer(source) && typeof source === "object" && source !== null && "memory" in source) {
    if (isReleased(source as BufferView)) {
      throw new ValueError(`${what}: operation forbidden on a released buffer view`);
    }
    const view = validateView(source, `${what}: invalid buffer view`);
    if (options.writable === true && view.readonly) {
      throw new TypeError(`${what}: the view is read-only, but a writable result was asked for`);
    }
    return bufferOf(view, options);
  }
  const exporter = isBytes(source) ? fromNodeBuffer(source) : source;
  const view = getBuffer(exporter, options.writable === true ? PyBUF_FULL : PyBUF_FULL_RO);
  try {
    return bufferOf(view, options);
  } finally {
    releaseBuffer(view);
  }
}
