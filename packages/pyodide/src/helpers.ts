/**
 * The Python half of this package, defined once per Pyodide instance: a ctypes
 * `Py_buffer` for the exports Pyodide's `getBuffer` cannot make (suboffsets), and
 * `HeapBuffer`, a Python object whose buffer is memory on the heap that JavaScript
 * describes (format, shape, strides, suboffsets, read-only), made with
 * `PyMemoryView_FromBuffer` and handed to Python through PEP 688's `__buffer__`
 * (CPython ≥ 3.12, so Pyodide ≥ 0.26).
 */
import { fromPythonError } from "./python-error.js";
import type { PyodideLike, PyProxyLike } from "./types.js";

const SOURCE = `
import ctypes

class _Py_buffer(ctypes.Structure):
    _fields_ = [
        ("buf", ctypes.c_void_p), ("obj", ctypes.c_void_p), ("len", ctypes.c_ssize_t),
        ("itemsize", ctypes.c_ssize_t), ("readonly", ctypes.c_int), ("ndim", ctypes.c_int),
        ("format", ctypes.c_char_p), ("shape", ctypes.POINTER(ctypes.c_ssize_t)),
        ("strides", ctypes.POINTER(ctypes.c_ssize_t)),
        ("suboffsets", ctypes.POINTER(ctypes.c_ssize_t)), ("internal", ctypes.c_void_p),
    ]

_get_buffer = ctypes.pythonapi.PyObject_GetBuffer
_get_buffer.argtypes = [ctypes.py_object, ctypes.POINTER(_Py_buffer), ctypes.c_int]
_release = ctypes.pythonapi.PyBuffer_Release
_release.argtypes = [ctypes.POINTER(_Py_buffer)]
_from_buffer = ctypes.pythonapi.PyMemoryView_FromBuffer
_from_buffer.argtypes = [ctypes.POINTER(_Py_buffer)]
_from_buffer.restype = ctypes.py_object
_PyBUF_FULL_RO = 0x11C


class _Export:
    """One PyBUF_FULL_RO export of obj (what memoryview(obj) asks for), held until release()."""

    def __init__(self, obj):
        self.view = _Py_buffer()
        _get_buffer(obj, ctypes.byref(self.view), _PyBUF_FULL_RO)
        v = self.view
        n = v.ndim
        self.fields = [
            v.buf or 0, v.len, v.itemsize, bool(v.readonly),
            (v.format or b"B").decode("latin-1"),
            [v.shape[i] for i in range(n)] if v.shape else None,
            [v.strides[i] for i in range(n)] if v.strides else None,
            [v.suboffsets[i] for i in range(n)] if v.suboffsets else None,
        ]

    def release(self):
        if self.view is not None:
            _release(ctypes.byref(self.view))
            self.view = None


def _ssizes(values):
    return (ctypes.c_ssize_t * max(len(values), 1))(*values)


class HeapBuffer:
    """Memory on the Pyodide heap with the layout JavaScript gave, as a buffer exporter.

    address None: a zeroed, 8-aligned block of its own (kept with the object).
    """

    def __init__(self, address, itemsize, fmt, shape, strides, suboffsets, readonly):
        length = itemsize
        for n in shape:
            length *= n
        self._block = None
        if address is None:
            self._block = (ctypes.c_uint64 * max((length + 7) // 8, 1))()
            address = ctypes.addressof(self._block)
        self.address = address
        self._format = ctypes.create_string_buffer(fmt.encode("latin-1"))
        self._shape = _ssizes(shape)
        self._strides = _ssizes(strides)
        self._suboffsets = _ssizes(suboffsets) if suboffsets is not None else None
        view = _Py_buffer(
            address, None, length, itemsize, 1 if readonly else 0, len(shape),
            ctypes.cast(self._format, ctypes.c_char_p), self._shape, self._strides,
            self._suboffsets, None,
        )
        self._mv = _from_buffer(ctypes.byref(view))

    def __buffer__(self, flags):
        return self._mv

    def release(self):
        """Refuses (BufferError) while Python holds a view of it, as memoryview.release()."""
        self._mv.release()

    def __repr__(self):
        try:
            return f"<pybuffer HeapBuffer format={self._mv.format!r} shape={self._mv.shape}>"
        except ValueError:
            return "<pybuffer HeapBuffer (released)>"


namespace = {"Export": _Export, "HeapBuffer": HeapBuffer}
namespace
`;

/** A `HeapBuffer` seen from JavaScript. */
export type HeapBufferProxy = PyProxyLike & { readonly address: number; release(): void };

/** The helpers of one Pyodide instance, as Python callables seen from JavaScript. */
export interface Helpers {
  /** `Export(obj)`: a held `PyBUF_FULL_RO` export; `.fields`, `.release()`. */
  readonly Export: (obj: unknown) => PyProxyLike & {
    readonly fields: PyProxyLike & { toJs(): unknown[] };
    release(): void;
  };
  /**
   * `HeapBuffer(address, itemsize, format, shape, strides, suboffsets, readonly)`; an
   * `address` of `undefined` allocates a zeroed block owned by the object.
   */
  readonly HeapBuffer: (...args: unknown[]) => HeapBufferProxy;
}

const cache = new WeakMap<object, Helpers>();

/**
 * The helpers of `pyodide`, defined in a fresh namespace on first use (Python's globals
 * are left alone).
 *
 * @example
 * const { HeapBuffer } = helpersFor(pyodide);
 */
export function helpersFor(pyodide: PyodideLike): Helpers {
  let helpers = cache.get(pyodide);
  if (helpers === undefined) {
    let namespace: { get(name: string): unknown } & PyProxyLike;
    try {
      const globals = (pyodide as { toPy?: (v: unknown) => unknown }).toPy?.({});
      namespace = pyodide.runPython(SOURCE, { globals }) as typeof namespace;
    } catch (error) {
      throw fromPythonError(error);
    }
    helpers = {
      Export: namespace.get("Export") as Helpers["Export"],
      HeapBuffer: namespace.get("HeapBuffer") as Helpers["HeapBuffer"],
    };
    namespace.destroy();
    cache.set(pyodide, helpers);
  }
  return helpers;
}
