# Python 2.7 side of @pybuffer/legacy's differential tests: a tiny script language over
# the 2.7 `buffer` object and the old buffer C API (reached through ctypes).
#
# run(spec, steps) builds an object from `spec`, then applies each step to it and
# returns one outcome per item: [build, step1, step2, ...]. An outcome is {"ok": value}
# or the exception raised (oracle_json encodes it as {"$error": [class, message]}).
# The TypeScript twin is packages/legacy/test/helpers/script.ts; both must agree on
# every spec and step below.
#
# Specs (bytes are py2 str):
#   ["str", bytes]                 a str (read-only, its write proc always fails)
#   ["bytearray", bytes]           a bytearray: the resizable "root" of the case
#   ["array", bytes]               an array('B'): read and write procs, no character proc
#   ["buffer", spec, args...]      Python-level buffer(obj, *args)
#   ["fromObject", spec, off, size]         PyBuffer_FromObject
#   ["fromReadWriteObject", spec, off, size] PyBuffer_FromReadWriteObject
#   ["fromMemory", bytes, size] / ["fromReadWriteMemory", bytes, size]
#   ["alloc", size]                PyBuffer_New
#   ["list", items] / ["int", n] / ["none"]   objects without a buffer
#   ["unicode", text]              a unicode (a JavaScript string on the TS side)
# Steps: see STEPS at the bottom.
import array
import ctypes
import re
import warnings
from ctypes import POINTER, byref, c_char, c_int, c_ssize_t, c_void_p, py_object

_api = ctypes.pythonapi
for _name in ("PyBuffer_FromObject", "PyBuffer_FromReadWriteObject"):
    getattr(_api, _name).restype = py_object
    getattr(_api, _name).argtypes = [py_object, c_ssize_t, c_ssize_t]
for _name in ("PyBuffer_FromMemory", "PyBuffer_FromReadWriteMemory"):
    getattr(_api, _name).restype = py_object
    getattr(_api, _name).argtypes = [c_void_p, c_ssize_t]
_api.PyBuffer_New.restype = py_object
_api.PyBuffer_New.argtypes = [c_ssize_t]
for _name in ("PyObject_AsReadBuffer", "PyObject_AsWriteBuffer", "PyObject_AsCharBuffer"):
    getattr(_api, _name).argtypes = [py_object, POINTER(c_void_p), POINTER(c_ssize_t)]
_api.PyObject_CheckReadBuffer.argtypes = [py_object]
_api.PyObject_GetBuffer.argtypes = [py_object, c_void_p, c_int]
_api.PyBuffer_Release.argtypes = [c_void_p]

SSIZE_MAX = 2 ** 63 - 1
# buffer == unicode that fails to decode warns, then answers False: keep stderr quiet.
warnings.filterwarnings("ignore", category=UnicodeWarning)
ADDRESS = re.compile(r"0x[0-9a-f]+")


def fill_byte(i):
    """The byte a resize writes at absolute index i (shared with the TS twin)."""
    return (i * 7 + 0x41) & 0xFF


class Env(object):
    def __init__(self):
        self.root = None  # the first bytearray built
        self.keep = []  # ctypes memory that must outlive the case
        self.names = {}  # id(object) -> name used in repr templates


def build(spec, env, name="self"):
    kind = spec[0]
    if kind == "str":
        obj = str(spec[1])
    elif kind == "bytearray":
        obj = bytearray(spec[1])
        if env.root is None:
            env.root = obj
    elif kind == "array":
        obj = array.array(b"B")
        obj.fromstring(spec[1])
    elif kind == "buffer":
        inner = build(spec[1], env, "base")
        obj = buffer(inner, *spec[2:])  # noqa: F821 (py2 builtin)
    elif kind in ("fromObject", "fromReadWriteObject"):
        inner = build(spec[1], env, "base")
        fn = getattr(_api, "PyBuffer_From" + kind[4:])
        obj = fn(inner, ssize(spec[2]), ssize(spec[3]))
    elif kind in ("fromMemory", "fromReadWriteMemory"):
        memory = ctypes.create_string_buffer(str(spec[1]), max(len(spec[1]), 1))
        env.keep.append(memory)
        env.names[ctypes.addressof(memory)] = "memory"
        obj = getattr(_api, "PyBuffer_From" + kind[4:])(ctypes.addressof(memory), ssize(spec[2]))
    elif kind == "alloc":
        # PyBuffer_New leaves its memory uninitialised; zero it so vectors are stable.
        obj = _api.PyBuffer_New(ssize(spec[1]))
        p = c_void_p()
        n = c_ssize_t()
        _api.PyObject_AsWriteBuffer(obj, byref(p), byref(n))
        ctypes.memset(p.value or 0, 0, n.value)
    elif kind == "list":
        obj = list(spec[1])
    elif kind == "int":
        obj = spec[1]
    elif kind == "none":
        obj = None
    elif kind == "unicode":
        obj = unicode(spec[1])  # noqa: F821 (py2 builtin)
    else:
        raise AssertionError("unknown spec %r" % (kind,))
    env.names.setdefault(id(obj), name)
    return obj


