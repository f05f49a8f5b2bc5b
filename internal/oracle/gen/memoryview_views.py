# oracle: 3.13
# memoryview operations that make or inspect whole views, over small fixed exporters:
# the cast matrix (every destination format, shape rules, zero shapes, non-contiguous
# sources), the comparison matrix (mixed formats, NaN, -0.0, zero shapes, 0-d, C vs
# Fortran, PIL), hex and tobytes arguments, hash, the exporter side (every request
# flag combination on contiguous, strided, Fortran, PIL, read-only and 0-d views), and
# every member of a released view.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
import oracle_json  # noqa: E402
from _testbuffer import (  # noqa: E402
    PyBUF_ANY_CONTIGUOUS, PyBUF_C_CONTIGUOUS, PyBUF_F_CONTIGUOUS, PyBUF_FORMAT, PyBUF_INDIRECT,
    PyBUF_ND, PyBUF_SIMPLE, PyBUF_STRIDES, PyBUF_WRITABLE, ndarray)
from memoryview_common import desc, make_exporter, run  # noqa: E402

cases = []
enc = oracle_json.encode


def view(d):
    return memoryview(make_exporter(d))


def add(kind, d, args, result):
    cases.append({"kind": kind, "desc": enc(d), "args": args, "out": result})


BYTES12 = desc("B", list(range(1, 13)))
SOURCES = {
    "B12": BYTES12,
    "b12": desc("b", list(range(-6, 6))),
    "c4": desc("c", [b"a", b"b", b"c", b"d"]),
    "h6": desc("h", [1, -2, 3, -4, 5, -6]),
    "d2": desc("d", [1.5, -2.0]),
    "B2x6": desc("B", list(range(12)), shape=[2, 6]),
    "h2x3": desc("h", list(range(6)), shape=[2, 3]),
    "B-strided": desc("B", list(range(12)), shape=[6], strides=[2]),
    "B-neg": desc("B", list(range(12)), shape=[12], strides=[-1], offset=11),
    "B-fortran": desc("B", list(range(12)), shape=[3, 4], strides=[1, 3]),
    "B-pil": desc("B", list(range(12)), shape=[3, 4], pil=True),
    "B-empty": desc("B", [1], shape=[0], strides=[1]),
    "B-0x3": desc("B", [1], shape=[0, 3], strides=[3, 1]),
    "h-0d": desc("h", [258], shape=[], strides=[]),
    "<i3": desc("<i", [1, 2, 3]),
    "B-ro": desc("B", list(range(8)), readonly=True),
}
DESTS = ["B", "b", "c", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "f", "d", "e", "?", "P",
         "@B", "@h", "@d", "<h", ">i", "=B", "hh", "2B", "x", "s", "p", "F", "D", "Zd", "g", "w",
         "", "@", "B\x00", "\xe9", "\u20ac", "\xe9\xe8", 5, None]
SHAPES = [None, [2, 6], [3, 2, 2], [12], [6], [1, 1, 12], [], [0], [-1], [True, 12], [1.5],
          [2**63], [2**62, 2**62], (2, 6), [2, 2, 3], [4, 3], "ab", 7, [[2], 6], [1] * 65]

for name, d in SOURCES.items():
    for dest in DESTS:
        def c(dest=dest):
            return view(d).cast(dest)
        add("cast", d, [enc(dest)], run(c))
    for dest in ["B", "c", "h", "i", "d"]:
        for shape in SHAPES:
            def c(dest=dest, shape=shape):
                return view(d).cast(dest, shape)
            add("cast", d, [dest, enc(list(shape) if isinstance(shape, tuple) else shape)], run(c))

def two_step(d, a, b, shape=None):
    m = view(d).cast(a)
    return m.cast(b) if shape is None else m.cast(b, shape)


for a, b, shape in [("h", "i", None), ("B", "h", [3, 2]), ("h", "B", [2, 6]), ("b", "c", None),
                    ("c", "?", None), ("I", "B", [12]), ("d", "b", None)]:
    add("cast2", BYTES12, [a, b, shape], run(two_step, BYTES12, a, b, shape))

