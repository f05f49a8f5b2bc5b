# oracle: 3.13
# Vectors for @pybuffer/core's NDBuffer construction: random, mostly invalid
# structures (strides reaching outside memory, offsets out of bounds or not a
# multiple of the item size, strides that are not multiples of it, negative or
# fractional shapes, mismatched lengths, Fortran order with strides, zero item
# sizes) and whether _testbuffer.ndarray accepts them or which error it raises.
import os
import random
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
import oracle_json  # noqa: E402
from _testbuffer import ND_FORTRAN, ndarray  # noqa: E402

FORMATS = ["B", "h", "i", "d", "3s", "0B", "hb"]


def fields_of(nd):
    return {"shape": list(nd.shape), "strides": list(nd.strides), "len": nd.nbytes,
            "c": nd.c_contiguous, "f": nd.f_contiguous}


def rand_case(rng):
    fmt = rng.choice(FORMATS)
    itemsize = struct.calcsize(fmt)
    nitems = rng.randint(1, 12)
    ndim = rng.choice([0, 1, 1, 2, 2, 3])
    shape = [rng.choice([0, 1, 2, 3, 4, -1]) if rng.random() < 0.1 else rng.randint(0, 4)
             for _ in range(ndim)]
    if rng.random() < 0.05 and ndim:
        shape[rng.randrange(ndim)] = rng.choice([1.5, float("nan")])
    size = max(itemsize, 1)
    strides = None
    if rng.random() < 0.7 and ndim:
        strides = [rng.randint(-4, 4) * size + (rng.choice([0, 1]) if rng.random() < 0.1 else 0)
                   for _ in range(ndim if rng.random() > 0.05 else ndim + 1)]
    offset = rng.randint(-1, nitems) * size + (1 if rng.random() < 0.05 else 0)
    fortran = strides is None and rng.random() < 0.2 or rng.random() < 0.03
    return fmt, itemsize, nitems, shape, strides, offset, fortran


def run(fmt, itemsize, nitems, shape, strides, offset, fortran):
    items = [0] * nitems if fmt not in ("3s", "hb") else (
        [b"abc"] * nitems if fmt == "3s" else [(0, 0)] * nitems)
    kwargs = {"shape": shape, "offset": offset, "format": fmt, "flags": ND_FORTRAN if fortran else 0}
    if strides is not None:
        kwargs["strides"] = strides
    if not shape:
        items = items[0]
    return fields_of(ndarray(items, **kwargs))


def main():
    rng = random.Random(688)
    cases = []
    while len(cases) < 400:
        fmt, itemsize, nitems, shape, strides, offset, fortran = rand_case(rng)
        if not shape and (offset != 0 or fortran or strides):
            continue  # a scalar ndarray holds only its item
        result = oracle_json.outcome(run, fmt, itemsize, nitems, shape, strides, offset, fortran)
        cases.append({"format": fmt, "memlen": nitems * itemsize, "shape": shape,
                      "strides": strides, "offset": offset,
                      "order": "F" if fortran else "C", "result": result})
    oracle_json.dump({"cases": [oracle_json.encode(c) for c in cases]})


main()
