# oracle: 3.13
# Vectors for @pybuffer/core's copies into destinations whose items share bytes (zero
# strides, strides shorter than the items' span): PyObject_CopyData and
# PyBuffer_FromContiguous called through ctypes on _testbuffer.ndarray layouts that
# stay inside their memory, and the destination's items afterwards. Where items
# overlap, the result is decided by CPython's write order (CopyData steps its index
# before each copy, so item 0 is written last; FromContiguous walks C or F order).
import ctypes
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
import oracle_json  # noqa: E402
from _testbuffer import ND_FORTRAN, ND_WRITABLE, PyBUF_FULL, ndarray  # noqa: E402


class PyBuffer(ctypes.Structure):
    _fields_ = [
        ("buf", ctypes.c_void_p), ("obj", ctypes.c_void_p), ("len", ctypes.c_ssize_t),
        ("itemsize", ctypes.c_ssize_t), ("readonly", ctypes.c_int), ("ndim", ctypes.c_int),
        ("format", ctypes.c_char_p), ("shape", ctypes.c_void_p), ("strides", ctypes.c_void_p),
        ("suboffsets", ctypes.c_void_p), ("internal", ctypes.c_void_p),
    ]


API = ctypes.pythonapi
API.PyObject_CopyData.argtypes = [ctypes.py_object, ctypes.py_object]
API.PyObject_GetBuffer.argtypes = [ctypes.py_object, ctypes.POINTER(PyBuffer), ctypes.c_int]
API.PyBuffer_Release.argtypes = [ctypes.POINTER(PyBuffer)]
API.PyBuffer_FromContiguous.argtypes = [
    ctypes.POINTER(PyBuffer), ctypes.c_char_p, ctypes.c_ssize_t, ctypes.c_char]


def extent(shape, strides, itemsize):
    lo = hi = 0
    for n, s in zip(shape, strides):
        span = (n - 1) * s
        if span < 0:
            lo += span
        else:
            hi += span
    return lo, hi + itemsize


def rand_dest(rng, fmt, itemsize):
    ndim = rng.choice([1, 1, 2, 2, 3])
    shape = [rng.randint(1, 4) for _ in range(ndim)]
    # Strides in bytes, often shorter than an item or zero, so items share bytes.
    strides = [rng.choice([0, 0, 1, itemsize, -itemsize, 2 * itemsize, 3]) for _ in range(ndim)]
    strides = [s - s % itemsize for s in strides]
    lo, hi = extent(shape, strides, itemsize)
    offset = -lo
    nitems = (hi - lo) // itemsize + rng.randint(0, 2)
    return shape, strides, offset, nitems


def make(fmt, nitems, shape, strides, offset, fill):
    return ndarray([fill(i) for i in range(nitems)], shape=shape, strides=strides,
                   offset=offset, format=fmt, flags=ND_WRITABLE)


def copy_data(dest, shape, fmt, transpose):
    n = 1
    for x in shape:
        n *= x
    src = ndarray([100 + i for i in range(n)], shape=shape, format=fmt)
    if transpose and len(shape) > 1:
        # A non-contiguous source of the same shape: a Fortran-ordered array.
        src = ndarray([100 + i for i in range(n)], shape=shape, format=fmt, flags=ND_FORTRAN)
    if API.PyObject_CopyData(dest, src) != 0:
        raise RuntimeError("CopyData failed")
    return src.tobytes()


def from_contiguous(dest, data, order):
    view = PyBuffer()
    if API.PyObject_GetBuffer(dest, ctypes.byref(view), PyBUF_FULL) != 0:
        raise RuntimeError("GetBuffer failed")
    try:
        API.PyBuffer_FromContiguous(ctypes.byref(view), data, len(data), order.encode())
    finally:
        API.PyBuffer_Release(ctypes.byref(view))


def main():
    rng = random.Random(1913)
    cases = []
    while len(cases) < 300:
        fmt = rng.choice(["B", "<H"])
        itemsize = 1 if fmt == "B" else 2
        shape, strides, offset, nitems = rand_dest(rng, fmt, itemsize)
        if not any(s == 0 or abs(s) < itemsize for s, n in zip(strides, shape) if n > 1):
            if rng.random() < 0.7:
                continue  # mostly layouts whose items share bytes
        dest = make(fmt, nitems, shape, strides, offset, lambda i: i % 7)
        case = {"format": fmt, "memlen": nitems * itemsize, "shape": shape,
                "strides": strides, "offset": offset}
        kind = rng.choice(["copyData", "C", "F", "partial"])
        if kind == "copyData":
            case["transpose"] = rng.random() < 0.5
            case["source"] = copy_data(dest, shape, fmt, case["transpose"])
        else:
            n = 1
            for x in shape:
                n *= x
            size = n * itemsize
            if kind == "partial":
                size = rng.randint(0, size)
            data = bytes((200 + 3 * i) % 256 for i in range(size))
            case["order"] = "C" if kind == "partial" and rng.random() < 0.5 else (
                "F" if kind != "C" else "C")
            case["data"] = data
            from_contiguous(dest, data, case["order"])
        case["kind"] = kind
        case["result"] = dest.tobytes()
        cases.append(oracle_json.encode(case))
    oracle_json.dump({"cases": cases})


main()
