# oracle: 3.13
# memoryview's operations one by one, over small fixed exporters: item assignment per
# native format with boundary and wrong-type values; hostile keys for lookup and
# assignment (floats, NaN, strings, None, huge ints, tuples of every length, bad
# slices); the cast matrix (every destination format and shape rule); the comparison
# matrix (mixed formats, NaN, -0.0, zero shapes, 0-d, C vs Fortran, PIL); hex and
# tobytes arguments; hash; the exporter side (every request flag combination); and
# every member of a released view.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
import oracle_json  # noqa: E402
from memoryview_common import desc, key_from_json, make_exporter, run  # noqa: E402

cases = []
enc = oracle_json.encode


def view(d):
    return memoryview(make_exporter(d))


def add(kind, d, args, result):
    cases.append({"kind": kind, "desc": enc(d), "args": args, "out": result})


# ----------------------------------------------------------------- item assignment
INT_RANGES = {
    "b": (-128, 127), "B": (0, 255), "h": (-2**15, 2**15 - 1), "H": (0, 2**16 - 1),
    "i": (-2**31, 2**31 - 1), "I": (0, 2**32 - 1), "l": (-2**63, 2**63 - 1), "L": (0, 2**64 - 1),
    "q": (-2**63, 2**63 - 1), "Q": (0, 2**64 - 1), "n": (-2**63, 2**63 - 1), "N": (0, 2**64 - 1),
    "P": (-2**63, 2**64 - 1),
}
ZERO = {"c": b"\0", "?": False, "e": 0.0, "f": 0.0, "d": 0.0}
COMMON = [True, False, 1.5, float("nan"), float("inf"), -0.0, b"a", b"ab", b"", "a", None, [1],
          10**400, -(10**400), 2**64, 7]
for code in "bBhHiIlLqQnNP?cefd":
    values = list(COMMON)
    if code in INT_RANGES:
        lo, hi = INT_RANGES[code]
        values += [lo - 1, lo, hi, hi + 1, -1]
    if code == "e":
        values += [65504.0, 65519.0, 65520.0, 1e-8, 2.0**-25, 3 * 2.0**-26, -65520.0, 1e300]
    if code == "f":
        values += [1e39, -1e39, 3.4028235677973366e+38, 1e-50]
    for prefix in ("", "@"):
        d = desc(prefix + code, [ZERO.get(code, 0)] * 2)
        for v in values:
            def assign(v=v, d=d):
                m = view(d)
                m[1] = v
                return m.tobytes()
            add("set", d, [1, enc(v)], oracle_json.outcome(assign))

# ----------------------------------------------------------------- hostile keys
KEYS = [0, -1, 3, -4, 5, -6, True, False, 1.5, float("nan"), float("inf"), "a", None, [], [0],
        [1], [0, 0], [1, -1], [0, 0, 0], [1.5], ["a"], [None], [0, {"slice": [None, 1, None]}],
        2**63, -2**63 - 1, 2**62, -2**63, 2**63 - 1, {"ellipsis": 1},
        {"slice": [None, None, 0]}, {"slice": [1.5, None, None]}, {"slice": ["a", None, None]},
        {"slice": [None, None, 2**70]}, {"slice": [-2**70, 2**70, -(2**70)]},
        {"slice": [True, None, None]}, [{"slice": [None, None, None]}],
        [{"slice": [None, 1, None]}, {"slice": [None, None, -1]}], [[0]]]
FIXTURES = {
    "1d": desc("h", [1, 2, 3, 4]),
    "2d": desc("B", list(range(12)), shape=[3, 4]),
    "0d": desc("i", [7], shape=[], strides=[]),
    "1d-ro": desc("B", [1, 2, 3], readonly=True),
    "1d-fmt": desc("<i", [1, 2, 3]),
    # negative strides: a huge step leaves a stride past 2**53 on an extent of 1
    "2d-neg": desc("B", list(range(27)), shape=[3, 3], strides=[-9, -3], offset=26),
}


def jsonable_key(k):
    return enc(k) if not isinstance(k, (dict, list)) else k


for name, d in FIXTURES.items():
    for key in KEYS:
        add("get", d, [jsonable_key(key)], run(lambda key=key: view(d)[key_from_json(key)]))

        def assign(key=key):
            m = view(d)
            m[key_from_json(key)] = 1 if name != "1d-fmt" else 1
            return m.tobytes()
        add("set", d, [jsonable_key(key), 1], oracle_json.outcome(assign))

        def assign_view(key=key):
            m = view(d)
            src = memoryview(make_exporter(dict(d, readonly=True)))
            m[key_from_json(key)] = src[:1] if src.ndim == 1 else src
            return m.tobytes()
        add("set_self", d, [jsonable_key(key)], oracle_json.outcome(assign_view))

    def delete():
        m = view(d)
        del m[0]
    add("delete", d, [0], oracle_json.outcome(delete))

# Slice assignment structure checks.
SRC = {
    "same": desc("h", [9, 8]),
    "other-format": desc("H", [9, 8]),
    "at-format": desc("@h", [9, 8]),
    "lt-format": desc("<h", [9, 8]),
    "short": desc("h", [9]),
    "empty-other": desc("b", []),
    "2d": desc("h", [9, 8], shape=[1, 2]),
}
TARGET = desc("h", [1, 2, 3, 4])
for name, s in SRC.items():
    for key in ([{"slice": [0, 2, None]}, {"slice": [None, None, -2]}, {"slice": [1, 1, None]},
                 {"slice": [None, None, 0]}]):
        def assign(key=key, s=s):
            m = view(TARGET)
            m[key_from_json(key)] = view(s)
            return m.tobytes()
        add("set_from", TARGET, [key, enc(s)], oracle_json.outcome(assign))
for bad in [[1, 2], "ab", 5, None, -0.0, 1.5, True]:
    def assign(bad=bad):
        m = view(TARGET)
        m[0:2] = bad
    add("set", TARGET, [{"slice": [0, 2, None]}, enc(bad)], oracle_json.outcome(assign))


def overlap(lkey, rkey):
    m = memoryview(bytearray(b"abcdefgh"))
    m[key_from_json(lkey)] = m[key_from_json(rkey)]
    return m.tobytes()


BYTES8 = desc("B", list(b"abcdefgh"))
for lkey, rkey in [([1, 4, None], [0, 3, None]), ([0, 3, None], [1, 4, None]),
                   ([None, None, -1], [None, None, None]), ([None, None, 2], [1, None, 2]),
                   ([7, None, -2], [0, 4, None])]:
    add("overlap", BYTES8, [{"slice": lkey}, {"slice": rkey}],
        oracle_json.outcome(overlap, {"slice": lkey}, {"slice": rkey}))

oracle_json.dump({"cases": cases})
