# Shared by @pybuffer/core's vector generators and live oracle: a Py_buffer as
# _testbuffer reports it (a re-exporting ndarray's attributes), and its contiguity.
from _testbuffer import (
    PyBUF_ANY_CONTIGUOUS, PyBUF_C_CONTIGUOUS, PyBUF_CONTIG, PyBUF_CONTIG_RO, PyBUF_F_CONTIGUOUS,
    PyBUF_FORMAT, PyBUF_FULL, PyBUF_FULL_RO, PyBUF_INDIRECT, PyBUF_ND, PyBUF_RECORDS,
    PyBUF_RECORDS_RO, PyBUF_SIMPLE, PyBUF_STRIDED, PyBUF_STRIDED_RO, PyBUF_STRIDES,
    PyBUF_WRITABLE, is_contiguous,
)

# test_buffer's request list, each with WRITABLE and FORMAT added or not.
BASE_REQUESTS = [
    PyBUF_INDIRECT, PyBUF_STRIDES, PyBUF_ND, PyBUF_SIMPLE, PyBUF_C_CONTIGUOUS,
    PyBUF_F_CONTIGUOUS, PyBUF_ANY_CONTIGUOUS, PyBUF_FULL, PyBUF_FULL_RO, PyBUF_RECORDS,
    PyBUF_RECORDS_RO, PyBUF_STRIDED, PyBUF_STRIDED_RO, PyBUF_CONTIG, PyBUF_CONTIG_RO,
]
REQUESTS = sorted(set(r | m for r in BASE_REQUESTS
                      for m in (0, PyBUF_WRITABLE, PyBUF_FORMAT, PyBUF_WRITABLE | PyBUF_FORMAT)))


def view_fields(v, contiguity=True):
    """Fields of the view a re-exporting _testbuffer.ndarray holds (NULL arrays as ())."""
    fields = {"ndim": v.ndim, "shape": list(v.shape), "strides": list(v.strides),
              "suboffsets": list(v.suboffsets), "format": v.format, "itemsize": v.itemsize,
              "readonly": bool(v.readonly), "len": v.nbytes}
    if contiguity:
        fields["contiguous"] = [bool(is_contiguous(v, o)) for o in "CFA"]
    return fields
