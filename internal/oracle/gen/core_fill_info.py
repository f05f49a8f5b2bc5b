# oracle: 3.13
# Vectors for @pybuffer/core's fillInfo: bytes (read-only) and bytearray (writable)
# export through PyBuffer_FillInfo; _testbuffer.ndarray(obj, getbuf=flags) shows the
# view CPython fills for every request flag combination, and the errors for a
# writable request on read-only memory and for PyBUF_READ/PyBUF_WRITE (3.13).
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
import oracle_json  # noqa: E402
from core_fields import REQUESTS, view_fields  # noqa: E402
from _testbuffer import PyBUF_READ, PyBUF_WRITABLE, PyBUF_WRITE, ndarray  # noqa: E402

# Plus the 3.13 refusals of PyBUF_READ/WRITE, and masks C code may pass.
FILL_REQUESTS = REQUESTS + [PyBUF_READ, PyBUF_WRITE, PyBUF_READ | PyBUF_WRITE,
                            PyBUF_READ | PyBUF_WRITABLE, -1, -2, 0x7FFFFFFF]


def outcome(obj, flags):
    result = oracle_json.outcome(lambda: view_fields(ndarray(obj, getbuf=flags)))
    if "$error" in result and result["$error"][0] == "SystemError":
        # The message names a line of Objects/abstract.c; keep the stable part.
        result["$error"][1] = result["$error"][1].split(": ", 1)[1]
    return result


def main():
    cases = []
    for name, obj in (("bytes", b"abcdef"), ("bytearray", bytearray(b"abcdef")), ("empty", b"")):
        for flags in FILL_REQUESTS:
            cases.append({"exporter": name, "len": len(obj), "readonly": name != "bytearray",
                          "flags": flags, "result": outcome(obj, flags)})
    oracle_json.dump({"cases": cases})


main()
