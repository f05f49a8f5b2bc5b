/**
 * The exporter behind every adapter of this package: a layout over a region of one
 * backing store, re-checked against the store at every request, because JavaScript
 * lets anyone detach or shrink an ArrayBuffer (or grow a `WebAssembly.Memory`, which
 * replaces its buffer) at any time. It counts its exports as CPython's exporters do.
 */
import {
  type BufferView,
  bf_getbuffer,
  bf_releasebuffer,
  Exportable,
  isDetached,
  isMemory,
  type Memory,
  pythonTypeName,
  type VerifiedLayout,
} from "@pybuffer/core";
import { BufferError } from "@pybuffer/struct";
import { checkUnlessVouched } from "./export-spec.js";
import { exportView, trustOf } from "./export-view.js";
import { frozenCopy, type Layout } from "./layout.js";
import { spanError } from "./memory.js";

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
// Symbol-keyed methods are declared here and installed by the static block below:
// isolatedDeclarations cannot emit computed method names of a class.
export interface MemoryExporter {
  /** `bf_getbuffer`: a view for `flags`, or `BufferError`. */
  [bf_getbuffer](flags: number): BufferView;
  /** `bf_releasebuffer`: uncounts one export. */
  [bf_releasebuffer](view: BufferView): void;
}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the static block installs the symbol methods
export class MemoryExporter extends Exportable {
  static {
    Object.defineProperties(MemoryExporter.prototype, {
      [bf_getbuffer]: {
        value(this: MemoryExporter, flags: number): BufferView {
          return this.#getbuffer(flags);
        },
        writable: true,
        configurable: true,
      },
      [bf_releasebuffer]: {
        value(this: MemoryExporter, _view: BufferView): void {
          if (this.#exports > 0) this.#exports--;
        },
        writable: true,
        configurable: true,
      },
    });
  }

  // `declare`: assigned by the constructor, without class-field definitions first
  // (Node 20; with fromTypedArray's shared empty options, the wrap ~63 → ~57 ns).
  /** The wrapped JavaScript object. */
  declare readonly source: object;
  /** Whether the exports are read-only. */
  declare readonly readonly: boolean;
  readonly #fixed: Memory | undefined;
  readonly #fetch: (() => Memory) | undefined;
  readonly #base: number;
  readonly #relayout: ((byteLength: number) => Layout) | undefined;
  readonly #what: string;
  #layout: Layout;
  /** `#layout` verified by core, made at the first request after it changes. */
  #trust: VerifiedLayout | null = null;
  #trackedLength: number;
  #exports = 0;

  constructor(spec: ExportSpec) {
    checkUnlessVouched(spec);
    super();
    this.source = spec.source ?? this;
    this.readonly = spec.readonly;
    const memory = spec.memory;
    this.#fixed = typeof memory === "function" ? undefined : memory;
    this.#fetch = typeof memory === "function" ? memory : undefined;
    this.#base = spec.base;
    this.#layout = spec.layout;
    this.#relayout = spec.relayout;
    this.#what = spec.what;
    // A fixed memory was checked with the spec; a memory function is asked once now, so a
    // bad one fails here. Only a region that follows its memory's length uses the length.
    this.#trackedLength =
      this.#fixed !== undefined && spec.relayout === undefined ? -1 : this.#memory().byteLength;
  }

  /** Views handed out and not yet released (bytearray's export count). */
  get exports(): number {
    return this.#exports;
  }

  /**
   * The layout the next export will have (it follows a tracked memory's length), as a
   * frozen copy: the exporter's own may be shared with other exporters.
   */
  get layout(): Layout {
    return frozenCopy(this.#current(this.#memory()));
  }

  #memory(): Memory {
    const memory = this.#fixed ?? (this.#fetch as () => Memory)();
    if (!isMemory(memory)) {
      throw new BufferError(
        `${this.#what}: the memory function gave '${pythonTypeName(memory)}', not an ArrayBuffer`,
      );
    }
    return memory;
  }

  #current(memory: Memory): Layout {
    const relayout = this.#relayout;
    if (relayout !== undefined && memory.byteLength !== this.#trackedLength) {
      if (!isDetached(memory)) {
        try {
          this.#layout = relayout(memory.byteLength - this.#base);
          this.#trust = null;
        } catch (error) {
          // The memory changed so that the layout no longer fits: the request fails.
          throw new BufferError((error as Error).message);
        }
      }
      this.#trackedLength = memory.byteLength;
    }
    return this.#layout;
  }

  #getbuffer(flags: number): BufferView {
    const memory = this.#memory();
    const layout = this.#current(memory);
    const end = this.#base + layout.end;
    if (end > memory.byteLength || (end === 0 && isDetached(memory))) {
      throw spanError(memory, this.#base, end, this.#what);
    }
    if (this.#trust === null || !this.#trust.intact()) this.#trust = trustOf(layout);
    const base = this.#base;
    const view = exportView(
      this,
      this.#what,
      memory,
      base,
      layout,
      this.readonly,
      flags,
      this.#trust,
    );
    this.#exports++;
    return view;
  }
}
