# memoryview on wasm32, run under Pyodide's CPython 3.14 (Py_ssize_t, long, size_t and
# pointers are 4 bytes there): every native format with its wasm32 size, keys, slices
# and cast shapes at the 32-bit limits (index errors, slice clamping, wrapped strides),
# count/index with bounds past them, item values of every format read back bit for bit
# (NaN sign and payload of e/f/d as scalars), comparison of the complex formats F and D
# (3.14's struct reads them), and CPython's errors where our multi-dimensional slicing
# does not apply. Exporters are memoryview_common's descriptions, rebuilt by JavaScript
# with the wasm32 ABI (packages/memoryview/test/wasm32.test.ts).
import io
import struct

from _testbuffer import ND_WRITABLE, ndarray

import oracle_json
from memoryview_common import desc, key_from_json, make_exporter, run

enc = oracle_json.encode
cases = []

BIG = 2 ** 31


def add(kind, d, args, out):
    cases.append({"kind": kind, "desc": enc(d), "args": args, "out": out})


def exporter(d):
    """make_exporter, and for F/D the tuples _testbuffer wants for complex items."""
    if d["fmt"].lstrip("@=<>!") in ("F", "D"):
        items = [t for t in struct.iter_unpack(d["fmt"], d["mem"])]
        flags = 0 if d["readonly"] else ND_WRITABLE
        return ndarray(items, shape=d["shape"], strides=d["strides"], offset=d["offset"],
                       format=d["fmt"], flags=flags)
    return make_exporter(d)


def view(d):
    return memoryview(exporter(d))


def bits(x):
    """A float's IEEE 754 bits as hex (big-endian), read without any array in between."""
    return struct.pack(">d", x).hex() if isinstance(x, float) else enc(x)


def nan(hexbits):
    return struct.unpack(">d", bytes.fromhex(hexbits))[0]


# ------------------------------------------------ every native format, wasm32 sizes
SAMPLES = {
    "b": [-128, 127], "B": [0, 255], "h": [-2**15, 2**15 - 1], "H": [0, 2**16 - 1],
    "i": [-2**31, 2**31 - 1], "I": [0, 2**32 - 1], "l": [-2**31, 2**31 - 1], "L": [0, 2**32 - 1],
    "q": [-2**63, 2**63 - 1], "Q": [0, 2**64 - 1], "n": [-2**31, 2**31 - 1], "N": [0, 2**32 - 1],
    "P": [0, 2**32 - 1], "?": [False, True], "c": [b"a", b"z"], "e": [1.5, -65504.0],
    "f": [0.5, -3.5e38], "d": [1e300, -0.0],
}
VALUES = [0, 1, -1, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**32 - 1, 2**32, 2**63, 1.5, -0.0,
          True, b"a", None]
for code, items in SAMPLES.items():
    for prefix in ("", "@"):
        d = desc(prefix + code, items)
        add("view", d, [], run(lambda d=d: view(d)))
        for v in VALUES:
            def assign(d=d, v=v):
                m = view(d)
                m[1] = v
                return m.tobytes()
            add("set", d, [1, enc(v)], oracle_json.outcome(assign))
        add("count", d, [enc(items[1])], oracle_json.outcome(lambda d=d: view(d).count(items[1])))
        add("index", d, [enc(items[1])], oracle_json.outcome(lambda d=d: view(d).index(items[1])))

# ------------------------------------------------ NaN and friends, read as scalars
NANS = ["7ff8000000000000", "fff8000000000000", "7ff8000000000001", "fffc000000000000",
        "7ff8080000000000", "fff8040000000000", "ffffffffffffffff"]
HALF_BITS = ["00fe", "007e", "01fe", "ff7f", "00fc", "007c", "0080", "0100"]
FLOAT_BITS = ["0000c0ff", "0000c07f", "0100c0ff", "ffffffff", "0000807f", "00000080"]
for code, raw in (("e", HALF_BITS), ("f", FLOAT_BITS), ("d", NANS)):
    for hexbits in raw if code != "d" else []:
        d = desc(code, [])
        d["mem"] = bytes.fromhex(hexbits)
        d["shape"] = [1]
        add("bits", d, [0], oracle_json.outcome(lambda d=d: bits(view(d)[0])))
    for hexbits in NANS:
        d = desc(code, [0.0])

        def assign(d=d, hexbits=hexbits):
            m = view(d)
            m[0] = nan(hexbits)
            return [m.tobytes(), bits(m[0])]
        add("setbits", d, [0, hexbits], oracle_json.outcome(assign))
for hexbits in NANS:
    d = desc("d", [nan(hexbits)])
    add("bits", d, [0], oracle_json.outcome(lambda d=d: bits(view(d)[0])))

# ------------------------------------------------ keys and slices at the 32-bit limits
KEYS = [0, -1, 2, BIG - 1, BIG, -BIG, -BIG - 1, 2**63 - 1, -2**63, 2**63, 2**70,
        {"slice": [None, None, -2**70]}, {"slice": [None, None, 2**70]},
        {"slice": [None, None, BIG]}, {"slice": [None, None, -BIG]},
        {"slice": [None, None, BIG - 1]}, {"slice": [None, None, -(BIG - 1)]},
        {"slice": [BIG, None, None]}, {"slice": [-BIG - 5, 2**40, BIG]},
        {"slice": [2**70, -2**70, -1]}, {"slice": [None, None, 0]},
        [{"slice": [0, 1, None]}, {"slice": [0, 1, None]}],
        [{"slice": [None, None, None]}, {"slice": [None, None, None]}, {"slice": [None, None, None]}],
        [0, 0], [BIG, 0], [0, BIG]]
