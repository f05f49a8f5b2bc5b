/**
 * The exporter behind every adapter of this package: a layout over a region of one
 * backing store, re-checked against the store at every request, because JavaScript
 * lets anyone detach or shrink an ArrayBuffer (or grow a `WebAssembly.Memory`, which
 * replaces its buffer) at any time. It counts its exports as CPython's exporters do.
 *
 * Built on core's `LayoutExporter`, whose own `bf_getbuffer` checks the bounds and the
 * request at each request, so getBuffer takes the views without a second look (bench
 * slice-release, fromTypedArray + getBuffer + release: ~130 → ~95 ns in a micro-benchmark).
 */
import { isDetached, isMemory, LayoutExporter, type Memory, pythonTypeName } from "@pybuffer/core";
import { BufferError } from "@pybuffer/struct";
import { checkUnlessVouched } from "./export-spec.js";
import { frozenCopy, type Layout } from "./layout.js";
import { trustOf } from "./trust.js";

/** How a {@link MemoryExporter} finds its bytes (see the `from*` functions). */
export interface ExportSpec {
  /** The wrapped JavaScript object (default: the exporter itself). */
  readonly source?: object | undefined;
  /** The backing store, or a function giving it as it is now (called at each request). */
  readonly memory: Memory | (() => Memory);
  /** Byte offset of the region in the memory. */
  readonly base: number;
  /** The layout, relative to the region. */
  readonly layout: Layout;
  /** Whether exports are read-only. */
  readonly readonly: boolean;
  /** For a region that follows the memory's length: the layout for `byteLength` bytes. */
  readonly relayout?: ((byteLength: number) => Layout) | undefined;
  /** The caller's name, for messages. */
  readonly what: string;
}

/**
 * An exporter over a JavaScript binary object: answers `getBuffer` for any request
 * flags with its format, shape and strides, and throws `BufferError` when the request
 * cannot be met or the memory is detached or too small now.
 *
 * @example
 * ```ts
 * const exporter = fromTypedArray(new Int16Array([1, 2, 3, 4]), { shape: [2, 2] });
 * const view = getBuffer(exporter, PyBUF_FULL_RO);
 * view.format; // "h"
 * view.strides; // [4, 2]
 * releaseBuffer(view);
 * ```
 */
/** What an exporter over a memory function (or a memory whose length it follows) keeps. */
interface Tracking {
  readonly fetch: () => Memory;
  readonly base: number;
  readonly relayout: ((byteLength: number) => Layout) | undefined;
  readonly what: string;
  length: number;
}

export class MemoryExporter extends LayoutExporter {
  // `declare`: assigned by the constructor, without class-field definitions first.
  /** The wrapped JavaScript object. */
  declare readonly source: object;
  /** Whether the exports are read-only. */
  declare readonly readonly: boolean;
  #layout: Layout;
  /** Only for a memory that can move or change length (one field: a wrap makes fewer). */
  readonly #tracking: Tracking | undefined;

  constructor(spec: ExportSpec) {
    checkUnlessVouched(spec);
    const { memory: given, base, layout, what, relayout } = spec;
    // A memory function is asked once now, so a bad one fails here.
    const memory = typeof given === "function" ? memoryFrom(given, what) : given;
    const moves = typeof given === "function" || relayout !== undefined;
    super(memory, base + layout.offset, trustOf(layout), spec.readonly, what, moves);
    this.source = spec.source ?? this;
    this.readonly = spec.readonly;
    this.#layout = layout;
    this.#tracking = moves
      ? {
          fetch: typeof given === "function" ? given : () => given,
          base,
          relayout,
          what,
          length: memory.byteLength,
        }
      : undefined;
  }

  /**
   * @internal Whether `value` was made by this class's constructor (a brand test: an
   * object cannot fake it, a Proxy does not pass it). Such a value is an exporter and
   * nothing else, so the `to*` conversions ask it for a view without `fromBinary`'s
   * look at the other binary types (bench cast: ~25 ns of toTypedArray).
   */
  static _is(value: unknown): value is MemoryExporter {
    return typeof value === "object" && value !== null && #layout in value;
  }

  /**
   * The layout the next export will have (it follows a tracked memory's length), as a
   * frozen copy: the exporter's own may be shared with other exporters.
   */
  get layout(): Layout {
    this.update();
    return frozenCopy(this.#layout);
  }

  /** Follows a memory function's answer and, for a tracked region, its length. */
  protected override update(): void {
    const tracking = this.#tracking;
    if (tracking === undefined) return;
    const memory = memoryFrom(tracking.fetch, tracking.what);
    let layout = this.#layout;
    if (tracking.relayout !== undefined && memory.byteLength !== tracking.length) {
      if (!isDetached(memory)) {
        try {
          layout = tracking.relayout(memory.byteLength - tracking.base);
        } catch (error) {
          // The memory changed so that the layout no longer fits: the request fails.
          throw new BufferError((error as Error).message);
        }
      }
      tracking.length = memory.byteLength;
    }
    if (memory !== this.exportedMemory() || layout !== this.#layout) {
      this.#layout = layout;
      this.relocate(memory, tracking.base + layout.offset, trustOf(layout));
    }
  }
}

function memoryFrom(fetch: () => Memory, what: string): Memory {
  const memory = fetch();
  if (!isMemory(memory)) {
    throw new BufferError(
      `${what}: the memory function gave '${pythonTypeName(memory)}', not an ArrayBuffer`,
    );
  }
  return memory;
}
