# oracle: 3.13
# struct.pack and Struct.pack: every integer code under every prefix at and past its
# range boundaries, arguments of the wrong type, e/f/d rounding, subnormals and
# overflow, '?' truthiness, c/s/p/P/x, argument counts, and seeded random formats with
# one wrong value somewhere. Integral Python floats are never passed to integer codes
# (JavaScript cannot tell 1.0 from 1), nor ints beyond 2**53 to float codes; a JS
# number where a float goes means a Python float (struct_oracle.as_js_means).
import os
import random
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
from struct_oracle import INT_CODES, NO_FORMAT, PREFIXES, case, dump, value_codes  # noqa: E402
from struct_values import (  # noqa: E402
    BOOLISH, EDGE_FLOATS, EDGE_INTS, NOT_FLOATS, NOT_INTS, random_format, random_values)

cases = []
# Quiet NaNs with payloads, both signs. Signalling NaNs cannot be checked from JavaScript:
# V8 quiets a NaN stored in an array, and the values of a call travel in one.
NAN_BITS = ["fff8000000000000", "7ff8000000000001", "fff8000000000001", "7ffc000000000000",
            "ffffffffffffffff", "7ff8080000000000", "fff8040000000000"]


def add(fmt, *values):
    cases.append(case("pack", fmt, *values))


# Integer codes: boundaries of every size, alone, repeated, and after another item.
for prefix in PREFIXES:
    for code in INT_CODES + "P":
        if prefix not in ("", "@") and code in "nNP":
            add(prefix + code, 1)  # bad char: n N P are native only
            continue
        for v in EDGE_INTS:
            add(prefix + code, v)
        for v in NOT_INTS:
            add(prefix + code, v)
        for v in (-1, 0, 255, 2 ** 63, 2 ** 64):
            add(prefix + "2" + code, 1, v)
            add(prefix + "b" + code, -5, v)

# Float codes: edge values, the wrong kinds, repeated.
for prefix in PREFIXES:
    for code in "efd":
        for v in EDGE_FLOATS:
            add(prefix + code, v)
            add(prefix + code, -v)  # -nan too: its sign travels as bits (oracle_json)
        for bits in NAN_BITS:
            add(prefix + code, struct.unpack(">d", bytes.fromhex(bits))[0])
        for v in NOT_FLOATS:
            add(prefix + code, v)
        add(prefix + "3" + code, 1.0, 2.5, 1e39)

# binary16 and binary32 rounding on a fine grid around each power of two (test_705836).
for prefix in ("<", ">", ""):
    for k in range(-26, 17):
        for j in range(-4, 5):
            add(prefix + "e", (1 + j * 2.0 ** -12) * 2.0 ** k)
    for k in range(-150, 129, 3):
        for j in (-3, -1, 1, 3):
            add(prefix + "f", (1 + j * 2.0 ** -25) * 2.0 ** k)
    for base in range(1, 33):
        add(prefix + "f", float.fromhex("0x%xp-5" % base) * 2.0 ** 100 + 0.5)

# '?': truth values that mean the same in both languages.
for prefix in PREFIXES:
    for v in BOOLISH:
        add(prefix + "?", v)
    add(prefix + "2?", True, 0)

# c, s, p: lengths around each count, and the wrong kinds.
for prefix in PREFIXES:
    for v in [b"a", b"\x00", b"\xff", b"", b"ab", "a", 97, None, True, 1.5]:
        add(prefix + "c", v)
        add(prefix + "2c", b"z", v)
for prefix in ("", "<", ">"):
    for code in "sp":
        for count in ["", "0", "1", "2", "3", "4", "5", "8", "254", "255", "256", "257", "300"]:
            for n in [0, 1, 2, 3, 4, 5, 8, 253, 254, 255, 256, 257, 258, 301]:
                add(prefix + count + code, bytes((i * 7 + 1) % 256 for i in range(n)))
            for v in ["ab", "", None, 1, True, 1.5]:
                add(prefix + count + code, v)

# x consumes no value; argument counts for assorted formats.
for fmt in ["", "x", "3x", "0x", "i", "2i", "ih", "3s", "0s", "0p", "s0p", "2x2s", "0i", "i0h",
            "<", "<2q", "!3c", "5?", "@nNP", "=ef"]:
    for n in range(0, 5):
        add(fmt, *([0] * n))
cases.append(case("pack", NO_FORMAT))

# Formats given as bytes: the same packing, and bytes struct rejects.
for fmt, values in [(b"<hq", [1, -2]), (b"2s?", [b"ab", True]), (b">e", [1.5]), (b"", []),
                    (b"@bq", [1, 2]), (b"i", []), (b"\xe9", [1]), (b"i\0", [1]), (b" 3x", [])]:
    add(fmt, *values)

# Seeded random formats: first with fitting values, then with one value replaced by a
# wrong one (out of range, wrong type), so the first failing item decides the error.
rng = random.Random(98248)
WRONG = [2 ** 64, -(2 ** 64), 2 ** 63, -1, 256, 70000, 1.5, "x", None, b"ab", b"", True, 1e39,
         65520.0, float("nan")]
for _ in range(4000):
    prefix = rng.choice(PREFIXES)
    fmt = random_format(rng, prefix)
    values = random_values(rng, fmt)
    add(fmt, *values)
    if values:
        native, codes = value_codes(fmt)
        i = rng.randrange(len(values))
        wrong = rng.choice(WRONG)
        integral_float = isinstance(wrong, float) and wrong.is_integer()
        if codes[i] in INT_CODES + "P" and integral_float:
            continue  # 1e39 and 65520.0 mean an int in JavaScript
        if codes[i] in "efd" and type(wrong) is int and abs(wrong) > 2 ** 53:
            continue  # a bigint where a float goes has no Python meaning of its own
        values[i] = wrong
        add(fmt, *values)

dump(cases)
