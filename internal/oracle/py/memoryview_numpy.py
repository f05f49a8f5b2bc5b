# NumPy as the oracle for @pybuffer/memoryview's multi-dimensional slicing (an
# extension: CPython's memoryview raises NotImplementedError there). A view is rebuilt as
# an ndarray over the same bytes (frombuffer + as_strided), sliced with one slice per
# leading dimension, and reported; assignment writes a C-ordered source into the slice.
import numpy as np
from numpy.lib.stride_tricks import as_strided


def _array(desc, writable=False):
    mem = bytearray(desc["mem"])
    first = np.frombuffer(mem, dtype=np.dtype(desc["fmt"]), count=1, offset=desc["offset"])
    return mem, as_strided(first, shape=desc["shape"], strides=desc["strides"], writeable=writable)


def _slices(keys):
    return tuple(slice(*k) for k in keys)


def sliced(desc, keys):
    _, a = _array(desc)
    s = a[_slices(keys)]
    return {"shape": list(s.shape), "strides": list(s.strides), "tolist": s.tolist(),
            "tobytes": s.tobytes()}


def assigned(desc, keys, src):
    mem, a = _array(desc, writable=True)
    target = a[_slices(keys)]
    target[...] = np.frombuffer(bytes(src), dtype=a.dtype).reshape(target.shape)
    return bytes(mem)
