# The live struct oracle for property tests (packages/struct/test/*.property.test.ts):
# one call of the struct module, its outcome encoded as in the vectors (8-byte ints as
# {"$int"}, pack_into giving the buffer afterwards). The server wraps what these
# functions return in {"ok": ...}, so the JS side reads outcome.ok. Also loaded into
# Pyodide (CPython 3.14, wasm32) by the wasm32 property tests.
import struct_oracle


def from_js(value):
    """A JS {re, im} is a complex (F, D); everything else arrives as it means."""
    if isinstance(value, dict) and set(value) == {"re", "im"}:
        return complex(value["re"], value["im"])
    return value


def run(fn, fmt, args):
    """struct.<fn>(fmt, *args) as a vectors case's "result"."""
    args = [from_js(a) for a in args]
    if fn == "pack_into" and args and isinstance(args[0], bytes):
        args = [bytearray(args[0])] + list(args[1:])  # the JS side passes a Uint8Array
    # The property tests never pass a bigint where a float goes: every int there was a
    # JS number, so a float.
    return struct_oracle.run(fn, fmt, struct_oracle.as_js_means(fn, fmt, args, limit=None))


def run_many(calls):
    """Several calls in one request: [[fn, fmt, args], ...]."""
    return [run(fn, fmt, args) for fn, fmt, args in calls]

