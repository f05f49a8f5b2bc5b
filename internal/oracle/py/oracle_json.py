# Shared JSON encoding of Python values for pybuffer's vectors and live oracle.
# Runs under Python 2.7 and 3.x. The JavaScript side (src/values.ts) is its inverse:
#   bytes -> {"$bytes": hex}     bytearray -> {"$bytearray": hex}
#   int beyond 2**53 -> {"$int": "decimal"}     nan/inf -> {"$float": "nan"|"inf"|"-inf"}
#   a NaN other than the quiet positive 0x7ff8000000000000 -> {"$float": "nan:<16 hex digits>"}
#   (its sign, signalling bit and payload: the bits, big-endian)
#   complex -> {"$complex": [re, im]}           tuple -> list
#   an exception -> {"$error": ["ClassName", "message"]}  (struct.error is "struct.error")
import binascii
import json
import math
import struct
import sys

PY2 = sys.version_info[0] == 2
if PY2:
    text_type = unicode  # noqa: F821
    bytes_type = str
    int_types = (int, long)  # noqa: F821
else:
    text_type = str
    bytes_type = bytes
    int_types = (int,)

SAFE = 2 ** 53


def _hex(b):
    h = binascii.hexlify(b)
    return h.decode("ascii") if not PY2 else h


def error_name(exc):
    cls = type(exc)
    module = getattr(cls, "__module__", "builtins")
    if module in ("builtins", "exceptions", "__builtin__"):
        return cls.__name__
    return module + "." + cls.__name__


def encode_error(exc):
    return {"$error": [error_name(exc), str(exc)]}


QUIET_NAN = "7ff8000000000000"


def encode_float(x):
    if math.isnan(x):
        bits = _hex(struct.pack(">d", x))
        return {"$float": "nan" if bits == QUIET_NAN else "nan:" + bits}
    if math.isinf(x):
        return {"$float": "inf" if x > 0 else "-inf"}
    return x


def encode(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, int_types):
        return int(v) if -SAFE <= v <= SAFE else {"$int": str(v).rstrip("L")}
    if isinstance(v, float):
        return encode_float(v)
    if isinstance(v, complex):
        return {"$complex": [encode_float(v.real), encode_float(v.imag)]}
    if isinstance(v, bytearray):
        return {"$bytearray": _hex(bytes(v))}
    if isinstance(v, bytes_type):
        return {"$bytes": _hex(v)}
    if PY2 and isinstance(v, buffer):  # noqa: F821
        return {"$bytes": _hex(str(v))}
    if not PY2 and isinstance(v, memoryview):
        return {"$bytes": _hex(v.tobytes())}
    if isinstance(v, text_type):
        return v
    if isinstance(v, BaseException):
        return encode_error(v)
    if isinstance(v, (list, tuple)):
        return [encode(x) for x in v]
    if isinstance(v, dict):
        return dict((str(k), encode(x)) for k, x in v.items())
    raise TypeError("oracle_json cannot encode %r" % (type(v),))


def decode(v):
    if isinstance(v, list):
        return [decode(x) for x in v]
    if isinstance(v, dict):
        if len(v) == 1:
            (key, payload), = v.items()
            if key == "$bytes":
                return binascii.unhexlify(payload)
            if key == "$bytearray":
                return bytearray(binascii.unhexlify(payload))
            if key == "$int":
                return int(payload)
            if key == "$float":
                if payload.startswith("nan:"):
                    return struct.unpack(">d", binascii.unhexlify(payload[4:]))[0]
                return float(payload)
            if key == "$complex":
                return complex(decode(payload[0]), decode(payload[1]))
            if key == "$tuple":
                return tuple(decode(x) for x in payload)
        return dict((k, decode(x)) for k, x in v.items())
    return v


def outcome(fn, *args, **kwargs):
    """Runs fn and encodes its result, or the exception it raised."""
    try:
        return {"ok": encode(fn(*args, **kwargs))}
    except Exception as exc:  # the exception is the expected result
        return encode_error(exc)


def dump(obj, out=None):
    """Writes a vectors document: stable key order, one case per line for readable diffs."""
    out = out or sys.stdout
    cases = obj.get("cases") if isinstance(obj, dict) else None
    if isinstance(cases, list):
        head = dict((k, v) for k, v in obj.items() if k != "cases")
        text = json.dumps(head, sort_keys=True)[:-1]
        out.write(text + (", " if head else "") + '"cases": [\n')
        for i, case in enumerate(cases):
            out.write(json.dumps(case, sort_keys=True, allow_nan=False))
            out.write(",\n" if i + 1 < len(cases) else "\n")
        out.write("]}\n")
    else:
        out.write(json.dumps(obj, sort_keys=True, allow_nan=False, indent=1) + "\n")
