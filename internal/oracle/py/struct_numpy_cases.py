# NumPy layouts for the struct oracle: random record dtypes (packed, aligned, with
# explicit offsets and gaps, nested, with sub-arrays, both byte orders) and, for each,
# the PEP 3118 format NumPy exports, its itemsize, every named field's absolute offset,
# and what NumPy makes of that format when it reads it back. Used by
# gen/struct_numpy.py (fixed seed) and by the live NumPy property test (random seed).
import random

import numpy as np

import oracle_json

# Leaf types NumPy can export (no datetimes, no StringDType).
LEAVES = ["?", "i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f2", "f4", "f8", "c8", "c16",
          "g", "G", "O", "S1", "S3", "S8", "U1", "U3", "V1", "V3", "V8", np.intc, np.uintc,
          np.longlong, np.ulonglong, np.intp, np.uintp, np.short, np.ushort, np.byte, np.ubyte]
ORDERED = {"i2", "u2", "i4", "u4", "i8", "u8", "f2", "f4", "f8", "c8", "c16", "U1", "U3"}


def leaf(rng):
    t = rng.choice(LEAVES)
    if isinstance(t, str) and t in ORDERED and rng.random() < 0.3:
        return rng.choice("<>") + t
    return t


def shape(rng):
    return rng.choice([(2,), (3,), (1,), (2, 3), (4, 1), (2, 2, 2)])


def fields(rng, depth):
    """A random list of (name, type[, shape]) fields."""
    out = []
    for i in range(rng.randint(1, 5)):
        name = "f%d_%d" % (depth, i) if rng.random() < 0.7 else rng.choice("abcxyz") + str(i)
        roll = rng.random()
        if roll < 0.15 and depth < 2:
            out.append((name, record(rng, depth + 1)))
        elif roll < 0.3:
            base = record(rng, depth + 1) if depth < 2 and rng.random() < 0.3 else leaf(rng)
            out.append((name, base, shape(rng)))
        else:
            out.append((name, leaf(rng)))
    return out


def record(rng, depth):
    """A packed, aligned or explicitly offset record dtype."""
    roll = rng.random()
    if roll < 0.4:
        return np.dtype(fields(rng, depth))
    if roll < 0.8:
        return np.dtype(fields(rng, depth), align=True)
    # explicit, increasing offsets with gaps, and trailing room
    parts = [np.dtype(f[1]) if len(f) == 2 else np.dtype((f[1], f[2])) for f in fields(rng, depth)]
    offsets, at = [], 0
    for p in parts:
        at += rng.choice([0, 0, 1, 3, 8])
        offsets.append(at)
        at += p.itemsize
    names = ["g%d_%d" % (depth, i) for i in range(len(parts))]
    return np.dtype({"names": names, "formats": parts, "offsets": offsets,
                     "itemsize": at + rng.choice([0, 0, 2, 5])})


def named_offsets(dt, base, path, out):
    """Every named field's absolute offset, depth first, in field order."""
    if dt.subdtype is not None:
        named_offsets(dt.subdtype[0], base, path, out)
        return
    if dt.names is None:
        return
    for name in dt.names:
        sub, offset = dt.fields[name][:2]
        out.append({"path": path + [name], "offset": base + offset})
        named_offsets(sub, base + offset, path + [name], out)


def read_back(fmt):
    """(itemsize, offsets) of the dtype NumPy makes of the format, or the error."""
    try:
        dt = np._core._internal._dtype_from_pep3118(fmt)
    except Exception as exc:  # some formats NumPy writes it cannot read
        return oracle_json.encode_error(exc)
    out = []
    named_offsets(dt, 0, [], out)
    return {"ok": {"itemsize": dt.itemsize, "fields": out}}


def case(dt):
    m = memoryview(np.zeros(1, dt))
    out = []
    named_offsets(dt, 0, [], out)
    return {"dtype": str(dt), "format": m.format, "itemsize": m.itemsize, "ndim": m.ndim,
            "shape": list(m.shape), "fields": out, "read_back": read_back(m.format)}




def random_cases(seed, n):
    """`n` cases of random record dtypes from `seed` (dtypes NumPy cannot export, with
    overlapping fields and the like, are left out)."""
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        try:
            out.append(case(record(rng, 0)))
        except ValueError:
            continue
    return out
