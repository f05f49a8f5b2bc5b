# oracle: 3.13
# Sizes at the edge of memory and many values, as CPython 3.13 answers them: huge pad
# counts that calcsize accepts, pack of a struct too large to allocate (MemoryError with
# no message), unpack/unpack_from/pack_into/iter_unpack of huge structs over small
# buffers (struct.error before any allocation), and formats of many zero-size values
# ('0s' repeated), the nearest CPython has to the value budget of zero-size records.
# (Structs past 2**53 bytes are left out: there we differ, see the struct README.)
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
from struct_oracle import case, dump  # noqa: E402

HUGE = ["100000000x", "10000000000000x", "100000000s", "1000000000000p",
        "<10000000000000x", "100000000xb", "b100000000x", "1000000000000q"]
cases = []
for fmt in HUGE:
    cases.append(case("calcsize", fmt))
    cases.append(case("unpack", fmt, b""))
    cases.append(case("unpack_from", fmt, b"\0" * 8, 0))
    cases.append(case("pack_into", fmt, bytearray(8), 0, *([1] if fmt.endswith("b") or fmt.endswith("q") else [])))
    cases.append(case("iter_unpack", fmt, b"\0" * 8))
for fmt in ["10000000000000x", "<10000000000000x"]:
    cases.append(case("pack", fmt))
for n in [0, 1, 100, 1000]:
    fmt = "0s" * n
    cases.append(case("unpack", fmt, b""))
    cases.append(case("pack", fmt, *([b""] * n)))
dump(cases)
