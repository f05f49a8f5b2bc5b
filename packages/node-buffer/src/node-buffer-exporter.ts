/**
 * The exporter `fromNodeBuffer` returns: a run of bytes in one memory, answered as
 * core's `fillInfo` (`PyBuffer_FillInfo`) answers, as CPython's `bytes` and `bytearray`
 * answer requests: format `B`, item size 1, one dimension, `BufferError: Object is not
 * writable.` for a writable request on a read-only export. It is core's `LayoutExporter`
 * over a verified `[length]` layout, so the bytes are checked against the memory at every
 * request (a transferred buffer fails cleanly) and getBuffer takes the views without a
 * second look.
 */
import { LayoutExporter, type Memory, type VerifiedLayout, verifyLayout } from "@pybuffer/core";

// Verified `B` layouts by length, shared by exporters (a Buffer wrapped per request is
// the common use: bench slice-release, ~40 ns of verification saved per wrap). Bounded.
const layouts = new Map<number, VerifiedLayout>();

let lastLength = -1;
let lastLayout: VerifiedLayout | null = null;

function bytesLayout(length: number): VerifiedLayout {
  // The last answer first: a loop wraps Buffers of one length (no hashing then).
  if (length === lastLength && (lastLayout as VerifiedLayout).intact()) {
    return lastLayout as VerifiedLayout;
  }
  let layout = layouts.get(length);
  if (layout === undefined || !layout.intact()) {
    layout = verifyLayout({ format: "B", itemsize: 1, shape: [length] });
    if (layouts.size >= 64) layouts.clear();
    layouts.set(length, layout);
  }
  lastLength = length;
  lastLayout = layout;
  return layout;
}

/**
 * A bytes exporter over `length` bytes at `offset` in `memory`.
 *
 * @example
 * ```ts
 * const memory = new ArrayBuffer(16);
 * const exporter = new NodeBufferExporter(memory, 4, 8, false);
 * const view = getBuffer(exporter, PyBUF_FULL_RO);
 * [view.buf, view.len, view.format]; // [4, 8, "B"]
 * releaseBuffer(view);
 * ```
 */
export class NodeBufferExporter extends LayoutExporter {
  // `declare`: assigned by the constructor, without class-field definitions first.
  /** The memory the bytes lie in (a Buffer's `buffer`: for pooled Buffers, the pool). */
  declare readonly memory: Memory;
  /** Byte offset of the first byte in `memory`. */
  declare readonly offset: number;
  /** Number of bytes. */
  declare readonly length: number;
  /** Whether writable requests are refused. */
  declare readonly readonly: boolean;
  constructor(memory: Memory, offset: number, length: number, readonly: boolean) {
    super(memory, offset, bytesLayout(length), readonly, "fromNodeBuffer");
    this.memory = memory;
    this.offset = offset;
    this.length = length;
    this.readonly = readonly;
  }
}
