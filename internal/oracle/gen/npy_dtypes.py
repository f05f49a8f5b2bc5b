# oracle: numpy
# dtype strings both ways, for @pybuffer/npy's formatFromDescr and descrFromFormat:
# "exports": for descrs of every kind (scalars of every size and byte order, S/U/V,
# datetimes and objects, packed, aligned and padded records, nested records, sub-arrays,
# titles, odd field names), the format NumPy exports for an array of them
# (memoryview(np.zeros(shape, descr_to_dtype(descr))).format; shapes (2,) and, where
# alignment makes a difference, (1,) and (2, 1)), or its error. "imports": for formats
# (what NumPy writes and struct-style ones), the descr of the dtype NumPy makes of each.
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
import oracle_json  # noqa: E402
from npy_oracle import descr_of, export_format, import_many, random_descrs, to_dtype  # noqa: E402

SCALARS = ["|b1", "|i1", "|u1", "<i2", "<u2", "<i4", "<u4", "<i8", "<u8", "<f2", "<f4", "<f8",
           "<f16", "<c8", "<c16", "<c32", ">i2", ">u2", ">i4", ">u4", ">i8", ">u8", ">f2",
           ">f4", ">f8", ">f16", ">c8", ">c16", ">c32", "|S1", "|S5", "<U1", "<U3", ">U3",
           "|V1", "|V4", "|V16", "|O", "<M8[ns]", "<M8", ">m8[s]", "<m8[D]",
           "f8", "=i4", "i", "d", "?", "b", "B", "l", "q", "g", "G", "c", "S3", "U2", "V3",
           "O", "e", "F", "D", "<b1", ">b1", "|i4", "<S2"]
ALIGNED = [np.dtype(d, align=True) for d in (
    [("a", "u1"), ("b", "<f4")], [("a", "<f8"), ("b", "u1")], [("a", "u1"), ("b", "<i8")],
    [("a", "u1"), ("b", [("x", "<f8"), ("y", "u1")])], [("a", "<i4"), ("b", "S3")],
    [("a", "<c16"), ("b", "?")], [("a", "<U2"), ("b", "u1")], [("a", "<f16"), ("b", "u1")],
    [("a", "u1"), ("b", "<i2", (3,))])]
RECORDS = [
    [("a", "<i4"), ("b", "<f8")], [("a", "<i4"), ("b", ">f8")], [("a", "|u1"), ("b", "<f8")],
    [("a", ">i4"), ("b", "<i4"), ("c", "<i4")], [("a", "<i4", (2, 3)), ("b", "|S3")],
    [("p", [("x", "<f4"), ("y", "<f4")]), ("id", "<u8")], [],
    [(("Alpha", "a"), "<i4"), ("b", "<f8")], [("?", "|b1"), ("z", "<c8")],
    [("a", "|u1"), ("", "|V7"), ("b", "<f4"), ("", "|V4")], [("a b", "<i2"), ("é", "<f4")],
    [("温度", "<f4")], [("a:b", "<i4")], [("a", "<M8[ns]")], [("a", "|O"), ("b", "<i8")],
    [("a", "<f16"), ("b", ">f16")], [("a", ">f16")], [("s", [("t", [("u", "<i2")])])],
    [("a", [("x", "|u1"), ("", "|V3")], (2,)), ("b", "|u1")],
    [("a", "|V4"), ("b", "<i4")], [("a", "<U2", (2,)), ("b", ">c16", (1,))],
    [("a", "|S0")], [("a", "<i4", (0,)), ("b", "<i4")], [("n", [], (2,))],
    ["<i4", [3]], [["<i4", [2]], [3]],
]

exports = []
for descr in SCALARS + [descr_of(d) for d in ALIGNED] + RECORDS:
    for shape in (None, [1], [2, 1], [0]):
        try:
            result = export_format(descr, shape)
        except Exception as exc:
            result = exc
        exports.append({"descr": descr, "shape": shape, "format": result,
                        "itemsize": to_dtype(descr).itemsize})
for case in random_descrs(3118, 250):
    exports.append({"descr": case["descr"], "shape": None, "format": case["format"],
                    "itemsize": case["itemsize"]})

IMPORTS = ["?", "b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "@n", "^N", "<n",
           "e", "f", "d", "g", "<g", "Zf", "Zd", "Zg", "<Zg", "s", "5s", "3w", "c", "3c", "4x",
           "x", "O", "<l", ">l", "!h", "=q", "^l", "<h", ">d", "<e", ">?", "u", "&", "t", "X",
           "P", "p", "", "T{}", "T{i:a:d:b:}", "T{d:a:b:b:}", "T{^b:a:d:b:}", "=bd",
           "T{=i:a:d:b:}", "T{b:a:d:b:}", "T{T{>i:a:}:s:i:b:}", "T{ii:f0:}", "T{i:f1:ii}",
           "T{i:a:i:a:}", "ii", "bi", "ib", "3i", "(2,3)i", "(2, 3)i", "2(3)i", "i:name:",
           "T{B:a:xxxxxxxf:b:}", "T{B:a:xxxxxxxf:b:xxxx}", "T{(2,3)i:a:3s:b:}",
           "T{(2,3)=i:a:3s:b:}", "T{T{f:x:f:y:}:p:L:id:}", "T{?:f:=Zf:z:}",
           "T{b:a:xx:p:i:b:}", "T{b: a b :}", " i ", "T{i:a", "T{i:a:", "(2i", "(a)i",
           "T{>i:a:d:b:}", "T{i:a:>i:b:}", "T{3w:a:i:b:}", "T{(2)T{B:x:3x:f1:}:a:B:b:}",
           "0i", "T{0i:a:}", "bxxi", "^T{b:a:i:b:}i:c:", "T{b:a:}T{i:b:}", "T{q:a:b:b:}b:c:",
           "Zq", "Z", "T{", "}", "@", "<", "2T{i:a:b:b:}", "T{i:a:}x", "T{=h:a:}@i",
           "T{2s:a:x:b:}", "T{x:a:}"]
imports = [{"format": f, "descr": r} for f, r in zip(IMPORTS, import_many(IMPORTS))]
oracle_json.dump(oracle_json.encode({"numpy": np.__version__, "cases": exports, "imports": imports}))
