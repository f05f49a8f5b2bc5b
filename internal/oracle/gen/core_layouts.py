# oracle: 3.13
# Vectors for @pybuffer/core: random _testbuffer.ndarray layouts (ndim 0-4, negative
# and zero strides, offsets, empty dimensions, Fortran order, PIL-style suboffsets)
# and CPython's answers for every request flag, is_contiguous, get_pointer and
# PyBuffer_ToContiguous in C, F and A order.
#
# Each case records the exporter's full memory so JavaScript can rebuild the same
# NDBuffer. For ND_PIL layouts the pointer table is rebuilt here the way _testbuffer's
# init_suboffsets lays it out (table first, padded to 8 bytes, then the data), with
# pointers written as little-endian 8-byte offsets into that memory (lp64 model);
# a pure-Python walk over that memory must reproduce CPython's bytes before a case
# is kept.
import os
import random
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
import oracle_json  # noqa: E402
from core_fields import REQUESTS, view_fields  # noqa: E402
from _testbuffer import (  # noqa: E402
    ND_FORTRAN, ND_PIL, ND_WRITABLE, PyBUF_FULL_RO, get_pointer, is_contiguous, ndarray,
    py_buffer_to_contiguous,
)


FORMATS = ["B", "b", "c", "?", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "e", "f", "d",
           "P", "<i", ">H", "=q", "!d", "2B", "hb", "3s", "bi"]


def rand_value(rng, code):
    if code in "bhilqn":
        bits = struct.calcsize(code) * 8
        return rng.randint(-(2 ** (bits - 1)), 2 ** (bits - 1) - 1)
    if code in "BHILQNP":
        return rng.randint(0, 2 ** (struct.calcsize(code) * 8) - 1)
    if code in "efd":
        return struct.unpack(code, struct.pack(code, rng.uniform(-1000, 1000)))[0]
    if code == "?":
        return rng.random() < 0.5
    if code == "c":
        return bytes([rng.randint(0, 255)])
    raise ValueError(code)


def rand_item(rng, fmt):
    body = fmt.lstrip("@=<>!")
    if body == "2B":
        return (rng.randint(0, 255), rng.randint(0, 255))
    if body == "3s":
        return bytes(rng.randint(0, 255) for _ in range(3))
    if len(body) > 1:
        return tuple(rand_value(rng, c) for c in body)
    return rand_value(rng, body)


def rand_structure(rng, itemsize):
    """(nitems, shape, strides, offset) of a valid random layout, strides may be None."""
    ndim = rng.choice([0, 1, 1, 2, 2, 3, 3, 4])
    if ndim == 0:
        nitems = rng.randint(1, 4)
        return nitems, [], None, rng.randrange(nitems) * itemsize
    shape = [0 if rng.random() < 0.05 else rng.randint(1, 5) for _ in range(ndim)]
    if rng.random() < 0.35:
        count = 1
        for n in shape:
            count *= n
        return max(count, 1), shape, None, 0
    strides = []
    for _ in range(ndim):
        k = 0 if rng.random() < 0.05 else rng.choice([-3, -2, -1, 1, 1, 2, 3, 4])
        strides.append(k * itemsize)
    if 0 in shape:
        nitems = rng.randint(1, 5)
        return nitems, shape, strides, rng.randrange(nitems) * itemsize
    imin = sum((n - 1) * s for n, s in zip(shape, strides) if s < 0)
    imax = sum((n - 1) * s for n, s in zip(shape, strides) if s > 0)
    before, after = rng.randint(0, 2), rng.randint(0, 2)
    nitems = (imax - imin) // itemsize + 1 + before + after
    return nitems, shape, strides, -imin + before * itemsize


