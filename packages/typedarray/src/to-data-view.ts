/**
 * Views back into DataViews and ArrayBuffers. A DataView aliases any C-contiguous view,
 * whatever its format, alignment or byte order (it reads each item with explicit
 * endianness), so it is the copy-free path for what TypedArrays cannot alias.
 * `toArrayBuffer` always copies, like Python's `bytes(m)` / `m.tobytes()`.
 */
import { isContiguous } from "@pybuffer/core";
import { BufferError } from "@pybuffer/struct";
import { acquire, type ViewSource } from "./acquire.js";
import { copyBytes } from "./copy-bytes.js";
import { checkOptions } from "./options.js";

/** Options of {@link toDataView}. */
export interface ToDataViewOptions {
  /** `false` (default): alias or throw; `true`: copy a non-contiguous view; `"always"`: copy. */
  readonly copy?: boolean | "always" | undefined;
  /** Ask for a writable view (`PyBUF_FULL`), refusing read-only exporters (default false). */
  readonly writable?: boolean | undefined;
}

/**
 * `toDataView(source, options?)`: a DataView over the bytes of a C-contiguous view
 * (zero-copy, any format), or over a C-order copy of a strided or indirect one when
 * `copy` allows, else `BufferError`. An exporter's view is released before returning.
 *
 * @example
 * ```ts
 * const exporter = fromDataView(new DataView(new ArrayBuffer(4)), { format: ">H" });
 * const dv = toDataView(exporter);
 * dv.getUint16(2, false); // the second item, big-endian
 * ```
 */
export function toDataView(source: ViewSource, options: ToDataViewOptions = {}): DataView {
  const what = "toDataView";
  options = checkOptions(options, what);
  const acquired = acquire(source, options.writable === true, what);
  const view = acquired.view;
  try {
    if (options.copy !== "always" && isContiguous(view, "C")) {
      return new DataView(view.memory, view.buf, view.len);
    }
    if (options.copy === undefined || options.copy === false) {
      const why = view.suboffsets === null ? "is not C-contiguous" : "has suboffsets";
      throw new BufferError(
        `${what}: cannot alias the memory: the view ${why}; pass { copy: true }`,
      );
    }
    return new DataView(copyBytes(view).buffer);
  } finally {
    acquired.release();
  }
}

/**
 * `toArrayBuffer(source)`: a new ArrayBuffer holding the items of `source` in C order
 * (`m.tobytes()`). Always a copy, never shared memory.
 *
 * @example
 * ```ts
 * const grid = fromTypedArray(new Uint8Array([1, 2, 3, 4]), { shape: [2, 2], strides: [1, 2] });
 * new Uint8Array(toArrayBuffer(grid)); // [1, 3, 2, 4]: the transpose, in C order
 * ```
 */
export function toArrayBuffer(source: ViewSource): ArrayBuffer {
  const acquired = acquire(source, false, "toArrayBuffer");
  try {
    return copyBytes(acquired.view).buffer;
  } finally {
    acquired.release();
  }
}
