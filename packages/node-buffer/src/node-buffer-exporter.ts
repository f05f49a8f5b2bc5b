/**
 * The exporter `fromNodeBuffer` returns: a run of bytes in one memory, answered as
 * core's `fillInfo` (`PyBuffer_FillInfo`) answers, as CPython's `bytes` and `bytearray`
 * answer requests: format `B`, item size 1, one dimension, `BufferError: Object is not
 * writable.` for a writable request on a read-only export. The bytes are checked against
 * the memory at every request, so a transferred buffer fails cleanly. The `[length]`
 * layout is verified by core once per exporter (`verifyLayout`), and each view is made
 * with `layoutView`, so getBuffer re-checks it in O(1) (bench slice-release: the
 * per-request fillInfo view went through the full check, ~2× the cost).
 */
import {
  type BufferView,
  bf_getbuffer,
  bf_releasebuffer,
  checkFlags,
  checkRange,
  Exportable,
  layoutView,
  type Memory,
  reqWritable,
  type VerifiedLayout,
  verifyLayout,
} from "@pybuffer/core";
import { BufferError } from "@pybuffer/struct";

// Verified `B` layouts by length, shared by exporters (a Buffer wrapped per request is
// the common use: bench slice-release, ~40 ns of verification saved per wrap). Bounded.
const layouts = new Map<number, VerifiedLayout>();

function bytesLayout(length: number): VerifiedLayout {
  let layout = layouts.get(length);
  if (layout === undefined || !layout.intact()) {
    layout = verifyLayout({ format: "B", itemsize: 1, shape: [length] });
    if (layouts.size >= 64) layouts.clear();
    layouts.set(length, layout);
  }
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
// Symbol-keyed methods are declared here and installed by the static block below:
// isolatedDeclarations cannot emit computed method names of a class.
export interface NodeBufferExporter {
  /** `bf_getbuffer`: `PyBuffer_FillInfo` over the bytes. */
  [bf_getbuffer](flags: number): BufferView;
  /** `bf_releasebuffer`: uncounts one export. */
  [bf_releasebuffer](view: BufferView): void;
}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the static block installs the symbol methods
export class NodeBufferExporter extends Exportable {
  static {
    Object.defineProperties(NodeBufferExporter.prototype, {
      [bf_getbuffer]: {
        value(this: NodeBufferExporter, flags: number): BufferView {
          checkFlags(flags);
          if (reqWritable(flags) && this.readonly) throw new BufferError("Object is not writable.");
          const { memory, offset } = this;
          checkRange(memory, offset, offset + this.length);
          if (this.#trust === null || !this.#trust.intact()) {
            this.#trust = bytesLayout(this.length);
          }
          const view = layoutView(this.#trust, this, memory, offset, this.readonly, flags);
          this.#exports++;
          return view;
        },
        writable: true,
        configurable: true,
      },
      [bf_releasebuffer]: {
        value(this: NodeBufferExporter, _view: BufferView): void {
          if (this.#exports > 0) this.#exports--;
        },
        writable: true,
        configurable: true,
      },
    });
  }

  /** The memory the bytes lie in (a Buffer's `buffer`: for pooled Buffers, the pool). */
  readonly memory: Memory;
  /** Byte offset of the first byte in `memory`. */
  readonly offset: number;
  /** Number of bytes. */
  readonly length: number;
  /** Whether writable requests are refused. */
  readonly readonly: boolean;
  #exports = 0;
  #trust: VerifiedLayout | null = null;

  constructor(memory: Memory, offset: number, length: number, readonly: boolean) {
    super();
    this.memory = memory;
    this.offset = offset;
    this.length = length;
    this.readonly = readonly;
  }

  /**
   * Views handed out and not yet released.
   *
   * @example
   * ```ts
   * exporter.exports; // 0
   * ```
   */
  get exports(): number {
    return this.#exports;
  }
}