def ssize(n):
    if not isinstance(n, (int, long)) or not -SSIZE_MAX - 1 <= n <= SSIZE_MAX:  # noqa: F821
        raise AssertionError("C-level size out of Py_ssize_t range: %r" % (n,))
    return n


def repr_template(obj, env):
    """repr with each address replaced by the name of what it points at."""

    def name(match):
        address = int(match.group(0), 16)
        if address in env.names:
            return "{%s}" % env.names[address]
        for key, value in env.names.items():
            if value == "self" and address == key + 64:
                return "{self+64}"  # PyBuffer_New's inline memory
        return "{?}"

    return ADDRESS.sub(name, repr(obj)).decode("ascii")


def _segment(fn, obj):
    p = c_void_p()
    n = c_ssize_t()
    if fn(obj, byref(p), byref(n)) != 0:
        raise AssertionError("unreachable: ctypes raises the Python error")
    return ctypes.string_at(p.value or 0, n.value) if n.value else b""


def check_read(obj):
    try:
        return bool(_api.PyObject_CheckReadBuffer(obj))
    except Exception:  # a failing segment count leaves its error set; the answer was 0
        return False


def getbuffer(obj, flags):
    view = (c_char * 96)()  # a 2.7 Py_buffer on LP64
    _api.PyObject_GetBuffer(obj, ctypes.addressof(view), flags)
    try:
        fields = ctypes.cast(view, POINTER(c_ssize_t))
        length = fields[2]
        readonly = ctypes.cast(view, POINTER(c_int))[8]
        data = ctypes.string_at(fields[0], length) if length else b""
        return [length, bool(readonly), data]
    finally:
        _api.PyBuffer_Release(ctypes.addressof(view))


def resize(env, n):
    root = env.root
    if root is None:
        return None
    if n < len(root):
        del root[n:]
    else:
        root.extend(bytearray(fill_byte(i) for i in range(len(root), n)))


def concat(b, other):
    result = b + other
    return {"same": result is other, "value": str(result) if result is not other else None}


CRASH = "2.7.18 crashes here (SIGFPE: buffer_repeat divides by the empty size)"


def repeat(b, n):
    """b * n, except where 2.7.18 would kill the process: a marker error instead."""
    if isinstance(n, (int, long)) and -SSIZE_MAX - 1 <= n <= SSIZE_MAX:  # noqa: F821 (py2)
        try:
            empty = len(b) == 0
        except Exception:
            empty = False  # b * n raises the same error itself
        if empty:
            raise RuntimeError(CRASH)
    return b * n


def setitem(b, key, value):
    b[key] = value


def setslice(b, i, j, value):
    b[i:j] = value


def xsetslice(b, i, j, k, value):
    b[i:j:k] = value


STEPS = {
    "len": lambda b, env: len(b),
    "str": lambda b, env: str(b),
    "get": lambda b, env, i: b[i],
    "slice": lambda b, env, i, j: b[i:j],
    "xslice": lambda b, env, i, j, k: b[i:j:k],
    "set": lambda b, env, i, v: setitem(b, i, build(v, env, "value")),
    "setslice": lambda b, env, i, j, v: setslice(b, i, j, build(v, env, "value")),
    "xsetslice": lambda b, env, i, j, k, v: xsetslice(b, i, j, k, build(v, env, "value")),
    "concat": lambda b, env, v: concat(b, build(v, env, "value")),
    "repeat": lambda b, env, n: repeat(b, n),
    "hash": lambda b, env: hash(b),
    "repr": lambda b, env: repr_template(b, env),
    "cmp": lambda b, env, v: cmp(b, build(v, env, "value")),  # noqa: F821
    "eq": lambda b, env, v: b == build(v, env, "value"),
    "in": lambda b, env, v: build(v, env, "value") in b,
    "iter": lambda b, env: list(b),
    "resize": lambda b, env, n: resize(env, n),
    "poke": lambda b, env, i, v: env.root.__setitem__(i, v) if env.root is not None else None,
    "root": lambda b, env: str(env.root) if env.root is not None else None,
    "asRead": lambda b, env: _segment(_api.PyObject_AsReadBuffer, b),
    "asWrite": lambda b, env: _segment(_api.PyObject_AsWriteBuffer, b),
    "asChar": lambda b, env: _segment(_api.PyObject_AsCharBuffer, b),
    "checkRead": lambda b, env: check_read(b),
    "getbuffer": lambda b, env, flags: getbuffer(b, flags),
    # a slot wrapper called with n zeros: its arity check
    "call": lambda b, env, name, n: getattr(b, name)(*([0] * n)),
}


def _outcome(fn, *args):
    try:
        return {"ok": fn(*args)}
    except Exception as exc:  # the exception is the expected result
        return exc


def run(spec, steps):
    """Builds spec, applies steps; one outcome per item (build first)."""
    env = Env()
    built = _outcome(build, spec, env)
    if not isinstance(built, dict):
        return [built]
    obj = built["ok"]
    results = [{"ok": None}]
    for step in steps:
        results.append(_outcome(STEPS[step[0]], obj, env, *step[1:]))
    return results
