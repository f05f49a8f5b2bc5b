# oracle: numpy
# .npy files as np.save writes them, for @pybuffer/npy: one array of every dtype kind
# (bool, every int and float size with f2 and the 16-byte long double, complex, both byte
# orders, S/U/V, packed, aligned, padded, nested, sub-array and titled records, UTF-8
# field names (format 3.0), a header over 65 535 bytes (format 2.0), 0-d, empty and
# Fortran-ordered arrays, objects and datetimes), each with its descr, shape,
# fortran_order and the format of memoryview(np.load(file)) (or its error); and
# "strided": views NumPy saves in C order through a copy (np.save(a[::-1]) and the like)
# with the contiguous array they were cut from and the cut.
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
import oracle_json  # noqa: E402
from npy_oracle import file_case, save  # noqa: E402


def filled(dtype, shape):
    """An array whose bytes count up (each kind's bytes, whatever they mean)."""
    dt = np.dtype(dtype)
    n = int(np.prod(shape)) * dt.itemsize
    return np.frombuffer(bytes((i * 7 + 3) % 251 for i in range(n)), dtype=dt).reshape(shape).copy()


KINDS = ["?", "i1", "u1", "<i2", "<u2", "<i4", "<u4", "<i8", "<u8", "<f2", "<f4", "<f8", "<f16",
         "<c8", "<c16", "<c32", ">i2", ">u2", ">i4", ">u4", ">i8", ">u8", ">f2", ">f4", ">f8",
         ">c8", ">c16", "S5", "<U3", ">U3", "V4"]
cases = []
for kind in KINDS:
    arr = filled(kind, (2, 3))
    if kind == "?":
        arr = np.array([[True, False, True], [False, False, True]])
    cases.append(file_case(kind, arr))
RECORDS = {
    "packed": [("a", "<i4"), ("b", "<f8")],
    "mixed-order": [("a", ">i4"), ("b", "<i4"), ("c", ">f8")],
    "aligned": np.dtype([("a", "u1"), ("b", "<f4"), ("c", "<i8")], align=True),
    "trailing-padding": np.dtype({"names": ["a", "b"], "formats": ["u1", "<f4"],
                                  "offsets": [0, 8], "itemsize": 16}),
    "nested": [("p", [("x", "<f4"), ("y", "<f4")]), ("id", "<u8")],
    "nested-aligned": np.dtype([("a", "u1"), ("b", [("x", "<f8"), ("y", "u1")])], align=True),
    "sub-array": [("a", "<i4", (2, 3)), ("b", "S3")],
    "titles": [(("Alpha", "a"), "<i4"), (("Beta", "b"), ">f8")],
    "bool-complex": [("f", "?"), ("z", "<c8")],
    "strings": [("s", "S4"), ("u", "<U2"), ("v", "V3")],
    "long-double": [("g", "<f16"), ("i", "<i2")],
    "utf8-names": [("温度", "<f4"), ("é", "<i2")],
    "deep": [("s", [("t", [("u", "<i2", (2,))])]), ("w", "u1")],
}
for name, dtype in RECORDS.items():
    cases.append(file_case(name, filled(dtype, (3,))))
cases += [
    file_case("grid", np.arange(6.0).reshape(2, 3)),
    file_case("fortran-ints", np.asfortranarray(np.arange(6, dtype="<i4").reshape(2, 3))),
    file_case("points", np.array([(1, 2.5), (2, 3.5)], dtype=[("id", "<i4"), ("value", "<f8")])),
    file_case("0-d", np.array(1.5)),
    file_case("0-d-record", filled([("a", "<i2"), ("b", "u1")], ())),
    file_case("empty", np.zeros((0,), "<f8")),
    file_case("empty-2d", np.zeros((2, 0), "<i4")),
    file_case("fortran-2d", np.asfortranarray(filled("<f8", (2, 3)))),
    file_case("fortran-3d", np.asfortranarray(filled(">i2", (2, 3, 4)))),
    file_case("fortran-records", np.asfortranarray(filled([("a", "<i4"), ("b", "u1")], (3, 2)))),
    file_case("big-shape", np.zeros((1, 1, 1, 100000), "u1")),
    file_case("long-axis", np.zeros((123456789012 // 10 ** 9,), "u1")),
    file_case("datetime", np.array(["2024-01-02T03:04"], dtype="M8[ns]")),
    file_case("timedelta", np.array([5], dtype="m8[s]")),
    file_case("object", np.array([1, "a", None], dtype=object)),
    file_case("format-2.0", np.zeros(2, [("f%d" % i, "<i4") for i in range(4000)])),
]

STRIDED = [("reversed", "<f8", (6,), "[::-1]"), ("every-other", "<i4", (2, 6), "[:, ::2]"),
           ("transposed-3d", ">i2", (2, 3, 4), ".transpose(1, 0, 2)"),
           ("record-step", [("a", "<i4"), ("b", "u1")], (5,), "[1::2]"),
           ("fortran-slice", "<f4", (4, 4), ".T[1:3]")]
strided = []
for name, dtype, shape, cut in STRIDED:
    base = filled(dtype, shape)
    view = eval("base" + cut)
    strided.append({"name": name, "base": save(base), "offset": int(view.__array_interface__["data"][0] - base.__array_interface__["data"][0]),
                    "shape": list(view.shape), "strides": list(view.strides), "npy": save(view)})
oracle_json.dump(oracle_json.encode({"numpy": np.__version__, "cases": cases, "strided": strided}))