# ----------------------------------------------------------------- comparison matrix
NAN = float("nan")
EQ = {
    "b": desc("b", [1, -1, 0]), "B": desc("B", [1, 255, 0]), "B1": desc("B", [1, 1, 0]),
    "h": desc("h", [1, -1, 0]), "d": desc("d", [1.0, -1.0, 0.0]), "f": desc("f", [1.0, -1.0, -0.0]),
    "e": desc("e", [1.0, -1.0, 0.0]), "<i": desc("<i", [1, -1, 0]), ">i": desc(">i", [1, -1, 0]),
    "?": desc("?", [True, True, False]), "c": desc("c", [b"\x01", b"\xff", b"\x00"]),
    "q": desc("q", [1, -1, 0]), "Q": desc("Q", [1, 2**64 - 1, 0]), "@d": desc("@d", [1.0, -1.0, 0.0]),
    "d-nan": desc("d", [1.0, NAN, 0.0]), "f-nan": desc("f", [1.0, NAN, 0.0]),
    "e-nan": desc("e", [1.0, NAN, 0.0]), "d-negzero": desc("d", [1.0, -1.0, -0.0]),
    "i-strided": desc("i", [1, 9, -1, 9, 0, 9], shape=[3], strides=[8]),
    "i-rev": desc("i", [0, -1, 1], shape=[3], strides=[-4], offset=8),
    "d-0d": desc("d", [1.0], shape=[], strides=[]), "B-0d": desc("B", [1], shape=[], strides=[]),
    "d-1": desc("d", [1.0]),
    "B-2x3": desc("B", [1, 2, 3, 4, 5, 6], shape=[2, 3]),
    "B-2x3F": desc("B", [1, 4, 2, 5, 3, 6], shape=[2, 3], strides=[1, 2]),
    "B-2x3P": desc("B", [1, 2, 3, 4, 5, 6], shape=[2, 3], pil=True),
    "h-2x3": desc("h", [1, 2, 3, 4, 5, 6], shape=[2, 3]),
    "B-3x2": desc("B", [1, 2, 3, 4, 5, 6], shape=[3, 2]),
    "B-1x0x5": desc("B", [1], shape=[1, 0, 5], strides=[1, 1, 1]),
    "B-1x0x7": desc("B", [1], shape=[1, 0, 7], strides=[1, 1, 1]),
    "d-1x0x5": desc("d", [1.0], shape=[1, 0, 5], strides=[8, 8, 8]),
    "B-0": desc("B", [1], shape=[0], strides=[1]),
    "2i": desc("2i", [(1, 2), (3, 4)]),
    "ii": desc("ii", [(1, 2), (3, 4)]),
}
for a, da in EQ.items():
    for b, db in EQ.items():
        add("equals", da, [enc(db)], oracle_json.outcome(lambda: view(da) == view(db)))
add("equals_self_nan", EQ["d-nan"], [], oracle_json.outcome(lambda: (lambda m: m == m)(view(EQ["d-nan"]))))

# ----------------------------------------------------------------- hex / tobytes / hash
HEX = desc("B", [0xb9, 0x01, 0xef, 0x00, 0x11])
for args in [[], [":"], [":", 2], [":", -2], [":", 0], [":", 5], [":", 6], [":", -5], ["-", 1],
             [b"|", 3], [b"\xff"], ["\xe9"], ["::"], [""], [1], [1.5], [None], [[1]], [[1, 2]],
             [":", 2**31], [":", -2**31], [":", -2**31 - 1], [":", 1.5], [":", None], [":", True],
             ["\U0001f600"]]:
    add("hex", HEX, [enc(a) for a in args], oracle_json.outcome(lambda: view(HEX).hex(*args)))
for name in ["B-strided", "B-neg", "B-fortran", "B-pil", "B-empty", "h-0d"]:
    add("hex", SOURCES[name], [], oracle_json.outcome(lambda: view(SOURCES[name]).hex()))
for name in ["B12", "B2x6", "B-fortran", "B-pil", "h-0d", "B-strided"]:
    for order in ["C", "F", "A", None, "c", "X", "CF", 1]:
        add("tobytes", SOURCES[name], [enc(order)],
            oracle_json.outcome(lambda: view(SOURCES[name]).tobytes(order)))
