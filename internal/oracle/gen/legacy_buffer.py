# oracle: 2.7
# Vectors for @pybuffer/legacy: Python 2.7's buffer object and the old buffer C API.
# Each case is a spec and a list of steps run by py/legacy_live.py (the live property
# tests run the same interpreter); "results" holds one outcome per item, build first.
# Replayed by packages/legacy/test/vectors.test.ts through test/helpers/script.ts.
from __future__ import unicode_literals

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
import legacy_live  # noqa: E402
import oracle_json  # noqa: E402

ABC = b"abcdef"
STR = ["str", ABC]
BA = ["bytearray", ABC]
RW = ["fromReadWriteObject", BA, 0, -1]
BIG = 2 ** 70
SMAX = 2 ** 63 - 1
SMIN = -(2 ** 63)
FLOAT = 1.5
NAN = float("nan")
INF = float("inf")

cases = []


def case(group, spec, *steps):
    cases.append({"group": group, "spec": spec, "steps": list(steps),
                  "results": legacy_live.run(spec, list(steps))})


# --- constructors -----------------------------------------------------------------
for args in ([], [0], [2], [2, 3], [6], [7, 2], [0, 0], [3, -1], [True], [True, False],
             [SMAX], [SMAX, SMAX], [-1], [0, -2], [SMIN], [SMIN - 1], [0, SMAX + 1],
             [0, -BIG], [FLOAT], [0, FLOAT], [NAN], [INF], [None], [0, None], ["x"], [1, 2, 3]):
    case("buffer()", ["buffer", STR] + args, ["repr"], ["str"], ["len"])
for obj in (["list", [1]], ["int", 3], ["none"], BA):
    case("buffer() bases", ["buffer", obj], ["repr"], ["str"])
case("buffer() arity", ["buffer", ["int", 5], "x"])
for off, size in ((0, -1), (2, 3), (6, -1), (9, 2), (-1, -1), (0, -2), (0, 0), (1, SMAX),
                  (SMAX, -1), (-5, -5), (SMIN, 0)):
    for ctor in ("fromObject", "fromReadWriteObject"):
        case(ctor, [ctor, BA, off, size], ["repr"], ["str"], ["len"])
    case("fromObject str", ["fromObject", STR, off, size], ["repr"], ["str"])
for obj in (["list", [1]], ["int", 3], ["none"]):
    case("fromObject bases", ["fromObject", obj, 0, -1])
    case("fromReadWriteObject bases", ["fromReadWriteObject", obj, 0, -1])
case("fromReadWriteObject str", ["fromReadWriteObject", STR, 0, -1],
     ["repr"], ["len"], ["str"], ["get", 0], ["set", 0, ["str", b"x"]], ["hash"], ["asRead"],
     ["asWrite"], ["asChar"], ["checkRead"], ["getbuffer", 0])
for ctor in ("fromMemory", "fromReadWriteMemory"):
    for size in (5, 0, 3, -2, SMIN):
        case(ctor, [ctor, b"hello", size], ["repr"], ["str"], ["len"], ["getbuffer", 1])
for size in (0, 1, 5, -1, -2, SMIN):
    case("alloc", ["alloc", size], ["repr"], ["str"], ["len"], ["getbuffer", 1])

# --- buffer of buffer ---------------------------------------------------------------
for outer in ([], [1], [1, 10], [5], [4], [0, 0], [3, 1]):
    for inner in ([2, 3], [2], [], [9]):
        case("flatten", ["buffer", ["buffer", STR] + inner] + outer, ["repr"], ["str"], ["len"])
case("flatten overflow", ["buffer", ["buffer", STR, 2 ** 62], 2 ** 62])
case("flatten overflow", ["buffer", ["buffer", STR, SMAX], 1])
case("flatten rw over ro", ["fromReadWriteObject", ["buffer", BA, 1, 2], 1, -1],
     ["repr"], ["str"], ["set", 0, ["str", b"Z"]], ["root"])
case("flatten rw over ro str", ["fromReadWriteObject", ["buffer", STR, 1], 0, -1], ["str"])
case("over alloc", ["buffer", ["alloc", 4], 1], ["repr"], ["str"], ["len"])
case("over alloc", ["buffer", ["buffer", ["alloc", 4], 1], 1], ["repr"], ["str"])
case("over memory", ["buffer", ["fromMemory", b"hello", 5], 1, 2], ["repr"], ["str"])
case("rw over rw", ["fromReadWriteObject", RW, 2, 2], ["repr"], ["str"])

