/**
 * `toPyodide`: an exporter of this family handed to Python. Python gets a `HeapBuffer`,
 * an object whose buffer (PEP 688 `__buffer__`, a memoryview made by
 * `PyMemoryView_FromBuffer`) has the exporter's format, shape and strides, so
 * `memoryview(obj)` in Python accepts it. When the exporter's memory is this Pyodide's
 * heap, the object addresses the same bytes (zero-copy); otherwise Python gets a C-order
 * copy on the heap, and `writeBack()` / `refresh()` move the bytes between the two.
 */
import {
  type BufferView,
  fillContiguousStrides,
  fromContiguous,
  getBuffer,
  PyBUF_FULL_RO,
  releaseBuffer,
  toContiguous,
} from "@pybuffer/core";
import { BufferError, ValueError } from "@pybuffer/struct";
import { heapOf } from "./heap.js";
import { type HeapBufferProxy, helpersFor } from "./helpers.js";
import { checkOptions } from "./options.js";
import { fromPythonError } from "./python-error.js";
import type { PyodideLike, PyProxyLike } from "./types.js";
import { formatForWasm32 } from "./wasm-format.js";

/** Options of {@link toPyodide}. */
export interface ToPyodideOptions {
  /** Copy even when the memory is the Pyodide heap (default `false`). */
  readonly copy?: boolean | undefined;
}

function call<T>(f: () => T): T {
  try {
    return f();
  } catch (error) {
    throw fromPythonError(error);
  }
}

/**
 * What {@link toPyodide} gives: the Python object (`proxy`, to pass to Python) and the
 * JavaScript end of the exchange, which holds the exporter's view until `release()`.
 *
 * @example
 * ```ts
 * const shared = toPyodide(NDBuffer.fromItems([1, 2, 3], { format: "i", shape: [3] }), pyodide);
 * shared.copied; // => true
 * shared.release();
 * ```
 */
export class PythonBuffer {
  /** The Python object: `memoryview(proxy)` in Python sees the exporter's layout. */
  readonly proxy: PyProxyLike;
  /** Whether Python reads a copy (the exporter's memory is not this Pyodide's heap). */
  readonly copied: boolean;
  readonly #view: BufferView;
  readonly #pyodide: PyodideLike;
  /** Address of the copy on the heap (copies only). */
  readonly #address: number;
  #released = false;

  /** @internal Use `toPyodide`. */
  constructor(
    proxy: HeapBufferProxy,
    view: BufferView,
    pyodide: PyodideLike,
    address: number,
    copied: boolean,
  ) {
    this.proxy = proxy;
    this.#view = view;
    this.#pyodide = pyodide;
    this.#address = address;
    this.copied = copied;
  }

  #copyBytes(): Uint8Array {
    if (this.#released) throw new ValueError("operation forbidden on a released PythonBuffer");
    return new Uint8Array(heapOf(this.#pyodide), this.#address, this.#view.len);
  }

  /**
   * Copies what Python wrote into its copy back to the exporter (in C order); nothing to
   * do without a copy. `BufferError` for a read-only exporter.
   */
  writeBack(): void {
    if (!this.copied) return;
    if (this.#view.readonly) throw new BufferError("toPyodide: the exporter is read-only");
    fromContiguous(this.#view, this.#copyBytes(), "C");
  }

  /** Copies the exporter's current bytes into Python's copy; nothing to do without a copy. */
  refresh(): void {
    if (!this.copied) return;
    toContiguous(this.#view, "C", this.#copyBytes());
  }

  /**
   * Ends the exchange: Python's object refuses new views (`ValueError: operation
   * forbidden on released memoryview object`) and the exporter's view is released.
   * `BufferError` while Python still holds a view of it, as `memoryview.release()`.
   * A second call does nothing.
   */
  release(): void {
    if (this.#released) return;
    call(() => (this.proxy as HeapBufferProxy).release());
    this.#released = true;
    releaseBuffer(this.#view);
    this.proxy.destroy();
  }

  [Symbol.dispose](): void {
    this.release();
  }
}

/**
 * `toPyodide(exporter, pyodide, options?)`: gives Python an object with the buffer
 * protocol whose `memoryview()` has the exporter's format, shape and strides (native
 * formats of another ABI renamed to their wasm32 equivalent, see the README). Zero-copy
 * when the exporter's memory is `pyodide`'s heap (a `fromPyodide` or `allocate`
 * exporter); otherwise a C-order copy on the heap, synced with `writeBack()` and
 * `refresh()`. The exporter's view is held until `release()`.
 *
 * Errors: the exporter's own (`TypeError` for a non-exporter); `ValueError` for a native
 * format that wasm32 lays out differently.
 *
 * @example
 * ```ts
 * const floats = NDBuffer.fromItems([0.5, 1.5], { format: "d", shape: [2] });
 * const shared = toPyodide(floats, pyodide);
 * pyodide.globals.set("shared", shared.proxy);
 * pyodide.runPython("memoryview(shared).tolist()").toJs(); // => [0.5, 1.5]
 * shared.release();
 * ```
 */
export function toPyodide(
  exporter: unknown,
  pyodide: PyodideLike,
  options?: ToPyodideOptions,
): PythonBuffer {
  const { copy } = checkOptions(options, "toPyodide");
  const helpers = helpersFor(pyodide);
  const view = getBuffer(exporter, PyBUF_FULL_RO);
  try {
    const format = formatForWasm32(view.format ?? "B", view.abi);
    const shape = view.shape ?? [];
    const onHeap = view.memory === heapOf(pyodide);
    const zeroCopy =
      onHeap &&
      copy !== true &&
      view.len > 0 &&
      (view.suboffsets === null || view.abi === "wasm32");
    if (zeroCopy) {
      const proxy = call(() =>
        helpers.HeapBuffer(
          view.buf,
          view.itemsize,
          format,
          shape,
          view.strides ?? [],
          view.suboffsets ?? undefined,
          view.readonly,
        ),
      );
      return new PythonBuffer(proxy, view, pyodide, 0, false);
    }
    // The heap may grow when the copy is allocated: stage a source on the heap first.
    const staged = onHeap ? toContiguous(view, "C") : null;
    const strides = fillContiguousStrides(shape, view.itemsize, "C");
    const proxy = call(() =>
      helpers.HeapBuffer(
        undefined,
        view.itemsize,
        format,
        shape,
        strides,
        undefined,
        view.readonly,
      ),
    );
    const address = proxy.address;
    const target = new Uint8Array(heapOf(pyodide), address, view.len);
    if (staged !== null) target.set(staged);
    else toContiguous(view, "C", target);
    return new PythonBuffer(proxy, view, pyodide, address, true);
  } catch (error) {
    releaseBuffer(view);
    throw error;
  }
}
