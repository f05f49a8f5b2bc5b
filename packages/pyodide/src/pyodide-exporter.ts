/**
 * A Python object inside Pyodide as an exporter of this family, zero-copy over the
 * Pyodide heap. Given a PyProxy, the Python export (Pyodide's `getBuffer('u8')`, which
 * exports any layout without suboffsets, records included) is taken by our first view
 * and given back with our last, as a `memoryview` holds its object's export in CPython:
 * while one of our views is out, Python cannot resize a `bytearray`; once all are
 * released, it can, and the next view follows the object to wherever it moved.
 *
 * Heap growth: a grown WebAssembly memory gets a new ArrayBuffer and the old one is
 * detached. Views already handed out keep the old one, so they fail cleanly (every
 * operation checks its memory: `ValueError: operation on a detached ArrayBuffer`); the
 * exporter finds the new heap at its next request, and the Python export, whose
 * addresses do not move, is still the one held.
 */
import {
  type BufferView,
  bf_getbuffer,
  bf_releasebuffer,
  Exportable,
  layoutView,
  type Memory,
  reqAnyContiguous,
  reqCContiguous,
  reqFContiguous,
  reqFormat,
  reqIndirect,
  reqStrides,
  reqWritable,
  type VerifiedLayout,
} from "@pybuffer/core";
import { BufferError, tp_name } from "@pybuffer/struct";
import { heapThrough } from "./heap.js";
import { dataOf, detachedViewError, type Hold, holdOf } from "./hold.js";
import type { InstanceRoad } from "./instance-road.js";
import { fromPythonError } from "./python-error.js";
import type { PyBufferProxyLike, PyBufferViewLike, PyodideLike } from "./types.js";

/** Options of `fromPyodide`. */
export interface PyodideExportOptions {
  /**
   * The Pyodide instance the object lives in. Needed only for objects whose buffer has
   * suboffsets (which Pyodide's `getBuffer` refuses; they are exported through ctypes),
   * and to follow the heap's growth under a PyBufferView.
   */
  readonly pyodide?: PyodideLike | undefined;
}

/** `view.internal` of our views: which hold it uses, and whether it is still out. */
class Lease {
  readonly hold: Hold;
  live = true;
  constructor(hold: Hold) {
    this.hold = hold;
  }
}

function refused(demand: string): BufferError {
  return new BufferError(`fromPyodide: underlying buffer is not ${demand}`);
}

/** The request checks CPython's exporters make, for a layout without suboffsets. */
function checkRequest(layout: VerifiedLayout, readonly: boolean, flags: number): void {
  if (reqWritable(flags) && readonly) throw new BufferError("Object is not writable.");
  if (!reqStrides(flags) && !layout.c) throw refused("C-contiguous");
  if (reqCContiguous(flags) && !layout.c) throw refused("C-contiguous");
  if (reqFContiguous(flags) && !layout.f) throw refused("Fortran contiguous");
  if (reqAnyContiguous(flags) && !layout.c && !layout.f) throw refused("contiguous");
}

/** A view with suboffsets, as a plain object: getBuffer checks it in full. */
function indirectView(owner: object, hold: Hold, flags: number, lease: Lease): BufferView {
  const { layout } = hold;
  if (!reqIndirect(flags)) {
    throw new BufferError("fromPyodide: underlying buffer requires suboffsets");
  }
  if (reqWritable(flags) && hold.readonly) throw new BufferError("Object is not writable.");
  if (reqCContiguous(flags)) throw refused("C-contiguous");
  if (reqFContiguous(flags)) throw refused("Fortran contiguous");
  if (reqAnyContiguous(flags)) throw refused("contiguous");
  return {
    obj: owner,
    memory: hold.memory,
    buf: hold.address,
    len: layout.len,
    readonly: hold.readonly,
    itemsize: layout.itemsize,
    format: reqFormat(flags) ? layout.format : null,
    ndim: layout.shape.length,
    shape: layout.shape.slice(),
    strides: layout.strides.slice(),
    suboffsets: (layout.suboffsets as number[]).slice(),
    abi: "wasm32",
    internal: lease,
  };
}

/**
 * An exporter over a Python object inside Pyodide (see {@link fromPyodide}). Its views
 * have the object's own format, item size, shape, strides, suboffsets and read-only
 * flag, as CPython reports them for `memoryview(obj)` on wasm32, over the Pyodide heap.
 *
 * @example
 * ```ts
 * const exporter = fromPyodide(pyodide.runPython("bytearray(b'hi')"));
 * const view = getBuffer(exporter, PyBUF_FULL_RO);
 * view.memory === pyodide.runPython("bytearray(1)").getBuffer("u8").data.buffer; // => true
 * releaseBuffer(view);
 * ```
 */
