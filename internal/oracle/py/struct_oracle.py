# Shared helpers for the struct vector generators (gen/struct_*.py) and the live
# struct oracle (py/struct_live.py): run one struct call the way the JavaScript API
# will, and encode its outcome with the JS value types of DESIGN.md.
#
# A case is {"fn", "fmt", "args", "result"} and, when calling the method of a
# Struct object gives something else than the module function, "struct_result".
#   fn: calcsize | pack | unpack | unpack_from | pack_into | iter_unpack | format | size
#   fmt: str, or bytes ({"$bytes"}); absent when the call has no format at all
#   args: the arguments after the format, as the JS test passes them
#   result: {"ok": value} or {"$error": [class, message]}
# Results of unpack-like calls carry 8-byte integers as {"$int"} even when small,
# because the JS API gives them as bigint; pack_into gives the buffer after the call.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle_json  # noqa: E402

PREFIXES = ["", "@", "=", "<", ">", "!"]
INT_CODES = "bBhHiIlLqQnN"
# Every code struct knows in 3.13 (F and D arrive in 3.14: see struct_wasm32).
CODES = "xcbB?hHiIlLqQnNefdspP"
WHITESPACE = " \t\n\r\v\f"
# The format argument of a call that has none (struct.pack() with no arguments).
NO_FORMAT = object()


def parse_items(fmt):
    """(native, [(count, code), ...]) of a format struct accepts."""
    if isinstance(fmt, bytes):
        fmt = fmt.decode("latin-1")
    native = True
    if fmt and fmt[0] in "@=<>!":
        native = fmt[0] == "@"
        fmt = fmt[1:]
    items = []
    count = None
    for ch in fmt:
        if ch.isdigit():
            count = (count or 0) * 10 + int(ch)
        elif ch in WHITESPACE:
            continue
        else:
            items.append((1 if count is None else count, ch))
            count = None
    return native, items


def value_codes(fmt):
    """The code of each value a format packs or unpacks, in order."""
    native, items = parse_items(fmt)
    codes = []
    for count, code in items:
        if count > 10 ** 6 and code not in "spx":
            raise ValueError("too many values to list")  # callers fall back
        if code in "sp":
            codes.append(code)
        elif code != "x":
            codes.extend([code] * count)
    return native, codes


def is_int64(code, native):
    """Whether the JS API gives this code's value as a bigint: an 8-byte integer code
    (q Q; l L n N P where the running interpreter's native ABI makes them 8 bytes)."""
    return code in "qQ" or (native and code in "lLnNP" and struct.calcsize(code) == 8)


def mark_row(row, native, codes):
    out = []
    for value, code in zip(row, codes):
        if is_int64(code, native) and isinstance(value, int):
            out.append({"$int": str(value)})
        else:
            out.append(oracle_json.encode(value))
    return out


def encode_values(fmt, fn, value):
    """Encodes a successful result of `fn`, marking 8-byte ints as bigints."""
    if fn in ("unpack", "unpack_from"):
        native, codes = value_codes(fmt)
        return mark_row(value, native, codes)
    if fn == "iter_unpack":
        native, codes = value_codes(fmt)
        return [mark_row(row, native, codes) for row in value]
    return oracle_json.encode(value)


def call(fn, fmt, args, on_struct):
    """Calls struct.<fn>(fmt, *args), or the same method of Struct(fmt)."""
    if fn == "pack_into" and args and isinstance(args[0], bytearray):
        args = [bytearray(args[0])] + list(args[1:])  # never mutate the case's own buffer
    if on_struct:
        s = struct.Struct(fmt)
        if fn == "calcsize" or fn == "size":
            return s.size
        if fn == "format":
            return s.format
        method = getattr(s, fn)
    else:
        if fn in ("size", "format"):
            s = struct.Struct() if fmt is NO_FORMAT else struct.Struct(fmt)
            return s.size if fn == "size" else s.format
        method = getattr(struct, fn)
        if fmt is not NO_FORMAT:
            args = [fmt] + list(args)
    result = method(*args)
    if fn == "pack_into":
        return args[0] if on_struct else args[1]  # the target buffer, after the call
    if fn == "iter_unpack":
        return list(result)
    return result


def run(fn, fmt, args, on_struct=False):
    """The encoded outcome of one call."""
    try:
        value = call(fn, fmt, list(args), on_struct)
    except Exception as exc:  # the exception is the expected result
        return oracle_json.encode_error(exc)
    if fn == "pack_into":
        return {"ok": oracle_json.encode(bytes(value))}
    return {"ok": encode_values(fmt, fn, value)}


def as_js_means(fn, fmt, args, limit=2 ** 53):
    """The arguments as the JS call means them: a JS number is a Python int for integer
    codes but a Python float for e f d F D (pack('e', 65520) is a struct.error about an
    int, pack('e', 65520.0) an OverflowError; JS 65520 means the latter). Ints past
    `limit` stay ints (in the vectors they are bigints; the live oracle, whose JS
    numbers all arrive as ints, passes limit=None)."""
    if fn not in ("pack", "pack_into"):
        return list(args)
    values = list(args[2:] if fn == "pack_into" else args)
    try:
        _, codes = value_codes(fmt)
    except Exception:  # not a format struct parses: nothing to convert
        return list(args)
    for i, (value, code) in enumerate(zip(values, codes)):
        if code in "efdFD" and type(value) is int and (limit is None or abs(value) <= limit):
            values[i] = float(value)
    return list(args[:2]) + values if fn == "pack_into" else values


# Characters of PEP 3118 syntax (and 3.14's F D) that struct 3.13 calls bad chars but
# DESIGN.md has us parse: a case using them may succeed, or fail with struct.error.
PEP3118 = set("T{}():&OtgZuw^" + ("FD" if sys.version_info < (3, 14) else ""))


def extension_of(fmt, result):
    if not isinstance(fmt, (str, bytes)) or "$error" not in result:
        return False
    text = fmt.decode("latin-1") if isinstance(fmt, bytes) else fmt
    return result["$error"][0] == "struct.error" and bool(PEP3118 & set(text))


def writes_outside(fn, fmt):
    """pack_into with a '0p' item: CPython writes its length byte anyway, one byte past
    the item (past the buffer's end when the item ends it). A memory-safety bug, not
    behaviour to copy: such cases are left out."""
    if fn != "pack_into" or not isinstance(fmt, (str, bytes)):
        return False
    try:
        return any(count == 0 and code == "p" for count, code in parse_items(fmt)[1])
    except Exception:  # not a format struct parses
        return False


def case(fn, fmt, *args):
    """A vectors case: the module function's outcome and, if different, Struct's
    (None for a call with no JS meaning: dropped by unique())."""
    if writes_outside(fn, fmt):
        return None
    args = as_js_means(fn, fmt, args)
    out = {"fn": fn, "args": [oracle_json.encode(a) for a in args]}
    if fmt is not NO_FORMAT:
        out["fmt"] = oracle_json.encode(fmt)
    out["result"] = run(fn, fmt, args)
    if fmt is not NO_FORMAT:
        on_struct = run(fn, fmt, args, on_struct=True)
        if on_struct != out["result"]:
            out["struct_result"] = on_struct
    if extension_of(fmt, out["result"]):
        out["pep3118"] = True
    return out


def unique(cases):
    """The cases without repeats (random formats sometimes draw one twice), in order."""
    seen = set()
    out = []
    for c in cases:
        if c is None:
            continue
        key = oracle_json.json.dumps(c, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def dump(cases):
    oracle_json.dump({"python": sys.version.split()[0], "cases": unique(cases)})
