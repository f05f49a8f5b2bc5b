/**
 * The parts of Pyodide this package uses, written structurally so that neither the types
 * nor the code import `pyodide` (an optional peer dependency): any Pyodide whose objects
 * have these shapes works, and two loaded instances are told apart by their heaps.
 */

/**
 * A `PyProxy` (a Python object seen from JavaScript), as far as this package needs it.
 * Pyodide's own `PyProxy` type is assignable to it.
 *
 * @example
 * const ints: PyProxyLike = pyodide.runPython("array.array('i', [1, 2])");
 */
export interface PyProxyLike {
  /** The Python type's name, `"array.array"`, `"bytearray"`. */
  readonly type: string;
  /** Drops the JavaScript reference to the Python object. */
  destroy(): void;
}

/**
 * Pyodide's `PyBufferView` (what `proxy.getBuffer(type)` returns): `offset` and
 * `strides` count elements of `data`'s TypedArray, `nbytes` is the span the view
 * touches, `readonly` is `0` or `1` (typed `boolean` by Pyodide).
 *
 * @example
 * const pb: PyBufferViewLike = proxy.getBuffer("u8");
 */
export interface PyBufferViewLike {
  readonly offset: number;
  readonly readonly: number | boolean;
  readonly format: string;
  readonly itemsize: number;
  readonly ndim: number;
  readonly nbytes: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  /** A TypedArray or DataView over the span on the Pyodide heap (a Symbol once released). */
  readonly data: ArrayBufferView | symbol;
  /** Releases the Python export (`PyBuffer_Release`); idempotent. */
  release(): void;
}

/**
 * A `PyProxy` of a Python object with the buffer protocol: it has `getBuffer`.
 *
 * @example
 * const buffer: PyBufferProxyLike = pyodide.runPython("bytearray(4)");
 */
export interface PyBufferProxyLike extends PyProxyLike {
  getBuffer(type?: string): PyBufferViewLike;
}

/**
 * A loaded Pyodide (what `loadPyodide()` resolves to), as far as this package needs it.
 *
 * @example
 * const pyodide: PyodideLike = await loadPyodide();
 */
export interface PyodideLike {
  runPython(code: string, options?: { globals?: unknown }): unknown;
}