export interface PyodideExporter {
  /** `bf_getbuffer`: takes the Python export with our first view. */
  [bf_getbuffer](flags: number): BufferView;
  /** `bf_releasebuffer`: gives the Python export back with our last view. */
  [bf_releasebuffer](view: BufferView): void;
}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the static block installs the symbol methods
export class PyodideExporter extends Exportable {
  static {
    Object.defineProperty(PyodideExporter.prototype, tp_name, {
      value: "PyodideExporter",
      configurable: true,
    });
    Object.defineProperties(PyodideExporter.prototype, {
      [bf_getbuffer]: {
        value(this: PyodideExporter, flags: number): BufferView {
          return this.#export(flags);
        },
        writable: true,
        configurable: true,
      },
      [bf_releasebuffer]: {
        value(this: PyodideExporter, view: BufferView): void {
          this.#end(view);
        },
        writable: true,
        configurable: true,
      },
      [Symbol.for("nodejs.util.inspect.custom")]: {
        value(this: PyodideExporter): string {
          return this.toString();
        },
        writable: true,
        configurable: true,
      },
    });
  }

  /** The PyProxy or PyBufferView this exporter reads. */
  declare readonly source: PyBufferProxyLike | PyBufferViewLike;
  readonly #proxy: PyBufferProxyLike | null;
  /** The roads through the Pyodide instance, when the caller gave it. */
  readonly #road: InstanceRoad | null;
  /** The Python export in use: taken by our first view, dropped with our last. */
  #hold: Hold | null;

  /** @internal Use `fromPyodide`. */
  constructor(
    source: PyBufferProxyLike | PyBufferViewLike,
    proxy: PyBufferProxyLike | null,
    road: InstanceRoad | null,
  ) {
    super();
    this.source = source;
    this.#proxy = proxy;
    this.#road = road;
    this.#hold = proxy === null ? holdOf(source as PyBufferViewLike, false) : null;
  }

  /** Views of ours not yet released (all holds). */
  get exports(): number {
    return this.#hold?.count ?? 0;
  }

  /** `<PyodideExporter of 'bytearray'>`. */
  override toString(): string {
    let name = "PyBufferView";
    try {
      if (this.#proxy !== null) name = this.#proxy.type;
    } catch {
      name = "PyProxy"; // destroyed
    }
    return `<PyodideExporter of '${name}'>`;
  }

  #acquire(proxy: PyBufferProxyLike): Hold {
    let pb: PyBufferViewLike;
    try {
      pb = proxy.getBuffer("u8");
    } catch (error) {
      const translated = fromPythonError(error);
      if (translated instanceof BufferError && this.#road !== null) {
        return this.#road.fullExport(proxy);
      }
      if (translated instanceof BufferError) {
        throw new BufferError(
          `${translated.message} (fromPyodide exports suboffsets when given { pyodide })`,
        );
      }
      throw translated === error
        ? new BufferError(`fromPyodide: ${(error as Error).message}`)
        : translated;
    }
    try {
      return holdOf(pb, true);
    } catch (error) {
      pb.release();
      throw error;
    }
  }

  /** The heap as it is now, for a hold whose memory was detached by growth. */
  #heapNow(hold: Hold): Memory {
    if (this.#road !== null) return this.#road.heap();
    if (this.#proxy !== null && hold.layout.len > 0) return heapThrough(this.#proxy);
    // A PyBufferView without the instance: the new heap cannot be found.
    throw detachedViewError();
  }

  #export(flags: number): BufferView {
    let hold = this.#hold;
    if (hold === null) {
      hold = this.#acquire(this.#proxy as PyBufferProxyLike);
      this.#hold = hold;
    } else {
      if (!hold.owned) dataOf(this.source as PyBufferViewLike);
      if (hold.memory.byteLength === 0 && hold.layout.len > 0) hold.memory = this.#heapNow(hold);
    }
    const lease = new Lease(hold);
    let view: BufferView;
    try {
      const verified = hold.layout.verified;
      if (verified === null) view = indirectView(this, hold, flags, lease);
      else {
        checkRequest(verified, hold.readonly, flags);
        view = layoutView(verified, this, hold.memory, hold.address, hold.readonly, flags, lease);
      }
    } catch (error) {
      if (hold.count === 0) this.#drop(hold);
      throw error;
    }
    hold.count++;
    return view;
  }

  #end(view: BufferView): void {
    const lease = view?.internal;
    if (!(lease instanceof Lease) || !lease.live) return;
    const hold = lease.hold;
    if (hold !== this.#hold) return;
    lease.live = false;
    hold.count--;
    if (hold.count === 0) this.#drop(hold);
  }

  #drop(hold: Hold): void {
    if (!hold.owned) return;
    if (this.#hold === hold) this.#hold = null;
    hold.drop();
  }
}
