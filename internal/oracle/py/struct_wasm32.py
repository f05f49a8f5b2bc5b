# Cases for the wasm32 ABI and CPython 3.14's complex codes F and D, computed inside
# Pyodide (CPython 3.14, wasm32: long, size_t and pointers are 4 bytes). Run by
# gen/struct_wasm32.ts, which loads this file with struct_oracle and struct_values.
import io
import random
import struct
import sys

import oracle_json
from struct_oracle import PREFIXES, case, unique, value_codes
from struct_values import EDGE_FLOATS, EDGE_INTS, NOT_INTS, random_values

CODES = "xcbB?hHiIlLqQnNefdFDspP"
NATIVE = ("", "@")
COMPLEX_VALUES = [complex(0, 0), complex(1, 2), complex(-0.0, 0.0), complex(0.0, -0.0),
                  complex(1.5, -2.5), complex(1e39, 0), complex(0, -1e39), complex(1e300, 1e-300),
                  complex(3.4028234663852886e38, 1.401298464324817e-45),
                  complex(float("inf"), float("-inf")), complex(float("nan"), 1.0)]
NOT_COMPLEX = ["x", "", None, b"ab", True, False, 0, 7, -1, 2 ** 53, 1.5, -0.0,
               float("inf"), float("nan")]


def random_format(rng, prefix):
    codes = CODES if prefix in NATIVE else CODES.replace("n", "").replace("N", "").replace("P", "")
    parts = []
    for _ in range(rng.randint(1, 6)):
        code = rng.choice(codes)
        count = rng.choice(["", "", "", "0", "1", "2", "3"])
        if code in "sp":
            count = rng.choice(["", "0", "2", "5"])
        parts.append(count + code)
    return prefix + "".join(parts)


def random_complex_values(rng, fmt, values):
    """random_values knows no F/D: give those items complex values."""
    _, codes = value_codes(fmt)
    return [complex(rng.uniform(-1e6, 1e6), rng.choice([0.0, rng.uniform(-1, 1)]))
            if code in "FD" else v for code, v in zip(codes, values)]


def cases():
    out = []
    rng = random.Random(314)
    # Sizes and alignment: every code, native and standard, alone, counted and in pairs.
    for prefix in PREFIXES:
        for code in CODES:
            for count in ["", "0", "1", "3"]:
                out.append(case("calcsize", prefix + count + code))
        for a in CODES:
            for b in CODES:
                out.append(case("calcsize", prefix + a + b))
    for _ in range(1500):
        out.append(case("calcsize", random_format(rng, rng.choice(PREFIXES))))
    # 4-byte native l L n N P: range boundaries and wrong kinds.
    for prefix in NATIVE:
        for code in "lLnNP":
            for v in EDGE_INTS + NOT_INTS:
                out.append(case("pack", prefix + code, v))
    # F and D: complex values, and what the complex() protocol accepts or refuses.
    for prefix in PREFIXES:
        for code in "FD":
            for v in COMPLEX_VALUES + NOT_COMPLEX:
                out.append(case("pack", prefix + code, v))
            for x in EDGE_FLOATS[:20]:
                out.append(case("pack", prefix + code, complex(x, -x)))
            size = struct.calcsize(prefix + code)
            for _ in range(20):
                data = bytes(rng.randrange(256) for _ in range(size))
                out.append(case("unpack", prefix + code, data))
            out.append(case("unpack", prefix + "2" + code, bytes(range(2 * size))))
            out.append(case("unpack", prefix + code, bytes(size + 1)))
    # Native unpacks: 4-byte longs and pointers, and '?' of every byte.
    for prefix in NATIVE:
        for code in "lLnNPi":
            for data in [b"\xff" * 4, b"\x00\x00\x00\x80", b"\xff\xff\xff\x7f", b"\x01\x02\x03\x04"]:
                out.append(case("unpack", prefix + code, data))
        out.append(case("unpack", prefix + "256?", bytes(range(256))))
    # Py_ssize_t is 32 bits: repeat counts and sizes at its limit, offsets around it.
    for prefix in PREFIXES:
        for fmt in ["2147483647x", "2147483648x", "2147483646xi", "2147483645xh", "1073741823h",
                    "1073741824h", "536870911q", "536870912q", "4294967296x", "2147483647s",
                    "2147483648p", "99999999999999999999x", "715827882ixb", "268435455D"]:
            out.append(case("calcsize", prefix + fmt))
    for off in [2 ** 31 - 1, 2 ** 31, -2 ** 31, -2 ** 31 - 1, 2 ** 63 - 1, -2 ** 63, 2 ** 63,
                -2 ** 63 - 1, 2 ** 70, -2 ** 70, 2 ** 32 - 20]:
        for fmt in ("F3l", "@3x", "@h", "nP"):
            size = struct.calcsize(fmt)
            out.append(case("unpack_from", fmt, bytes(size + 4), off))
            out.append(case("pack_into", fmt, bytearray(size + 4), off,
                            *([0] * len(value_codes(fmt)[1]))))
    # Random native formats: pack fitting values, unpack random bytes, offsets.
    for _ in range(1500):
        prefix = rng.choice(PREFIXES)
        fmt = random_format(rng, prefix)
        values = random_complex_values(rng, fmt, random_values(rng, fmt))
        out.append(case("pack", fmt, *values))
        size = struct.calcsize(fmt)
        out.append(case("unpack", fmt, bytes(rng.randrange(256) for _ in range(size))))
        if rng.random() < 0.2:
            offset = rng.randint(-size - 2, 3)
            out.append(case("pack_into", fmt, bytearray(size + 2), offset, *values))
            out.append(case("unpack_from", fmt, bytes(range(size + 2)), offset))
    return out


def main():
    text = io.StringIO()
    oracle_json.dump({"python": sys.version.split()[0], "abi": "wasm32",
                      "sizes": {c: struct.calcsize(c) for c in "lLnNP"}, "cases": unique(cases())}, text)
    return text.getvalue()
