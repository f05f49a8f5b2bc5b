/**
 * `allocate`: an array on the Pyodide heap, made from JavaScript, that Python and
 * JavaScript then share without a copy.
 */
import { fillContiguousStrides } from "@pybuffer/core";
import { calcSize, ValueError } from "@pybuffer/struct";
import { fromPyodide } from "./from-pyodide.js";
import { helpersFor } from "./helpers.js";
import { checkOptions } from "./options.js";
import type { PyodideExporter } from "./pyodide-exporter.js";
import { fromPythonError } from "./python-error.js";
import type { PyBufferProxyLike, PyodideLike } from "./types.js";

/** Options of {@link allocate}. */
export interface AllocateOptions {
  /** Whether Python (and our views) may only read it (default `false`). */
  readonly readonly?: boolean | undefined;
}

/**
 * `allocate(pyodide, format, shape, options?)`: a zeroed C-contiguous array of `shape`
 * items of `format` (native codes sized for wasm32) on `pyodide`'s heap, owned by a
 * Python object. Returns the exporter over it: fill it from JavaScript through its views,
 * and give `exporter.source` to Python, whose `memoryview()` reads the same bytes.
 *
 * Errors: struct's for a bad format; `ValueError` for a bad shape.
 *
 * @example
 * ```ts
 * const grid = allocate(pyodide, "d", [2, 2]);
 * const view = getBuffer(grid, PyBUF_FULL);
 * new Float64Array(view.memory, view.buf, 4).set([1, 2, 3, 4]);
 * releaseBuffer(view);
 * pyodide.globals.set("grid", grid.source);
 * pyodide.runPython("memoryview(grid).tolist()").toJs(); // => [[1, 2], [3, 4]]
 * ```
 */
export function allocate(
  pyodide: PyodideLike,
  format: string,
  shape: readonly number[],
  options?: AllocateOptions,
): PyodideExporter {
  const { readonly } = checkOptions(options, "allocate");
  const itemsize = calcSize(format, { abi: "wasm32" });
  if (!Array.isArray(shape) || shape.length > 64) {
    throw new TypeError("allocate: shape must be a list of at most 64 extents");
  }
  let len = itemsize;
  for (const n of shape) {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new ValueError("allocate: shape extents must be non-negative integers");
    }
    len *= n;
  }
  if (!Number.isSafeInteger(len) || len > 2 ** 32) {
    throw new ValueError(`allocate: ${len} bytes do not fit in a wasm32 heap`);
  }
  const strides = fillContiguousStrides(shape, itemsize, "C");
  const helpers = helpersFor(pyodide);
  let proxy: PyBufferProxyLike;
  try {
    proxy = helpers.HeapBuffer(
      undefined,
      itemsize,
      format,
      shape,
      strides,
      undefined,
      readonly === true,
    ) as unknown as PyBufferProxyLike;
  } catch (error) {
    throw fromPythonError(error);
  }
  return fromPyodide(proxy, { pyodide });
}
