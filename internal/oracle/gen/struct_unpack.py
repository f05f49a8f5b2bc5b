# oracle: 3.13
# struct.unpack / iter_unpack and the Struct methods: every code under every prefix
# over byte patterns (all of binary16, '?' of every byte), buffers of the wrong size or
# type, iter_unpack with zero-size structs and lengths that are not multiples, and
# seeded random formats over random bytes.
import os
import random
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
from struct_oracle import CODES, NO_FORMAT, PREFIXES, case, dump  # noqa: E402
from struct_values import random_format  # noqa: E402

cases = []
rng = random.Random(3118)


def add(fn, fmt, *args):
    cases.append(case(fn, fmt, *args))


def patterns(size):
    """Byte strings of one size: zeros, ones, sign bits, ramps and random bytes."""
    out = [bytes(size), b"\xff" * size, b"\x80" + bytes(size - 1), bytes(size - 1) + b"\x80",
           b"\x7f" + b"\xff" * (size - 1), b"\xff" * (size - 1) + b"\x7f", bytes(range(1, size + 1)),
           b"\x01" + bytes(size - 1), bytes(size - 1) + b"\x01"]
    out += [bytes(rng.randrange(256) for _ in range(size)) for _ in range(12)]
    return out


# Every code and prefix, over patterns; 3-item repeats; buffers one byte off.
for prefix in PREFIXES:
    for code in CODES:
        fmt = prefix + code
        try:
            size = struct.calcsize(fmt)
        except struct.error:
            add("unpack", fmt, bytes(8))
            continue
        for data in patterns(size):
            add("unpack", fmt, data)
        add("unpack", prefix + "3" + code, bytes(rng.randrange(256) for _ in range(3 * size)))
        for data in (b"", bytes(size - 1), bytes(size + 1), bytes(2 * size)):
            add("unpack", fmt, data)

# Every binary16 bit pattern, both byte orders, in one case each.
every_half = b"".join(struct.pack("<H", n) for n in range(65536))
add("unpack", "<65536e", every_half)
add("unpack", ">65536e", every_half)
# '?' of every byte value, standard and native (x86-64 gcc reads non-zero as True).
for prefix in PREFIXES:
    add("unpack", prefix + "256?", bytes(range(256)))
# Floats from special bit patterns: NaNs with payloads, signalling NaNs, subnormals.
for prefix in ("<", ">", ""):
    for bits in ["0000807f", "0100807f", "0100c07f", "ffffff7f", "000080ff", "01000000",
                 "ffff7f00", "ffff7f7f", "00008000"]:
        data = bytes.fromhex(bits)
        add("unpack", prefix + "f", data if prefix != ">" else data[::-1])
    for bits in ["000000000000f07f", "010000000000f07f", "000000000000f8ff", "0100000000000000",
                 "ffffffffffffef7f", "0000000000000080"]:
        data = bytes.fromhex(bits)
        add("unpack", prefix + "d", data if prefix != ">" else data[::-1])
# p's length byte larger than the room, s and p of every count near 255.
for count in [0, 1, 2, 3, 4, 255, 256, 257]:
    for first in [0, 1, 3, 254, 255]:
        data = bytes([first]) + bytes((i * 5 + 3) % 256 for i in range(max(count - 1, 0)))
        add("unpack", "%dp" % count, data[:count])
        add("unpack", "%ds" % count, data[:count])

# Formats given as bytes.
for fmt, data in [(b"<hq", bytes(range(10))), (b"2s?", b"ab\x01"), (b"", b""), (b"@bq", bytes(16)),
                  (b"\xe9", b"\x01"), (b"<h", b"\x01")]:
    add("unpack", fmt, data)
    add("iter_unpack", fmt, data * 2)

# Buffer arguments that are not bytes-like, and missing arguments.
for buffer in ["abcd", "", None, 5, 1.5, True]:
    add("unpack", "i", buffer)
    add("iter_unpack", "i", buffer)
add("unpack", "i")
add("iter_unpack", "i")
add("unpack", NO_FORMAT)
add("iter_unpack", NO_FORMAT)

# iter_unpack: zero-size structs (checked before the buffer), exact multiples, and
# lengths that are not multiples.
for fmt in ["", "<", "0i", "0s", "0p", "@0q", "0x", "x", "i", "<h", "3s", "bq", "qb", "<qb", "?",
            "2e", ">d", "@iq0q"]:
    size = struct.calcsize(fmt)
    for n in sorted({0, 1, 2, size - 1, size, size + 1, 2 * size, 3 * size, 3 * size + 1, 17}):
        if n >= 0:
            add("iter_unpack", fmt, bytes(rng.randrange(256) for _ in range(n)))

# Random formats over random bytes of the right size, and one byte short.
for _ in range(3000):
    fmt = random_format(rng, rng.choice(PREFIXES), max_items=8, max_count=6)
    size = struct.calcsize(fmt)
    data = bytes(rng.randrange(256) for _ in range(size))
    add("unpack", fmt, data)
    if rng.random() < 0.1:
        add("unpack", fmt, data[:-1] if size else b"\x00")
    if rng.random() < 0.2 and size:
        add("iter_unpack", fmt, data * rng.randint(0, 3))

dump(cases)