HASHABLE = {
    "B-ro": desc("B", [97, 98, 99], readonly=True),
    "b-ro": desc("b", [97, -98, 99], readonly=True),
    "c-ro": desc("c", [b"a", b"b"], readonly=True),
    "@B-ro": desc("@B", [1, 2], readonly=True),
    "B-rw": desc("B", [1, 2]),
    "h-ro": desc("h", [1, 2], readonly=True),
    "<B-ro": desc("<B", [1, 2], readonly=True),
    "B-empty-ro": desc("B", [1], shape=[0], strides=[1], readonly=True),
    "B-2d-ro": desc("B", list(range(6)), shape=[2, 3], strides=[1, 2], readonly=True),
    "B-pil-ro": desc("B", list(range(6)), shape=[2, 3], readonly=True, pil=True),
    "B-0d-ro": desc("B", [200], shape=[], strides=[], readonly=True),
    "B-long-ro": desc("B", list(range(256)) * 3, readonly=True),
}
for name, d in HASHABLE.items():
    add("hash", d, [], oracle_json.outcome(lambda: hash(view(d))))

# ----------------------------------------------------------------- the exporter side
REQUESTS = [PyBUF_SIMPLE, PyBUF_ND, PyBUF_STRIDES, PyBUF_C_CONTIGUOUS, PyBUF_F_CONTIGUOUS,
            PyBUF_ANY_CONTIGUOUS, PyBUF_INDIRECT]
GETBUF = ["B12", "B2x6", "h2x3", "B-strided", "B-neg", "B-fortran", "B-pil", "B-empty", "h-0d",
          "B-ro", "B-0x3"]


def export(d, flags):
    m = view(d)
    nd = ndarray(m, getbuf=flags)
    out = {"ndim": nd.ndim, "shape": list(nd.shape), "strides": list(nd.strides),
           "suboffsets": list(nd.suboffsets), "format": nd.format, "itemsize": nd.itemsize,
           "readonly": nd.readonly, "nbytes": nd.nbytes}
    try:
        m.release()
        out["release"] = "released"
    except BufferError as e:
        out["release"] = str(e)
    return out


for name in GETBUF:
    for req in REQUESTS:
        for extra in [0, PyBUF_WRITABLE, PyBUF_FORMAT, PyBUF_WRITABLE | PyBUF_FORMAT]:
            add("getbuf", SOURCES[name], [req | extra],
                oracle_json.outcome(export, SOURCES[name], req | extra))

# memoryview._from_flags: a memoryview of an export made with other flags.
for name in GETBUF:
    for req in REQUESTS:
        for extra in [0, PyBUF_WRITABLE, PyBUF_FORMAT]:
            add("from_flags", SOURCES[name], [req | extra],
                run(lambda d=SOURCES[name], f=req | extra: memoryview._from_flags(make_exporter(d), f)))

# ----------------------------------------------------------------- released views
MEMBERS = ["obj", "nbytes", "readonly", "itemsize", "format", "ndim", "shape", "strides",
           "suboffsets", "c_contiguous", "f_contiguous", "contiguous"]


def released(d, member):
    m = view(d)
    m.release()
    m.release()
    if member in MEMBERS:
        return getattr(m, member)
    calls = {
        "len": lambda: len(m), "tobytes": m.tobytes, "hex": m.hex, "tolist": m.tolist,
        "toreadonly": m.toreadonly, "cast": lambda: m.cast("B"), "get": lambda: m[0],
        "set": lambda: m.__setitem__(0, 1), "slice": lambda: m[1:], "iter": lambda: list(m),
        "memoryview": lambda: memoryview(m), "hash": lambda: hash(m), "eq_self": lambda: m == m,
        "eq_other": lambda: m == view(d), "enter": lambda: m.__enter__(), "exit": lambda: m.__exit__(None, None, None),
        "getbuf": lambda: ndarray(m, getbuf=PyBUF_SIMPLE), "delete": lambda: m.__delitem__(0),
    }
    return calls[member]()


for member in MEMBERS + ["len", "tobytes", "hex", "tolist", "toreadonly", "cast", "get", "set",
                         "slice", "memoryview", "hash", "eq_self", "eq_other", "exit", "getbuf",
                         "delete", "enter"]:
    add("released", SOURCES["B-ro"] if member == "hash" else BYTES12, [member],
        oracle_json.outcome(released, SOURCES["B-ro"] if member == "hash" else BYTES12, member))

oracle_json.dump({"cases": cases})