FIXTURES = [
    desc("B", list(range(10))),
    desc("l", [1, -2, 3, -4]),
    desc("N", [1, 2, 3]),
    desc("B", list(range(27)), shape=[3, 9]),
    desc("h", list(range(512)), shape=[2, 256]),
    desc("B", list(range(27)), shape=[3, 3], strides=[-9, -3], offset=26),
]
def extension_applies(d, key):
    """Our multi-dimensional slicing: one slice per leading dimension, at most ndim."""
    return (isinstance(key, list) and key and all(isinstance(k, dict) for k in key)
            and len(key) <= len(d["shape"]) and len(d["shape"]) > 1)


for d in FIXTURES:
    for key in KEYS:
        if extension_applies(d, key):
            continue  # checked against NumPy by the memoryview tests, not here
        add("get", d, [key], run(lambda d=d, key=key: view(d)[key_from_json(key)]))

        def assign(d=d, key=key):
            m = view(d)
            m[key_from_json(key)] = 1
            return m.tobytes()
        add("set", d, [key, 1], oracle_json.outcome(assign))

# ------------------------------------------------ count / index bounds, cast shapes
COUNTED = desc("B", [1, 2, 3, 1, 2])
for start, stop in [(BIG, None), (BIG - 1, None), (-BIG, None), (-BIG - 1, None), (2**40, None),
                    (-2**40, None), (0, BIG), (0, 2**70), (1, -2**70), (-2**63, 2**63)]:
    args = [1, start] if stop is None else [1, start, stop]
    add("index", COUNTED, enc(args), oracle_json.outcome(lambda args=args: view(COUNTED).index(*args)))
CASTS = [("B", [BIG]), ("B", [BIG - 1]), ("B", [2**16, 2**15]), ("B", [2**15, 2**15, 2]),
         ("B", [2**16, 2**16]), ("B", [2**63]), ("B", [-BIG - 1]), ("B", [2, 2]),
         ("l", [1]), ("N", [1]), ("P", [1]), ("l", None), ("n", None), ("q", None)]
for fmt, shape in CASTS:
    src = desc("B", [1, 2, 3, 4])
    add("cast", src, [fmt, enc(shape)],
        run(lambda fmt=fmt, shape=shape: view(src).cast(fmt, shape) if shape is not None
            else view(src).cast(fmt)))

# ------------------------------------------------ == on complex views (3.14's struct)
COMPLEX = [
    desc("F", [(1 + 2j,), (3 + 0j,)]), desc("D", [(1 + 2j,), (3 + 0j,)]),
    desc("<F", [(1 + 2j,), (3 + 0j,)]), desc("D", [(complex("nan"),), (3 + 0j,)]),
    desc("d", [1.0, 3.0]), desc("F", [(1 + 0j,), (3 + 0j,)]), desc("B", [1, 3]),
    desc("F", [(1 + 2j,)]),
]
for a in COMPLEX:
    for b in COMPLEX:
        add("eq", a, [enc(b)], oracle_json.outcome(lambda a=a, b=b: view(a) == view(b)))
    if a["fmt"] in ("F", "D"):
        add("eq", a, ["self"], oracle_json.outcome(lambda a=a: (lambda m: m == m)(view(a))))
        add("get", a, [0], run(lambda a=a: view(a)[0]))
        add("count", a, [1], oracle_json.outcome(lambda a=a: view(a).count(1)))

# ------------------------------------------------ arity: too many or too few arguments
# Arguments name the view ("@view") or its exporter ("@obj"); the rest are plain values.
CALLS = [
    ("memoryview", []), ("memoryview", ["@obj", 1]), ("memoryview", ["@obj", "@obj"]),
    ("_from_flags", ["@obj"]), ("_from_flags", ["@obj", 0, 1]),
    ("tobytes", ["C", 1]), ("tolist", [1]), ("hex", [",", 1, 2]), ("cast", []),
    ("cast", ["B", [4], 1]), ("release", [1]), ("toreadonly", [1]), ("count", []),
    ("count", [1, 2]), ("index", []), ("index", [1, 0, 4, 5]), ("__getitem__", []),
    ("__getitem__", [0, 1]), ("__setitem__", [0]), ("__setitem__", [0, 1, 2]),
    ("__delitem__", []), ("__delitem__", [0, 1]), ("__eq__", []), ("__eq__", ["@view", 1]),
    ("__hash__", [1]), ("__iter__", [1]),
]
ARITY = desc("B", [1, 2, 3, 4])


def call(name, args):
    obj = exporter(ARITY)
    m = memoryview(obj)
    values = [m if a == "@view" else obj if a == "@obj" else a for a in args]
    if name == "memoryview":
        return memoryview(*values)
    if name == "_from_flags":
        return memoryview._from_flags(*values)
    return getattr(m, name)(*values)


for name, args in CALLS:
    add("call", ARITY, [name, args], run(lambda name=name, args=args: call(name, args)))


def main():
    out = io.StringIO()
    oracle_json.dump({"python": "3.14 (Pyodide, wasm32)", "cases": cases}, out)
    return out.getvalue()
