# Helpers shared by the memoryview vector generators and the live oracle.
# An exporter is described by a plain dict that JavaScript can rebuild exactly:
#   {"mem": bytes, "fmt": str, "itemsize": int, "shape": [..], "strides": [..],
#    "offset": int, "readonly": bool, "pil": bool}
# `mem` is the base memory (items packed back to back), `offset` the byte offset of the
# first logical item, as `_testbuffer.ndarray(items, shape, strides, offset, format, flags)`.
import struct

from _testbuffer import ND_PIL, ND_WRITABLE, ndarray

import oracle_json


def make_exporter(desc):
    """A _testbuffer.ndarray over desc's memory and layout."""
    fmt = desc["fmt"]
    size = struct.calcsize(fmt)
    mem = desc["mem"]
    items = []
    if size:
        items = [t[0] if len(t) == 1 else t for t in struct.iter_unpack(fmt, mem)]
    if not mem:
        # _testbuffer cannot hold no items: an empty bytearray cast to the format.
        return memoryview(bytearray()).cast(fmt.lstrip("@")) if fmt.lstrip("@") != "B" else bytearray()
    flags = 0 if desc["readonly"] else ND_WRITABLE
    if desc.get("pil"):
        flags |= ND_PIL
    if desc["shape"] == []:
        return ndarray(items[0] if items else 0, shape=[], format=fmt, flags=flags)
    return ndarray(items, shape=desc["shape"], strides=desc["strides"],
                   offset=desc["offset"], format=fmt, flags=flags)


def desc(fmt, items, shape=None, strides=None, offset=0, readonly=False, pil=False):
    """A description of an exporter holding `items` (tuples for multi-value formats)
    back to back, C-contiguous unless `strides` says otherwise."""
    size = struct.calcsize(fmt)
    codes = fmt.lstrip("@=<>!")
    prefix = fmt[: len(fmt) - len(codes)]
    flat = []
    for it in items:
        flat.extend(it if isinstance(it, tuple) else (it,))
    mem = struct.pack(prefix + codes * len(items), *flat) if items else b""
    if shape is None:
        shape = [len(items)]
    if strides is None:
        strides, s = [], size
        for n in reversed(shape):
            strides.insert(0, s)
            s *= n
    return {"mem": mem, "fmt": fmt, "itemsize": size, "shape": list(shape),
            "strides": list(strides), "offset": offset, "readonly": readonly, "pil": pil}


def key_from_json(key):
    """Decodes an index key: int, list (tuple), {"slice": [a, b, c]}, {"ellipsis": 1}."""
    if isinstance(key, list):
        return tuple(key_from_json(k) for k in key)
    if isinstance(key, dict):
        if "slice" in key:
            return slice(*key["slice"])
        if "ellipsis" in key:
            return Ellipsis
    return key


def summary(m):
    """What a view looks like: attributes, contents, or the exception raised."""
    if not isinstance(m, memoryview):
        return oracle_json.encode(m)
    out = {}
    for name in ("format", "itemsize", "ndim", "shape", "strides", "suboffsets", "nbytes",
                 "readonly", "c_contiguous", "f_contiguous", "contiguous"):
        out[name] = oracle_json.encode(getattr(m, name))
    out["len"] = oracle_json.outcome(len, m)
    out["tolist"] = oracle_json.outcome(m.tolist)
    out["tobytes"] = oracle_json.outcome(m.tobytes)
    return {"view": out}


def run(fn, *args):
    try:
        return {"ok": summary(fn(*args))}
    except Exception as exc:
        return oracle_json.encode_error(exc)