# --- bases that change size -------------------------------------------------------------
for spec in (["buffer", BA], ["buffer", BA, 2], ["buffer", BA, 2, 2], ["buffer", BA, 9],
             ["fromReadWriteObject", BA, 3, 2], ["buffer", ["buffer", BA, 1, 4], 1]):
    case("resize", spec, ["str"], ["resize", 3], ["len"], ["str"], ["get", 0], ["slice", 0, 9],
         ["resize", 0], ["len"], ["str"], ["get", 0], ["hash"], ["resize", 12], ["len"],
         ["str"], ["repr"])
case("resize set", RW, ["resize", 2], ["set", 3, ["str", b"Z"]], ["set", 1, ["str", b"Z"]],
     ["setslice", 0, 9, ["str", b"qr"]], ["resize", 4], ["str"])
case("hash cache", ["buffer", BA], ["hash"], ["poke", 0, 120], ["hash"], ["str"])

# --- items -------------------------------------------------------------------------
for i in (0, 5, 6, -1, -6, -7, True, SMAX, SMIN, BIG, -BIG, FLOAT, NAN, None, "x"):
    case("get", ["buffer", STR], ["get", i])
case("get empty", ["buffer", STR, 6], ["get", 0], ["get", -1])
for i, v in ((0, ["str", b"Z"]), (-1, ["str", b"Z"]), (6, ["str", b"Z"]), (-7, ["str", b"Z"]),
             (0, ["str", b"ZZ"]), (0, ["str", b""]), (0, ["bytearray", b"Q"]),
             (0, ["buffer", ["str", b"xyz"], 2]), (0, ["int", 5]), (0, ["list", [1]]),
             (0, ["none"]), (FLOAT, ["str", b"Z"]), (FLOAT, ["int", 5]), (None, ["str", b"Z"]),
             (BIG, ["str", b"Z"]), (-BIG, ["int", 5]), (6, ["int", 5]), (True, ["str", b"Z"]),
             (0, ["alloc", 1]), (0, ["fromMemory", b"m", 1])):
    case("set", RW, ["set", i, v], ["str"])
    case("set ro", ["buffer", BA], ["set", i, v])

# --- slices ------------------------------------------------------------------------
bounds = (None, 0, 2, 4, 6, 9, -1, -3, -9, SMAX, SMIN, BIG, -BIG)
for i in bounds:
    for j in bounds:
        case("slice", ["buffer", STR], ["slice", i, j])
for i, j in ((FLOAT, 2), (1, NAN), ("a", None), (None, "b")):
    case("slice bad", ["buffer", STR], ["slice", i, j])
for k in (1, 2, 3, -1, -2, -4, 0, SMAX, SMIN, BIG, -BIG, FLOAT, None, True):
    for i, j in ((None, None), (1, 5), (5, 1), (-2, None), (None, -5), (BIG, -BIG), (-BIG, BIG)):
        case("xslice", ["buffer", STR], ["xslice", i, j, k])
for i, j, v in ((1, 3, b"XY"), (1, 3, b"XYZ"), (-2, None, b"MN"), (4, 100, b"PQ"),
                (None, None, b"012345"), (5, 1, b""), (-100, 2, b"ab"), (9, 9, b""),
                (9, 10, b"x"), (FLOAT, 2, b"P"), (1, "x", b"P"), (BIG, -BIG, b""),
                (-BIG, BIG, ABC)):
    case("setslice", RW, ["setslice", i, j, ["str", v]], ["str"])
    case("setslice ro", ["buffer", BA], ["setslice", i, j, ["str", v]])
for v in (["int", 5], ["list", [1]], ["none"], ["bytearray", b"Q"], ["buffer", ["str", b"Q"]]):
    case("setslice operand", RW, ["setslice", 0, 1, v], ["str"])
    case("setslice operand", RW, ["setslice", -1, None, v], ["str"])
