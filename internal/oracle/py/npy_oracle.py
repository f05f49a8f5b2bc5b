# NumPy as the oracle of @pybuffer/npy: what np.save writes, the PEP 3118 format NumPy
# exports for a dtype (memoryview(arr).format), and the dtype NumPy makes of a format
# (buffer.c's _descriptor_from_pep3118_format: whitespace outside names dropped, a lone
# n/N, else numpy._core._internal._dtype_from_pep3118, any failure a ValueError).
# Descrs are written as .npy headers write them: dtype.str for a plain type, dtype.descr
# for a record, (descr, shape) for a sub-array. Used by gen/npy_*.py and the live tests.
import io
import random
import warnings

import numpy as np
from numpy.lib.format import descr_to_dtype

import oracle_json
from struct_numpy_cases import record

warnings.simplefilter("ignore")


def descr_of(dt):
    if dt.names is not None:
        return dt.descr
    if dt.subdtype is not None:
        return (descr_of(dt.subdtype[0]), dt.subdtype[1])
    return dt.str


def to_dtype(descr):
    """A JSON descr (lists for tuples) as descr_to_dtype reads it."""
    if isinstance(descr, str):
        return descr_to_dtype(descr)
    if len(descr) == 2 and isinstance(descr[1], list) and all(isinstance(n, int) for n in descr[1]):
        return np.dtype((to_dtype(descr[0]), tuple(descr[1])))
    fields = []
    for f in descr:
        name = tuple(f[0]) if isinstance(f[0], list) else f[0]
        fields.append((name, to_py(f[1])) + ((tuple(f[2]),) if len(f) == 3 else ()))
    return descr_to_dtype(fields)


def to_py(descr):
    if isinstance(descr, str):
        return descr
    if len(descr) == 2 and isinstance(descr[1], list) and all(isinstance(n, int) for n in descr[1]):
        return (to_py(descr[0]), tuple(descr[1]))
    return [((tuple(f[0]) if isinstance(f[0], list) else f[0]), to_py(f[1]))
            + ((tuple(f[2]),) if len(f) == 3 else ()) for f in descr]


def export_format(descr, shape=None):
    """memoryview(np.zeros(shape, dtype)).format; shape None: two items."""
    dt = to_dtype(descr)
    return memoryview(np.zeros((2,) if shape is None else tuple(shape), dt)).format


def import_format(fmt):
    """The descr of the dtype NumPy makes of a buffer with this format."""
    stripped, in_name = "", False
    for ch in fmt:
        if ch == ":":
            in_name = not in_name
        if ch == ":" or in_name or not ch.isspace() or ord(ch) > 127:
            stripped += ch
    fast = stripped.lstrip("@^")
    if fast in ("n", "N") and len(stripped) - len(fast) <= 1:
        return np.dtype("=" + {"n": "p", "N": "P"}[fast]).str
    try:
        dt = np._core._internal._dtype_from_pep3118(stripped)
    except Exception:
        raise ValueError("'%s' is not a valid PEP 3118 buffer format string" % stripped)
    return descr_of(dt)


def save(arr):
    f = io.BytesIO()
    np.save(f, arr)
    return f.getvalue()


def file_case(name, arr):
    """An array as NumPy saves it, and what a view of it says."""
    data = save(arr)
    loaded = np.load(io.BytesIO(data), allow_pickle=True)
    try:
        fmt = memoryview(loaded).format
    except Exception as exc:
        fmt = exc
    return {"name": name, "npy": data, "descr": descr_of(arr.dtype), "shape": list(arr.shape),
            "fortran_order": bool(not arr.flags.c_contiguous and arr.flags.f_contiguous),
            "format": fmt, "itemsize": arr.dtype.itemsize}


def random_descrs(seed, n):
    """n random record descrs (NumPy's own descr, which its files hold) with the
    format NumPy exports for two items of it, or the error."""
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        dt = record(rng, 0)
        try:
            descr = dt.descr
        except ValueError:
            continue
        dt = descr_to_dtype(descr)
        arr = np.zeros(2, dt)
        try:
            fmt = memoryview(arr).format
        except Exception as exc:
            fmt = exc
        out.append({"descr": descr, "format": fmt, "itemsize": dt.itemsize, "npy": save(arr)})
    return out


def import_many(fmts):
    out = []
    for f in fmts:
        try:
            out.append(import_format(f))
        except Exception as exc:
            out.append(exc)
    return out


def npz_arrays(data):
    """What np.load makes of .npz bytes: each member's np.save bytes (raw bytes for a
    member that is no .npy), in the archive's order."""
    with np.load(io.BytesIO(bytes(data))) as npz:
        return [[key, save(npz[key]) if isinstance(npz[key], np.ndarray) else npz[key]]
                for key in npz.files]
