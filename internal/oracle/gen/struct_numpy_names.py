# oracle: numpy
# Keys of record values: the names NumPy gives the fields of a PEP 3118 format
# (numpy._core._internal._dtype_from_pep3118): a ':name:' where given, else the first
# f0, f1, ... that no field of the record has (so 'T{i:f1:i}' is f1, f0: an automatic
# name never collides with an explicit one). For each format, the tree of
# [name, padding, children] of every field; padding is a named 'x' field (a field in
# NumPy, never a value here). Hand-picked collisions, then random records (fixed seed)
# mixing unnamed fields with explicit f<digit> names, nested records and sub-arrays.
import os
import random
import sys

from numpy._core._internal import _dtype_from_pep3118

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
import oracle_json  # noqa: E402

HAND = ["T{i:f1:i}", "T{i:f0:i}", "T{ii:f0:}", "T{ii:f1:}", "T{i:f2:ii}", "T{i:f1:i:f0:i}",
        "T{xi:f1:i}", "T{2x:f0:i}", "T{i:f1:T{i:f0:i}i}", "T{i:a:i:f2:ii}", "T{iiii:f1:i:f3:}",
        "T{b:f10:bbbbbbbbbbb}", "T{(2)i:f0:T{b:f1:b}:f2:b}", "T{i:f01:i}", "T{3b:f0:b}"]
CODES = "bBhHiIqQfd?"
NAMES = ["f0", "f1", "f2", "f3", "f4", "f5", "a", "b"]


def record(rng, depth):
    """A random record format with unique names per record."""
    names = rng.sample(NAMES, len(NAMES))
    parts = []
    for _ in range(rng.randint(1, 7)):
        roll = rng.random()
        if roll < 0.15 and depth < 2:
            item = record(rng, depth + 1)
        elif roll < 0.25:
            item = "%dx" % rng.randint(1, 3)
        elif roll < 0.35:
            item = "(%d)%s" % (rng.randint(1, 3), rng.choice(CODES))
        else:
            item = rng.choice(["", "", "2", "3"]) + rng.choice(CODES)
        if names and rng.random() < 0.5:
            item += ":%s:" % names.pop()
        parts.append(item)
    return "T{" + "".join(parts) + "}"


def tree(dt):
    out = []
    for name in dt.names:
        sub = dt.fields[name][0].base
        padding = sub.kind == "V" and sub.names is None
        out.append([name, padding, tree(sub) if sub.names is not None else None])
    return out


rng = random.Random(3118)
formats = HAND + [record(rng, 0) for _ in range(300)]
cases = []
for fmt in formats:
    # Named at the top level, so that NumPy keeps the record a field (no unwrapping).
    dt = _dtype_from_pep3118(fmt + ":top:")
    cases.append({"format": fmt, "fields": tree(dt.fields["top"][0].base)})
oracle_json.dump({"cases": cases})
