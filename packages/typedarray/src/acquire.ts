/**
 * The input side of the `to*` conversions: an exporter, a JavaScript binary type, or a
 * view already obtained with `getBuffer`. Exporters are asked for a view and released
 * by the caller once the conversion is done; a given view is validated against its
 * memory (detached or shrunk memory is refused) and left for its owner to release.
 */
import {
  type BufferView,
  checkBuffer,
  getBuffer,
  isReleased,
  PyBUF_FULL,
  PyBUF_FULL_RO,
  releaseBuffer,
  validateView,
} from "@pybuffer/core";
import { ValueError } from "@pybuffer/struct";
import { type BinaryLike, fromBinary } from "./from-binary.js";
import { MemoryExporter } from "./memory-exporter.js";

/** A source for the `to*` functions: anything exportable, or a view in hand. */
export type ViewSource = BinaryLike | BufferView;

/**
 * A view to read, and how to give it back. A class rather than a literal with a closure:
 * one object per conversion instead of two (toTypedArray(exporter), bench cast).
 */
export class Acquired {
  declare readonly view: BufferView;
  /** Whether this module obtained the view (then `release` gives it back). */
  declare private readonly owned: boolean;
  constructor(view: BufferView, owned: boolean) {
    this.view = view;
    this.owned = owned;
  }

  /** Releases the view if this module obtained it; a no-op for a view passed in. */
  release(): void {
    if (this.owned) releaseBuffer(this.view);
  }
}

function isViewLike(value: unknown): value is BufferView {
  return (
    typeof value === "object" &&
    value !== null &&
    "memory" in value &&
    "buf" in value &&
    !checkBuffer(value)
  );
}

/**
 * The error for a view passed in after `releaseBuffer` (its memory may be gone), as
 * CPython refuses a released memoryview.
 *
 * @example
 * ```ts
 * throw releasedError("toTypedArray"); // ValueError: toTypedArray: operation forbidden on a released buffer view
 * ```
 */
export function releasedError(what: string): ValueError {
  return new ValueError(`${what}: operation forbidden on a released buffer view`);
}

/**
 * A view of `source`: a `BufferView` is checked (refused once released) and used as it is; anything else is
 * wrapped by `fromBinary` and asked with `PyBUF_FULL_RO` (`PyBUF_FULL` when `writable`).
 * `what` names the caller in messages.
 *
 * @example
 * ```ts
 * const acquired = acquire(new Int32Array(4), false, "toTypedArray");
 * acquired.view.format; // "i"
 * acquired.release();
 * ```
 */
export function acquire(source: ViewSource, writable: boolean, what: string): Acquired {
  const flags = writable ? PyBUF_FULL : PyBUF_FULL_RO;
  if (MemoryExporter._is(source)) return new Acquired(getBuffer(source, flags), true);
  if (isViewLike(source)) {
    if (isReleased(source)) throw releasedError(what);
    const view = validateView(source, `${what}: invalid buffer view`);
    if (writable && view.readonly) {
      throw new TypeError(`${what}: the view is read-only, but a writable result was asked for`);
    }
    return new Acquired(view, false);
  }
  return new Acquired(getBuffer(fromBinary(source), flags), true);
}
