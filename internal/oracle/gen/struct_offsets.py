# oracle: 3.13
# struct.unpack_from and struct.pack_into (and the Struct methods): every offset from
# well before the start to past the end of small buffers, each with its own message
# (not enough data / no space, out of range, requires a buffer of at least), huge and
# non-integer offsets, missing arguments, buffers of the wrong type, and values that
# fail after the offset checks. pack_into's result is the whole buffer afterwards.
import os
import random
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
from struct_oracle import NO_FORMAT, PREFIXES, case, dump  # noqa: E402
from struct_values import random_format, random_values  # noqa: E402

MAXSIZE = sys.maxsize
cases = []
rng = random.Random(124220)


def add(fn, fmt, *args):
    cases.append(case(fn, fmt, *args))


# Each format over buffers a little shorter and longer than it, at every offset.
FORMATS = ["i", "<h", ">q", "bq", "3s", "5p", "?", "<e", "d", "", "0i", "x", "2x", "<iHb"]
VALUES = {"i": [7], "<h": [-2], ">q": [2 ** 40], "bq": [1, -1], "3s": [b"abcd"], "5p": [b"ab"],
          "?": [True], "<e": [1.5], "d": [0.1], "": [], "0i": [], "x": [], "2x": [],
          "<iHb": [-1, 65535, 3]}
for fmt in FORMATS:
    size = struct.calcsize(fmt)
    for length in sorted({0, 1, size - 1, size, size + 1, size + 3, 2 * size + 1}):
        if length < 0:
            continue
        data = bytes((i * 37 + 11) % 256 for i in range(length))
        for offset in range(-length - size - 2, length + 3):
            add("unpack_from", fmt, data, offset)
            add("pack_into", fmt, bytearray(length), offset, *VALUES[fmt])
        add("unpack_from", fmt, data)  # offset defaults to 0
        for offset in [MAXSIZE, -MAXSIZE - 1, MAXSIZE + 1, -MAXSIZE - 2, 2 ** 64, -(2 ** 64),
                       2 ** 31, -(2 ** 31), 2 ** 53, -(2 ** 53)]:
            add("unpack_from", fmt, data, offset)
            add("pack_into", fmt, bytearray(length), offset, *VALUES[fmt])

# Offsets that are not integers (a Python bool is an int).
for offset in [1.5, -0.5, float("nan"), float("inf"), "1", None, b"\x01", True, False]:
    add("unpack_from", "b", b"abc", offset)
    add("pack_into", "b", bytearray(3), offset, 1)

# Formats given as bytes.
for fmt in [b"<h", b"bq", b"", b"\xe9"]:
    add("unpack_from", fmt, bytes(range(20)), 2)
    add("pack_into", fmt, bytearray(20), -18, *([1] * len(fmt.strip(b"<"))))

# Missing and extra arguments; buffers that are not bytes-like (or not writable).
add("unpack_from", "i")
add("unpack_from", NO_FORMAT)
add("pack_into", "i")
add("pack_into", "i", bytearray(4))
add("pack_into", "i", bytearray(4), 0)
add("pack_into", "i", bytearray(4), 0, 1, 2)
add("pack_into", "2i", bytearray(8), 0, 1)
add("pack_into", "", bytearray(0), 0, 1)
add("pack_into", NO_FORMAT)
for buffer in ["abcd", None, 5, 1.5, True]:
    add("unpack_from", "i", buffer)
    add("unpack_from", "i", buffer, 0)
    add("pack_into", "i", buffer, 0, 1)

# Values that fail after the offset checked out, and offset errors that come before
# the value's (checks are in CPython's order: count, offset, then each value).
for fmt, values in [("i", ["x"]), ("<h", [70000]), ("3s", [None]), ("e", [65520.0]),
                    ("bq", [1, 2 ** 64]), ("c", [b"ab"]), ("<f", [1e39]), ("?", [None])]:
    for offset in [-100, -1, 0, 1, 100]:
        add("pack_into", fmt, bytearray(8), offset, *values)

# Random formats with fitting values, into buffers with room at random offsets.
for _ in range(1500):
    fmt = random_format(rng, rng.choice(PREFIXES), max_items=5, max_count=4)
    size = struct.calcsize(fmt)
    length = size + rng.randint(0, 6)
    offset = rng.randint(-length, length - size)
    add("pack_into", fmt, bytearray(bytes(rng.randrange(256) for _ in range(length))), offset,
        *random_values(rng, fmt))
    add("unpack_from", fmt, bytes(rng.randrange(256) for _ in range(length)), offset)

dump(cases)
