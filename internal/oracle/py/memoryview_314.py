# memoryview.count / memoryview.index (new in 3.14), run under Pyodide's CPython 3.14.
# Views are built from plain bytes: memoryview(mem).cast(fmt[, shape])[slice], so
# JavaScript rebuilds each one exactly. Only ABI-independent formats are used (Pyodide
# is wasm32: l, L, n, N and P have other sizes there).
import io
import struct

import oracle_json

enc = oracle_json.encode


def build(desc):
    m = memoryview(desc["mem"])
    if desc["fmt"] != "B" or desc["shape"] is not None:
        m = m.cast(desc["fmt"], desc["shape"]) if desc["shape"] is not None else m.cast(desc["fmt"])
    if desc["slice"] is not None:
        m = m[slice(*desc["slice"])]
    return m


def case(kind, desc, args):
    def call():
        m = build(desc)
        if kind == "released":
            m.release()
            return m.index(args[0]) if args[1] == "index" else m.count(args[0])
        return getattr(m, kind)(*args)
    return {"kind": kind, "desc": enc(desc), "args": enc(list(args)), "out": oracle_json.outcome(call)}


def desc(fmt, values, shape=None, sl=None):
    mem = struct.pack("<" + fmt * len(values), *values) if fmt != "c" else b"".join(values)
    return {"mem": mem, "fmt": fmt, "shape": shape, "slice": sl}


def main():
    cases = []
    views = [
        desc("B", [1, 2, 3, 2, 1, 0, 2]),
        desc("b", [-1, 2, -1, 0]),
        desc("h", [300, -300, 300]),
        desc("i", [7, 8, 7, 9]),
        desc("q", [2**62, -(2**62), 2**62]),
        desc("Q", [2**64 - 1, 5, 2**64 - 1]),
        desc("d", [1.5, float("nan"), 1.0, -0.0, 0.0]),
        desc("f", [0.5, 1.0, 0.5]),
        desc("e", [1.0, 0.5, 65504.0]),
        desc("?", [True, False, True]),
        desc("c", [b"a", b"b", b"a"]),
        desc("B", [1, 2, 3, 2, 1, 0, 2], sl=[None, None, -1]),
        desc("B", [1, 2, 3, 2, 1, 0, 2], sl=[1, None, 2]),
        desc("B", [1, 2, 3, 4, 5, 6], shape=[2, 3]),
        desc("B", [1, 2], shape=[], sl=None) if False else desc("h", [258], shape=[]),
        desc("B", []),
    ]
    values = [1, 2, 0, -1, 7, 300, 2**62, 2**64 - 1, 1.0, 1.5, 0.5, -0.0, float("nan"), True,
              False, b"a", b"b", "a", None, 10**30, 65504]
    for d in views:
        for v in values:
            cases.append(case("count", d, [v]))
            cases.append(case("index", d, [v]))
        for start, stop in [(1, None), (-2, None), (0, 1), (5, 2), (-100, 100), (2**70, None),
                            (None, None), (1.5, None), (0, 1.5), ("a", None), (True, None)]:
            args = [2] + ([start] if stop is None and start is not None else [start, stop] if start is not None else [0, stop])
            if start is None and stop is None:
                args = [2, None]
            cases.append(case("index", d, args))
    for kind in ("count", "index"):
        cases.append(case("released", views[0], [1, kind]))
    out = io.StringIO()
    oracle_json.dump({"python": "3.14 (Pyodide)", "cases": cases}, out)
    return out.getvalue()
