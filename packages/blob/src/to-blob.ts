/**
 * Views back into Blobs. The Blob constructor copies its parts, so this is always one
 * copy: straight from the memory for a C-contiguous view, through core's
 * `toContiguous` (C order) for a strided or indirect one. Shared memory is copied to a
 * plain buffer first, because browsers refuse SharedArrayBuffer views as Blob parts.
 */
import {
  type BufferView,
  checkBuffer,
  getBuffer,
  isContiguous,
  isReleased,
  PyBUF_FULL_RO,
  releaseBuffer,
  toContiguous,
  validateView,
} from "@pybuffer/core";
import { ValueError } from "@pybuffer/struct";
import { checkOptions } from "./arguments.js";

/** Options of {@link toBlob}. */
export interface ToBlobOptions {
  /** The Blob's MIME type (default `""`). */
  readonly type?: string | undefined;
}

function isShared(view: BufferView): boolean {
  return Object.prototype.toString.call(view.memory) === "[object SharedArrayBuffer]";
}

function blobOf(view: BufferView, type: string): Blob {
  let bytes: Uint8Array<ArrayBuffer>;
  if (isContiguous(view, "C") && !isShared(view)) {
    bytes = new Uint8Array(view.memory as ArrayBuffer, view.buf, view.len);
  } else {
    bytes = toContiguous(view, "C");
  }
  return new Blob([bytes], { type });
}

/**
 * `toBlob(source, options?)`: a Blob holding the items of an exporter, or of a view
 * obtained with `getBuffer`, in C order (`bytes(m)` as a Blob). An exporter's view is
 * released once the Blob is made.
 *
 * @example
 * ```ts
 * const exporter = await fromBlob(new Blob(["abc"]));
 * const blob = toBlob(exporter, { type: "text/plain" });
 * await blob.text(); // "abc"
 * ```
 */
export function toBlob(source: object, options: ToBlobOptions = {}): Blob {
  options = checkOptions(options, "toBlob");
  const type = options.type ?? "";
  if (!checkBuffer(source) && typeof source === "object" && source !== null && "memory" in source) {
    if (isReleased(source as BufferView)) {
      throw new ValueError("toBlob: operation forbidden on a released buffer view");
    }
    return blobOf(validateView(source, "toBlob: invalid buffer view"), type);
  }
  const view = getBuffer(source, PyBUF_FULL_RO);
  try {
    return blobOf(view, type);
  } finally {
    releaseBuffer(view);
  }
}
