# oracle: 3.13
# struct.calcsize, Struct.size and Struct.format over systematically built formats:
# every code under every prefix with many repeat counts, pairs and triples (native
# alignment), whitespace, bad characters, bad repeat syntax, huge counts, embedded
# NULs, non-ASCII text, PEP 3118 syntax struct rejects, and formats given as bytes.
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
from struct_oracle import CODES, NO_FORMAT, PREFIXES, WHITESPACE, case, dump  # noqa: E402

MAXSIZE = sys.maxsize
COUNTS = ["", "0", "1", "2", "3", "5", "7", "8", "9", "10", "16", "255", "256", "257", "1000",
          "65535", "65536", "1000000", "2147483647", "2147483648", "4294967296",
          str(MAXSIZE // 16), str(MAXSIZE // 8), str(MAXSIZE // 4), str(MAXSIZE // 2),
          str(MAXSIZE), str(MAXSIZE + 1), "99999999999999999", "9999999999999999999999",
          "00", "007", "0000000000000000000000000001"]

cases = []


def add(fmt):
    cases.append(case("calcsize", fmt))


# Every code, every prefix, every count: sizes, and which codes a prefix forbids.
for prefix in PREFIXES:
    for code in CODES:
        for count in COUNTS:
            add(prefix + count + code)

# Every ordered pair of codes (alignment between them), with zero and small counts.
for prefix in PREFIXES:
    for a in CODES:
        for b in CODES:
            add(prefix + a + b)
            add(prefix + "3" + a + "0" + b)
            add(prefix + a + "2" + b + "0" + a)

# Random triples and longer formats with counts, fixed seed.
rng = random.Random(3118)
for _ in range(3000):
    prefix = rng.choice(PREFIXES)
    codes = CODES if prefix in ("", "@") else CODES.replace("n", "").replace("N", "").replace("P", "")
    parts = []
    for _ in range(rng.randint(1, 8)):
        count = rng.choice(["", "", "", "0", "1", "2", "3", str(rng.randint(4, 40))])
        parts.append(count + rng.choice(codes))
    add(prefix + "".join(parts))

# Whitespace: between items, after the prefix, trailing; inside a count or before the
# prefix it is a bad char; characters C's isspace does not know are bad chars.
for ws in list(WHITESPACE) + ["  ", " \t\n", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0"]:
    for fmt in ["{w}i", "i{w}", "{w}", "<{w}i", "<i{w}h", "b{w}q", "2{w}i", "{w}<i", "3s{w}2p",
                "@ b {w}Q", "1{w}0i", "!{w}H{w}"]:
        add(fmt.replace("{w}", ws))

# Bad characters: every ASCII character alone, after a prefix, after a valid item,
# and as a prefix in second position.
for n in range(0, 128):
    ch = chr(n)
    for fmt in [ch, "<" + ch, "i" + ch, "2" + ch, "@" + ch + "i", ch + ch]:
        add(fmt)
for fmt in ["<<i", "i<", "<@i", "=!", " <i", "i@", "b>h"]:
    add(fmt)

# Repeat counts without a code, and syntax that is not a count.
for fmt in ["1", "12", "c12345", "14s42", "<0", "i0", "-1i", "+1i", "1.5i", "0x10i", "1e3i",
            "1_000i", "(2)i", "2(i)", "{2}i", "2 2i"]:
    add(fmt)

# Counts and totals that overflow Py_ssize_t.
for fmt in ["4611686018427387904q", "4611686018427387903q", "2305843009213693952q",
            "2305843009213693951q", "%db" % (MAXSIZE // 2) + "%dH" % (MAXSIZE // 2),
            "%db%db" % (MAXSIZE // 2, MAXSIZE // 2), "%db%db" % (MAXSIZE // 2, MAXSIZE // 2 + 1),
            "%dbq" % MAXSIZE, "q%db" % MAXSIZE, "%ds%dp" % (MAXSIZE, 1), "%dx" % MAXSIZE,
            "%dx" % (MAXSIZE + 1), "%d0i" % 1, "18446744073709551616i", "18446744073709551615b",
            "<%dQ" % (MAXSIZE // 8), "<%dQ" % (MAXSIZE // 8 + 1), "%dd" % (MAXSIZE // 8 + 1),
            "b%dq" % (MAXSIZE // 8), "b%dq" % (MAXSIZE // 8 - 1)]:
    add(fmt)

# Embedded NUL, empty formats, prefixes alone.
for fmt in ["", "\0", "i\0", "\0i", "2\0i", "<\0", "i\0h", "s\0"] + PREFIXES:
    add(fmt)

# Non-ASCII text (UnicodeEncodeError) and PEP 3118 syntax struct does not accept.
for fmt in ["\xe9", "i\xe9", "<\u20ac", "\U0001f600i", "T{i}", "T{i:a:}", "(2)i", "i:name:", "Zd",
            "Zf", "g", "O", "&i", "t", "u", "w", "^i", "F", "D", "X{}", "1T{b}", "2Zd"]:
    add(fmt)

# Formats given as bytes: every code, prefixes, and bytes struct rejects.
for prefix in PREFIXES:
    for code in CODES:
        add((prefix + "2" + code).encode("ascii"))
for fmt in [b"", b"\xe9", b"i\xe9", b"\0", b"2\0i", b"i i", b"\xffb", b"<q\x80"]:
    add(fmt)

# Struct.format and Struct.size for text and bytes formats, and non-format types.
for fmt in ["<i", "  2h ", "", "@", b"<i", b" 2h", b"", "\xe9", b"\xe9"]:
    cases.append(case("format", fmt))
    cases.append(case("size", fmt))
for fmt in [5, None, 1.5, True]:
    cases.append(case("calcsize", fmt))
# No format at all: calcsize() and Struct().
cases.append(case("calcsize", NO_FORMAT))
cases.append(case("size", NO_FORMAT))

dump(cases)