def pil_memory(data, shape, strides, offset):
    """The memory, buf, strides and suboffsets _testbuffer's ND_PIL conversion makes."""
    addsize = 8 * ((shape[0] * 8 + 7) // 8)
    imin = suboffset0 = 0
    for n in range(len(shape)):
        if shape[n] == 0:
            break
        if strides[n] <= 0:
            x = (shape[n] - 1) * strides[n]
            imin += x
            suboffset0 += -x if n >= 1 else 0
    start = addsize + offset + imin
    step = abs(strides[0])
    # An empty array's pointers are never followed (C stores whatever it computed).
    table = b"".join(struct.pack("<Q", max(0, start + n * step)) for n in range(shape[0]))
    memory = table + bytes(addsize - len(table)) + data
    new_strides = list(strides)
    buf = 0
    if strides[0] >= 0:
        new_strides[0] = 8
    else:
        new_strides[0] = -8
        if shape[0] > 0:
            buf = (shape[0] - 1) * 8
    return memory, buf, new_strides, [suboffset0] + [-1] * (len(shape) - 1)


def c_strides(shape, itemsize, fortran=False):
    strides, sd = [0] * len(shape), itemsize
    for i in (range(len(shape)) if fortran else reversed(range(len(shape)))):
        strides[i] = sd
        sd *= shape[i]
    return strides


def walk_bytes(memory, buf, shape, strides, suboffsets, itemsize):
    """C-order bytes of a layout over memory, following suboffsets (the JS pointer model)."""
    out = []

    def rec(ptr, dim):
        if dim == len(shape):
            out.append(memory[ptr:ptr + itemsize])
            return
        for i in range(shape[dim]):
            p = ptr + i * strides[dim]
            if suboffsets and suboffsets[dim] >= 0:
                p = struct.unpack_from("<Q", memory, p)[0] + suboffsets[dim]
            rec(p, dim + 1)
    rec(buf, 0)
    return b"".join(out)


def item_bytes(fmt, value):
    return struct.pack(fmt, *(value if isinstance(value, tuple) else (value,)))


def make_case(rng):
    fmt = rng.choice(FORMATS)
    itemsize = struct.calcsize(fmt)
    nitems, shape, strides, offset = rand_structure(rng, itemsize)
    items = [rand_item(rng, fmt) for _ in range(nitems)]
    flags = ND_WRITABLE if rng.random() < 0.5 else 0
    if strides is None and len(shape) > 1 and rng.random() < 0.7:
        flags |= ND_FORTRAN
    pil = len(shape) > 0 and rng.random() < 0.25
    if pil:
        flags |= ND_PIL
    data = b"".join(item_bytes(fmt, x) for x in items)
    if not all(len(item_bytes(fmt, x)) == itemsize for x in items):
        raise AssertionError(fmt)
    kwargs = {"shape": shape, "offset": offset, "format": fmt, "flags": flags}
    if strides is not None:
        kwargs["strides"] = strides
    if ndarray(items, shape=[nitems], format=fmt).tobytes() != data:
        raise AssertionError("memory differs from _testbuffer's")
    if shape:
        nd = ndarray(items, **kwargs)
    else:
        # A scalar ndarray holds just its item.
        nd = ndarray(items[offset // itemsize], shape=[], format=fmt, flags=flags)
        data = item_bytes(fmt, items[offset // itemsize])
        offset = 0
    full = strides if strides is not None else c_strides(shape, itemsize, bool(flags & ND_FORTRAN))
    case = {"format": fmt, "itemsize": itemsize, "shape": shape, "readonly": not flags & ND_WRITABLE}
    if pil:
        memory, buf, pstrides, suboffsets = pil_memory(data, shape, full, offset)
        case.update(memory=memory, offset=buf, strides=pstrides, suboffsets=suboffsets, order="C")
    else:
        case.update(memory=data, offset=offset, strides=strides, suboffsets=None,
                    order="F" if flags & ND_FORTRAN else "C")
    expect_c = py_buffer_to_contiguous(nd, "C", PyBUF_FULL_RO)
    walked = walk_bytes(case["memory"], case["offset"], shape, case["strides"] or full,
                        case["suboffsets"], itemsize)
    if walked != expect_c:
        raise AssertionError("layout reconstruction differs from CPython")
    case["contiguous"] = [bool(is_contiguous(nd, o)) for o in "CFA"]
    case["to_contiguous"] = {o: oracle_json.outcome(py_buffer_to_contiguous, nd, o, PyBUF_FULL_RO)
                             for o in "CFA"}
    case["requests"] = [[req, oracle_json.outcome(lambda r=req: view_fields(ndarray(nd, getbuf=r)))]
                        for req in REQUESTS]
    case["pointers"] = pointer_cases(rng, nd, shape, fmt)
    return case


def pointer_cases(rng, nd, shape, fmt):
    out = []
    if 0 in shape:
        return out
    for _ in range(3):
        index = [rng.randrange(n) for n in shape]
        out.append([index, oracle_json.outcome(lambda i=index: item_bytes(fmt, get_pointer(nd, i)))])
    if shape:
        bad = [rng.randrange(n) for n in shape]
        k = rng.randrange(len(shape))
        bad[k] = rng.choice([shape[k], -1])
        out.append([bad, oracle_json.outcome(get_pointer, nd, bad)])
    out.append([[0] * (len(shape) + 1), oracle_json.outcome(get_pointer, nd, [0] * (len(shape) + 1))])
    return out


def main():
    rng = random.Random(3118)
    cases = [make_case(rng) for _ in range(300)]
    oracle_json.dump({"cases": [oracle_json.encode(c) for c in cases]})


main()
