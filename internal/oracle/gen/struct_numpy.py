# oracle: numpy
# PEP 3118 layouts NumPy writes: for hundreds of dtypes (scalars, packed and aligned
# records, nested records, sub-arrays, explicit offsets with gaps, both byte orders),
# the format NumPy exports (memoryview(np.zeros(1, dtype)).format), its itemsize, and
# every named field's absolute offset; and "read_back": the itemsize and offsets of the
# dtype NumPy makes of that format (numpy._core._internal._dtype_from_pep3118), the
# direction NumPy reads. The two differ where NumPy's export is not faithful: 'O'
# placed unaligned without an '=' switch, trailing padding of records left out, and
# NumPy's reader padding '@' records to their alignment. A second list, "reads", has
# formats NumPy reads that it never writes (struct-style formats, counts, names);
# byte-order switches appear only inside T{}, where NumPy writes them (at the top level
# struct's rule, "bad char", applies).
import os
import random
import struct
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
import oracle_json  # noqa: E402
from struct_numpy_cases import LEAVES, case, read_back, record  # noqa: E402

HAND = [  # the examples of cpython-checklist section 7.1, and a few corner cases
    [("f0", "i2"), ("f1", "f4")], [("f0", "i1"), ("f1", "i8")],
    np.dtype([("a", "i1"), ("b", "i4")], align=True), [("a", "u1", (2, 3)), ("b", "f4")],
    [("x", [("y", "i2"), ("z", "f8")])], ("<i4", (2, 2)), [("a", "O"), ("b", "S3")],
    np.dtype([("a", "i8"), ("b", "i1")], align=True), [("a", [("x", "i4")], (2,)), ("b", "?")],
    np.dtype([("a", "i1"), ("b", [("c", "i8"), ("d", "i1")])], align=True), [("only", "f8")],
    {"names": ["a", "b"], "formats": ["i4", "i2"], "offsets": [0, 8], "itemsize": 16},
    [("a", "V3"), ("b", "=i4")], [("a", ">i4"), ("b", "<i4"), ("c", "i4")],
]

rng = random.Random(3118)
dtypes = [np.dtype(d) for d in HAND] + [np.dtype(t) for t in LEAVES]
while len(dtypes) < 600:
    dtypes.append(record(rng, 0))

cases = []
skipped = 0
for dt in dtypes:
    try:
        cases.append(case(dt))
    except ValueError:  # overlapping fields and the like: no buffer to export
        skipped += 1

# Formats NumPy reads: struct-style sequences ('@' aligns, '^' and '=' do not), the
# sticky '=' switch, repeat counts and sub-arrays, names at the top level, padding.
READS = ["bi", "ib", "^bi", "=bi", "<bi", "bq", "qb", "b0q", "@bh", "^bhq", "<l", "l", "3c", "2i",
         "0i", "(2,3)i", "i:name:", "b:a:i:b:", "T{}", "T{i:a:}x", "T{b:a:}i", "xxi", "4xi", "bxxi",
         "T{b:f0:=i:f1:}", "T{=b:f0:@i:f1:}", "T{b:a:=h:b:}b:c:", "T{b:a:T{b:c:i:d:}:e:}", "T{(2)h:a:b:b:}", "Zd", "Zfb",
         "b:a:Zd:b:", "?d", "e:a:d:b:", "3sd", "T{3w:a:i:b:}", "O", "bO", "Ob", "gb", "bg", "BQh",
         "^T{b:a:i:b:}i:c:", "<T{b:a:i:b:}i:c:", "T{b:a:}T{i:b:}", "i:a:T{b:x:}:b:", "b5xi",
         "T{b:a:xxxi:b:}", "T{h:a:xxi:b:b:c:xxx}", "(3)b:a:i:b:", "T{q:a:b:b:}b:c:", "f:a:1x:b:h:c:",
         "x:p:i:a:", "b:a:xx:p:i:b:", "T{b:a:=i:b:}", "T{=b:a:@i:b:}", "^b:a:h:b:q:c:", "b:a:0q:z:h:c:",
         "3s:a:d:b:", "?:a:Zd:b:e:c:", "T{<h:a:>i:b:}", "b:a:T{b:b:q:c:}:d:", "(2,2)b:a:q:b:"]


def explicit(fmt, outcome):
    """Keeps NumPy's fields under the names the format gives (not its f0, f1...)."""
    if "ok" not in outcome:
        return outcome
    kept = []
    for field in outcome["ok"]["fields"]:
        path = [name for name in field["path"] if ":%s:" % name in fmt]
        if path and path == field["path"][-len(path):] and ":%s:" % field["path"][-1] in fmt:
            kept.append({"path": path, "offset": field["offset"]})
    return {"ok": {"itemsize": outcome["ok"]["itemsize"], "fields": kept}}


def struct_size(fmt):
    """What the struct module says of the format, where it can parse it."""
    try:
        return {"ok": struct.calcsize(fmt)}
    except struct.error as exc:
        return oracle_json.encode_error(exc)


reads = [{"format": f, "read_back": explicit(f, read_back(f)), "struct_calcsize": struct_size(f)}
         for f in READS]
oracle_json.dump({"numpy": np.__version__, "skipped": skipped, "reads": reads, "cases": cases})
