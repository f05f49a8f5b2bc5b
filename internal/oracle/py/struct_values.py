# Values for the struct vectors: range boundaries, special floats, argument types, and
# seeded random formats with fitting values. Only values with a JavaScript counterpart
# of the same meaning are used (see struct_oracle for the encoding):
#   int -> number (|v| <= 2**53) or bigint; bool -> boolean; float -> number (only a
#   non-integral float where an int code reads it: 1.0 and 1 are one JS number);
#   str -> string; None -> null; bytes -> Uint8Array.
import math
import struct

from struct_oracle import INT_CODES, parse_items, value_codes

# Powers of two around every integer range, and their neighbours, both signs.
EDGE_INTS = sorted({0, 1, -1, 2, -2, 3, 127, -128, 255, 32767, -32768, 65535}
                   | {s * (2 ** k) + d for k in (7, 8, 15, 16, 31, 32, 52, 53, 54, 62, 63, 64, 65, 100, 128)
                      for s in (1, -1) for d in (-1, 0, 1)})

# Arguments of the wrong kind for an integer code (plus bool, which is an int).
NOT_INTS = [1.5, -0.5, 0.5, -1.5, 1e-300, 2.5e-5, 4503599627370495.5, float("nan"), float("inf"), float("-inf"),
            "x", "", "1", None, b"\x01", b"", True, False]

# Floats where e, f and d round, overflow, go subnormal or special.
EDGE_FLOATS = [
    0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.1, -0.1, 1 / 3, math.pi, -math.e, 100.0, 1e10, 1e-10,
    # binary16: max, rounding to max, the first value that overflows, halfway ties,
    # smallest normal and subnormal, ties below the smallest subnormal
    65504.0, 65519.0, 65519.99, 65520.0, -65520.0, 65536.0, 2.0 ** -14, 2.0 ** -24, 2.0 ** -25,
    3 * 2.0 ** -26, 2.0 ** -26, 2.0 ** -25 + 2.0 ** -60, 5 * 2.0 ** -25, 1 + 2.0 ** -11,
    1 + 3 * 2.0 ** -11, 1 + 2.0 ** -11 + 2.0 ** -40, 2048.5, 2049.0, 2051.0, 6.1e-05, 1e-08,
    # binary32: max, the halfway point that overflows, just below it, subnormals
    3.4028234663852886e38, 3.4028235677973366e38, 3.4028235677973362e38, -3.4028235677973366e38,
    3.5e38, 1e39, -1e39, 1.1754943508222875e-38, 1.401298464324817e-45, 7.006492321624085e-46,
    7.006492321624087e-46, 1 + 2.0 ** -24, 1 + 3 * 2.0 ** -24, 16777217.0, 0.1 + 2.0 ** -30,
    # binary64 extremes
    1.7976931348623157e308, -1.7976931348623157e308, 2.2250738585072014e-308, 5e-324, -5e-324,
    1e300, -1e300, float("inf"), float("-inf"), float("nan"),
]

# Arguments of the wrong kind for a float code (bools are floats' friends). A JS number
# means a Python float here, so there are no ints: struct_oracle.as_js_means.
NOT_FLOATS = ["x", "", "1.5", None, b"\x01", b"", True, False]

# Truth values that mean the same in Python and JavaScript. (nan, b"", [] do not:
# Python's bool(nan) is True and bool(b"") False, JS the other way round.)
BOOLISH = [True, False, 0, 1, -1, 2, 255, 256, 2 ** 64, -(2 ** 70), 0.0, -0.0, 0.5, -2.5,
           float("inf"), float("-inf"), "x", "", "0", None, b"\x00", b"ab"]


def limits(code, native):
    """(min, max) of an integer code in that mode (LP64 host)."""
    size = struct.calcsize(("@" if native else "<") + code)
    if code in "bhilqn":
        return -(2 ** (8 * size - 1)), 2 ** (8 * size - 1) - 1
    return 0, 2 ** (8 * size) - 1


def random_int(rng, code, native):
    lo, hi = limits(code, native)
    pick = rng.random()
    if pick < 0.2:
        return rng.choice([lo, hi, 0, lo + 1, hi - 1])
    if pick < 0.5:
        return rng.randint(lo, hi) >> rng.randint(0, 8 * struct.calcsize("q"))
    return rng.randint(lo, hi)


def random_float(rng, code):
    pick = rng.random()
    if pick < 0.2:
        return rng.choice([x for x in EDGE_FLOATS if not math.isnan(x)])
    if pick < 0.4:
        return round(rng.uniform(-1000, 1000), rng.randint(0, 6))
    while True:  # any finite double, from random bits, but never a NaN payload
        x = struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
        if not math.isnan(x):
            if code == "e":
                return math.ldexp(math.frexp(x)[0], rng.randint(-26, 16))
            if code == "f":
                return math.ldexp(math.frexp(x)[0], rng.randint(-150, 129))
            return x


def random_value(rng, code, native, count):
    """A value of the right kind for one item of `code` (`count` is s/p's count)."""
    if code in INT_CODES:
        return random_int(rng, code, native)
    if code == "P":
        return rng.choice([0, 1, 2 ** 64 - 1, rng.getrandbits(64), rng.getrandbits(32)])
    if code in "efd":
        return random_float(rng, code)
    if code == "?":
        return rng.choice([True, False])
    if code == "c":
        return bytes([rng.randrange(256)])
    n = rng.choice([0, count, max(count - 1, 0), count + 1, rng.randint(0, count + 3)])
    return bytes(rng.randrange(256) for _ in range(n))


def random_format(rng, prefix, max_items=6, max_count=5):
    codes = "xcbB?hHiIlLqQnNefdspP" if prefix in ("", "@") else "xcbB?hHiIlLqQefdsp"
    parts = []
    for _ in range(rng.randint(1, max_items)):
        code = rng.choice(codes)
        count = rng.choice(["", "", "", "0", "1", "2", str(rng.randint(3, max_count))])
        if code in "sp":
            count = rng.choice(["", "0", "1", "2", "3", "5", "8", "16"])
        parts.append(count + code)
    sep = rng.choice(["", "", "", " ", "\t"])
    return prefix + sep.join(parts)


def random_values(rng, fmt):
    native, codes = value_codes(fmt)
    counts = [c for c, code in parse_items(fmt)[1] if code in "sp"]
    values = []
    for code in codes:
        values.append(random_value(rng, code, native, counts.pop(0) if code in "sp" else 0))
    return values

