# Live oracle functions for @pybuffer/core's property tests: a _testbuffer.ndarray is
# built over the given bytes and layout, and CPython's answers are returned (every
# request flag, is_contiguous, PyBuffer_ToContiguous in C/F/A order, get_pointer).
import struct

from core_fields import view_fields

from _testbuffer import (
    ND_FORTRAN, ND_PIL, ND_WRITABLE, PyBUF_FULL_RO, get_pointer, is_contiguous, ndarray,
    py_buffer_to_contiguous,
)




def _outcome(fn):
    try:
        return {"ok": fn()}
    except Exception as exc:  # the exception is the answer
        return {"$error": [type(exc).__name__, str(exc)]}


def layout_answers(memory, fmt, shape, strides, offset, readonly, fortran, pil, requests, index):
    """CPython's answers for one layout: ndarray(items of memory, ...)."""
    items = [x[0] if len(x) == 1 else x for x in struct.iter_unpack(fmt, memory)]
    flags = (0 if readonly else ND_WRITABLE) | (ND_FORTRAN if fortran else 0) | (ND_PIL if pil else 0)
    kwargs = {"shape": shape, "offset": offset, "format": fmt, "flags": flags}
    if strides is not None:
        kwargs["strides"] = strides
    if shape:
        nd = ndarray(items, **kwargs)
    else:
        nd = ndarray(items[offset // struct.calcsize(fmt)], shape=[], format=fmt, flags=flags)
    item = None
    if index is not None:
        value = get_pointer(nd, index)
        item = struct.pack(fmt, *(value if isinstance(value, tuple) else (value,)))
    return {
        "contiguous": [bool(is_contiguous(nd, o)) for o in "CFA"],
        "bytes": [py_buffer_to_contiguous(nd, o, PyBUF_FULL_RO) for o in "CFA"],
        "requests": [_outcome(lambda r=r: view_fields(ndarray(nd, getbuf=r), contiguity=False))
                     for r in requests],
        "item": item,
    }
