/**
 * The old (Python 2) buffer protocol: an exporter made of segments. CPython 2's
 * `PyBufferProcs` had four slots; here each is a method under a `Symbol.for` key, so any
 * library can implement it without importing this package:
 *
 * | C slot | key | JavaScript signature |
 * |---|---|---|
 * | `bf_getsegcount` | `Symbol.for("pybuffer.bf_getsegcount")` | `(): number` |
 * | `bf_getreadbuffer` | `Symbol.for("pybuffer.bf_getreadbuffer")` | `(segment: number): Segment` |
 * | `bf_getwritebuffer` | `Symbol.for("pybuffer.bf_getwritebuffer")` | `(segment: number): Segment` |
 * | `bf_getcharbuffer` | `Symbol.for("pybuffer.bf_getcharbuffer")` | `(segment: number): Segment` |
 *
 * A proc that fails throws (CPython returned -1 with an exception set). The C
 * `bf_getsegcount(self, &len)` also reported the total length; nothing in this package
 * needs it, so the JavaScript proc only returns the count.
 */
import type { Segment } from "./segment.js";

/**
 * Key of the segment-count proc (`bf_getsegcount`).
 *
 * @example
 * const exporter = { [bf_getsegcount]: () => 1 };
 */
export const bf_getsegcount: unique symbol = Symbol.for("pybuffer.bf_getsegcount");
/**
 * Key of the read proc (`bf_getreadbuffer`).
 *
 * @example
 * const exporter = { [bf_getreadbuffer]: (i: number) => segments[i] };
 */
export const bf_getreadbuffer: unique symbol = Symbol.for("pybuffer.bf_getreadbuffer");
/**
 * Key of the write proc (`bf_getwritebuffer`).
 *
 * @example
 * const exporter = { [bf_getwritebuffer]: (i: number) => segments[i] };
 */
export const bf_getwritebuffer: unique symbol = Symbol.for("pybuffer.bf_getwritebuffer");
/**
 * Key of the character proc (`bf_getcharbuffer`).
 *
 * @example
 * const exporter = { [bf_getcharbuffer]: (i: number) => segments[i] };
 */
export const bf_getcharbuffer: unique symbol = Symbol.for("pybuffer.bf_getcharbuffer");

/**
 * An object exporting the old segment protocol. Only the segment count is required;
 * each access proc is optional, as in CPython 2 (a str's write proc exists but fails; an
 * array had no character proc).
 *
 * @example
 * const twoSegments: SegmentExporter = {
 *   [bf_getsegcount]: () => 2,
 *   [bf_getreadbuffer]: (i) => ({ memory: chunks[i].buffer, buf: 0, len: chunks[i].length }),
 * };
 */
export interface SegmentExporter {
  /** Number of segments (`bf_getsegcount`). */
  [bf_getsegcount](): number;
  /** Segment `segment` for reading (`bf_getreadbuffer`). */
  [bf_getreadbuffer]?(segment: number): Segment;
  /** Segment `segment` for writing (`bf_getwritebuffer`). */
  [bf_getwritebuffer]?(segment: number): Segment;
  /** Segment `segment` as characters (`bf_getcharbuffer`). */
  [bf_getcharbuffer]?(segment: number): Segment;
}

/**
 * The kind of access a proc gives.
 *
 * @example
 * const access: SegmentAccess = "char"; // bf_getcharbuffer
 */
export type SegmentAccess = "read" | "write" | "char";

/**
 * An object's old-protocol procs as `SegmentProcs` tables them: each present slot is a
 * function of the segment number (the object is bound). Missing slots are `undefined`,
 * exactly like NULL slots in `PyBufferProcs`.
 *
 * @example
 * segmentProcs(new Uint8Array(2))?.write?.(0); // { memory, buf: 0, len: 2 }
 */
export interface SegmentProcs {
  /** `bf_getsegcount`, or `undefined` when the object has none. */
  readonly segcount: (() => number) | undefined;
  /** `bf_getreadbuffer`. */
  readonly read: ((segment: number) => Segment) | undefined;
  /** `bf_getwritebuffer`. */
  readonly write: ((segment: number) => Segment) | undefined;
  /** `bf_getcharbuffer`. */
  readonly char: ((segment: number) => Segment) | undefined;
}