for i, j, k, v in ((None, None, -1, ABC), (None, None, 2, b"123"), (None, None, 0, b"123"),
                   (None, None, 2, b"12"), (1, 5, 2, b"xy"), (5, None, -2, b"ab"),
                   (None, None, 1, ABC), (4, 1, 1, b""), (FLOAT, None, 2, b"123"),
                   (None, None, 2, ["int", 1]), (0, 6, BIG, b"Z"), (-BIG, BIG, -1, b"")):
    value = v if isinstance(v, list) else ["str", v]
    case("xsetslice", RW, ["xsetslice", i, j, k, value], ["str"])
    case("xsetslice ro", ["buffer", BA], ["xsetslice", i, j, k, value])

# --- concat, repeat -----------------------------------------------------------------
for base in (["buffer", STR], ["buffer", STR, 6], ["buffer", STR, 2, 2]):
    for v in (["str", b"xy"], ["str", b""], ["bytearray", b"Q"], ["buffer", ["str", b"xyz"], 1],
              ["alloc", 2], ["int", 5], ["list", [1]], ["none"], ["fromMemory", b"mem", 3]):
        case("concat", base, ["concat", v])
for n in (0, 1, 3, -1, SMIN, True, False, FLOAT, NAN, None, "x", ["x"], BIG, -BIG, 2 ** 62,
          SMAX, SMAX // 6, SMAX // 6 + 1):
    case("repeat", ["buffer", STR], ["repeat", n])
for n in (0, 3, SMAX, -BIG):
    case("repeat empty", ["buffer", STR, 0, 0], ["repeat", n])
case("repeat one", ["buffer", STR, 0, 1], ["repeat", SMAX - 36], ["repeat", SMAX - 37])

# --- comparison, hash, str, iteration -----------------------------------------------
others = (["buffer", ["str", b"abc"]], ["buffer", STR], ["buffer", ["str", b"abd"]],
          ["buffer", ["str", b""]], ["buffer", ["str", b"abcdefg"]], ["buffer", ["str", b"b"]],
          ["buffer", ["str", b"\xff"]], ["str", ABC], ["alloc", 6], ["fromMemory", ABC, 6],
          ["buffer", BA, 0, 3])
for base in (["buffer", STR], ["buffer", STR, 0, 3], ["buffer", STR, 6], RW):
    for other in others:
        case("compare", base, ["cmp", other], ["eq", other])
for data in (b"", b"a", b"ab", b"abc", b"\x00", b"\xff" * 10, b"hello world", bytes(bytearray(range(256))),
             b"\x80\x00\x01", b"a" * 1000, b"\x00" * 64):
    case("hash", ["buffer", ["str", data]], ["hash"], ["str"], ["len"])
    case("hash", ["buffer", ["bytearray", data], 1], ["hash"])
for ctor in (RW, ["alloc", 3], ["fromReadWriteMemory", b"abc", 3]):
    case("hash rw", ctor, ["hash"])
case("hash memory", ["fromMemory", b"abc", 3], ["hash"])
for item in (["str", b"a"], ["str", b"ab"], ["str", b""], ["str", b"z"], ["bytearray", b"c"],
             ["buffer", ["str", b"a"]], ["int", 97], ["none"]):
    case("in", ["buffer", STR], ["in", item])
case("in empty", ["buffer", STR, 6], ["in", ["str", b"a"]])
# a unicode (a JavaScript string): 2.7 decodes the buffer's char buffer as ASCII
TEXTS = ("", "a", "ab", "abc", "abd", "abcdef", "abcdefg", "z", "\x00", "\x7f", "\xe9",
         "\U0001F600", "abcdef\U0001F600")
for base in (["buffer", STR], ["buffer", STR, 0, 3], ["buffer", STR, 6], RW,
             ["buffer", ["str", b"a\xffb"]], ["buffer", ["str", b"a\xffb"], 0, 1],
             ["buffer", ["array", b"abc"]], ["fromReadWriteObject", ["array", b"abc"], 0, -1],
             ["alloc", 2], ["fromMemory", b"abc", 3]):
    for text in TEXTS:
        case("compare unicode", base, ["cmp", ["unicode", text]], ["eq", ["unicode", text]])
for text in ("a", "ab", "", "z", "\x00", "\xe9", "\U0001F600"):
    case("in unicode", ["buffer", ["str", b"ab\x00\xe9"]], ["in", ["unicode", text]])
# bases whose access fails, with bad keys and slices: 2.7 converts the key first
FAILING = (["fromReadWriteObject", STR, 0, -1], ["fromReadWriteObject", ["array", b"abc"], 0, -1],
           ["buffer", ["buffer", STR], 9], ["buffer", BA, 1, 2], RW)
BAD_KEYS = ("1", FLOAT, None, NAN, BIG, -BIG, SMAX, True, -7, 0)
for base in FAILING:
    case("failing base, keys", base, *[["get", k] for k in BAD_KEYS])
    case("failing base, keys", base, *[["set", k, ["str", b"x"]] for k in BAD_KEYS])
    case("failing base, slices", base, ["xslice", 0, 2, 0], ["xslice", 0, 2, "x"],
         ["xslice", "x", 2, 1], ["xslice", 0, FLOAT, None], ["xslice", None, None, BIG],
         ["xslice", 0, 2, 1], ["slice", 0, "x"], ["slice", FLOAT, 2], ["slice", 0, 2],
         ["slice", -1, None])
    case("failing base, slices", base, ["xsetslice", 0, 2, 0, ["str", b"xy"]],
         ["xsetslice", 0, 2, "x", ["str", b"xy"]], ["setslice", 0, "x", ["str", b"x"]],
         ["setslice", FLOAT, 2, ["str", b"xy"]], ["xsetslice", 0, 2, 1, ["str", b"xy"]],
         ["setslice", 0, 2, ["str", b"xy"]])
# unicode against writable buffers: a base that refuses writes makes 2.7 give up
for base in (["fromReadWriteObject", STR, 0, -1], ["fromReadWriteObject", STR, 1, 2],
             ["fromReadWriteObject", ["array", b"abc"], 0, -1],
             ["fromReadWriteObject", ["buffer", STR], 0, -1], ["alloc", 0],
             ["fromReadWriteMemory", b"abc", 3]):
    for text in TEXTS:
        case("compare unicode rw", base, ["cmp", ["unicode", text]], ["eq", ["unicode", text]])
case("iter", ["buffer", STR, 1, 3], ["iter"])
# slot wrappers with the wrong number of arguments
for spec in (["buffer", STR], RW):
    case("arity", spec, ["call", "__getitem__", 0], ["call", "__getitem__", 2],
         ["call", "__setitem__", 1], ["call", "__setitem__", 3], ["call", "__mul__", 2],
         ["call", "__add__", 0], ["call", "__add__", 2], ["call", "__cmp__", 2],
         ["call", "__hash__", 1], ["call", "__str__", 1], ["call", "__repr__", 1])
case("iter", ["buffer", STR, 6], ["iter"])

# --- the old buffer API and the new protocol ------------------------------------------
for spec in (["str", ABC], BA, ["buffer", STR, 1], RW, ["alloc", 3], ["fromMemory", b"mem", 3],
             ["fromReadWriteMemory", b"mem", 3], ["list", [1]], ["int", 1], ["none"],
             ["buffer", BA, 9], ["fromReadWriteObject", STR, 0, -1]):
    case("segment api", spec, ["asRead"], ["asWrite"], ["asChar"], ["checkRead"])
ARRAY = ["array", b"xyz"]
case("array base", ARRAY, ["asRead"], ["asWrite"], ["asChar"], ["checkRead"])
for spec in (["buffer", ARRAY, 1], ["fromReadWriteObject", ARRAY, 1, 1]):
    case("array base", spec, ["asRead"], ["asWrite"], ["asChar"], ["checkRead"], ["getbuffer", 1])
case("array base", ["buffer", STR], ["concat", ARRAY], ["in", ["array", b"a"]], ["cmp", ARRAY])
case("array base", RW, ["set", 0, ARRAY], ["setslice", 0, 3, ARRAY], ["str"])
for spec in (["buffer", STR, 1], RW, ["alloc", 2], ["fromMemory", b"mem", 3],
             ["fromReadWriteMemory", b"mem", 3]):
    for flags in (0, 1, 0x1C, 0x11D):
        case("getbuffer", spec, ["getbuffer", flags])

oracle_json.dump({"cases": oracle_json.encode(cases)})
