# oracle: 3.13
# memoryview over random _testbuffer exporters (test_buffer's rand_structure): ndim 0-4,
# negative and zero strides, offsets, zero-length dimensions, read-only and writable,
# PIL-style suboffsets. For each: attributes, tolist, tobytes in every order, hex,
# item lookups (valid, out of range, wrong arity), slices of dimension 0, casts, equality
# with itself and with other layouts, item and slice assignment (on fresh copies).
import os
import random
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
import oracle_json  # noqa: E402
from memoryview_common import key_from_json, make_exporter, run, summary  # noqa: E402
from test import test_buffer as tb  # noqa: E402

random.seed(20261121)
CODES = "?cbBhHiIlLqQnNefdP"
cases = []


def rand_slice(n):
    def bound():
        return random.choice([None, random.randrange(-n - 2, n + 3)])
    step = random.choice([None, 1, 2, -1, -2, 3, -3])
    return {"slice": [bound(), bound(), step]}


def rand_index(shape):
    return [random.randrange(-s - 1, s + 1) if s else random.randrange(-1, 2) for s in shape]


def new_desc(code, prefix, valid_shape=None):
    fmt = prefix + code
    itemsize = struct.calcsize(fmt)
    memlen, itemsize, ndim, shape, strides, offset = tb.rand_structure(
        itemsize, True, maxdim=4, maxshape=5)
    n = memlen // itemsize
    _, items, _ = tb.randitems(n, "memoryview", "@", code)
    if code in "efd" and n and random.randrange(4) == 0:
        items[random.randrange(n)] = random.choice([float("nan"), -0.0, float("inf")])
    mem = struct.pack(fmt[0] + code * n if prefix else code * n, *items) if n else b""
    return {"mem": mem, "fmt": fmt, "itemsize": itemsize, "shape": list(shape),
            "strides": list(strides), "offset": offset, "readonly": random.randrange(2) == 0,
            "pil": ndim > 0 and random.randrange(5) == 0}


def rand_value(code):
    _, _, item = tb.randitems(1, "memoryview", "@", code)
    return item


def one_case(desc):
    m = memoryview(make_exporter(desc))
    shape = desc["shape"]
    ndim = len(shape)
    case = {"desc": oracle_json.encode(desc), "view": summary(m)["view"]}
    case["tobytes"] = {o: oracle_json.outcome(m.tobytes, o) for o in ("C", "F", "A")}
    case["hex"] = oracle_json.outcome(m.hex)
    per = random.choice([1, 2, -3])
    case["hex_sep"] = [per, oracle_json.outcome(m.hex, ":", per)]
    keys = [[], {"ellipsis": 1}, 0, -1]
    if ndim:
        keys += [rand_index(shape) for _ in range(4)]
        keys += [rand_index(shape)[:-1], rand_index(shape) + [0]]
        keys += [rand_slice(shape[0]) for _ in range(3)]
    gets = []
    for key in keys:
        r = run(lambda k: m[key_from_json(k)], key)
        if key == {"ellipsis": 1} and "ok" in r:
            r = {"ok": "self" if m[...] is m else r["ok"]}
        gets.append([key, r])
    case["gets"] = gets
    casts = []
    if m.c_contiguous:
        casts.append(["B", None, run(m.cast, "B")])
        target = random.choice(CODES)
        casts.append(["B>" + target, None, run(lambda: m.cast("B").cast(target))])
        if m.nbytes:
            casts.append(["B>" + desc["fmt"] + " shape", shape,
                          run(lambda: m.cast("B").cast(desc["fmt"], shape))])
    case["casts"] = casts
    copy = memoryview(make_exporter(dict(desc, readonly=True, pil=False)))
    case["eq"] = {
        "self": m == m,
        "copy": m == copy,
        "bytes": m == m.tobytes(),
        "tolist_copy": oracle_json.outcome(lambda: m == memoryview(
            tb.ndarray(tb.flatten(m.tolist()), shape=shape, format=desc["fmt"])) if ndim and m.nbytes else m == m),
    }
    if not desc["readonly"]:
        sets = []
        for _ in range(3):
            key = rand_index(shape) if ndim else random.choice([[], {"ellipsis": 1}])
            if ndim == 1 and random.randrange(2):
                key = key[0]
            value = rand_value(desc["fmt"][-1])
            fresh = memoryview(make_exporter(desc))

            def assign(k=key, v=value, mv=fresh):
                mv[key_from_json(k)] = v
                return mv.tobytes()
            sets.append([key, oracle_json.encode(value), oracle_json.outcome(assign)])
        if ndim == 1:
            src = make_exporter(desc)
            fresh = memoryview(make_exporter(desc))
            key = rand_slice(shape[0])
            s = slice(*key["slice"])
            length = len(range(*s.indices(shape[0])))
            start = random.randrange(0, shape[0] - length + 1) if shape[0] >= length else 0
            rkey = {"slice": [start, start + length, 1]}

            def slice_assign(mv=fresh, k=key, r=rkey):
                mv[key_from_json(k)] = memoryview(src)[key_from_json(r)]
                return mv.tobytes()
            case["slice_assign"] = [key, rkey, oracle_json.outcome(slice_assign)]
        case["sets"] = sets
    return case


for i in range(200):
    code = CODES[i % len(CODES)]
    prefix = "@" if i % 7 == 3 else ""
    cases.append(one_case(new_desc(code, prefix)))

oracle_json.dump({"cases": cases})
