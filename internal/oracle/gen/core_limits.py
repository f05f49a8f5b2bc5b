# oracle: 3.13
# Vectors for results too large to make: CPython 3.13 under a 4 GiB address-space
# limit (so that allocations fail as they would on a smaller machine) on zero-stride
# views of 2**31 and 2**33 items and huge bytearrays, and the strides _testbuffer
# computes for contiguous arrays whose size overflows but whose strides do not.
import os
import resource
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
import oracle_json  # noqa: E402
from _testbuffer import ND_FORTRAN, PyBUF_FULL_RO, ndarray, py_buffer_to_contiguous  # noqa: E402

resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def zero_stride(n):
    return ndarray([1], shape=[n], strides=[0], format="B")


def main():
    cases = []

    def case(name, fn):
        result = oracle_json.outcome(fn)
        cases.append({"name": name, "result": result})

    case("tobytes 2**33", lambda: len(memoryview(zero_stride(2 ** 33)).tobytes()))
    case("hex 2**33", lambda: len(memoryview(zero_stride(2 ** 33)).hex()))
    case("tolist 2**31", lambda: len(memoryview(zero_stride(2 ** 31)).tolist()))
    case("to_contiguous 2**33",
         lambda: len(py_buffer_to_contiguous(zero_stride(2 ** 33), "C", PyBUF_FULL_RO)))
    case("bytearray 2**33", lambda: len(bytearray(2 ** 33)))
    case("strides C [2**40, 2**40] Q",
         lambda: list(ndarray([1], shape=[2 ** 40, 2 ** 40], format="Q").strides))
    case("strides F [2**40, 2**40] Q",
         lambda: list(ndarray([1], shape=[2 ** 40, 2 ** 40], format="Q", flags=ND_FORTRAN).strides))
    oracle_json.dump({"cases": cases})


main()
