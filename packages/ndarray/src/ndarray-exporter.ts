/**
 * The exporter `fromNdarray` returns: core's `LayoutExporter` over the array's elements
 * in its data's memory, so each request checks that memory again (a detached or shrunk
 * buffer fails cleanly) and getBuffer takes the views without a second look.
 */
import { LayoutExporter, type Memory, type VerifiedLayout } from "@pybuffer/core";
import type { NdarrayLike } from "./ndarray-like.js";

/**
 * An exporter over a scijs or stdlib array's elements, zero-copy.
 *
 * @example
 * ```ts
 * const exporter = fromNdarray(ndarray(new Float64Array(6), [2, 3]));
 * exporter.source.shape; // [2, 3]
 * exporter.exports; // 0
 * ```
 */
export class NdarrayExporter<T extends NdarrayLike = NdarrayLike> extends LayoutExporter {
  // `declare`: assigned by the constructor, without class-field definitions first.
  /** The wrapped array. */
  declare readonly source: T;
  /** Whether writable requests are refused (stdlib's `READONLY` flag, or the option). */
  declare readonly readonly: boolean;

  constructor(source: T, memory: Memory, buf: number, layout: VerifiedLayout, readonly: boolean) {
    super(memory, buf, layout, readonly, "fromNdarray");
    this.source = source;
    this.readonly = readonly;
  }
}
