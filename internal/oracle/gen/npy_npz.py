# oracle: numpy
# .npz archives as np.savez and np.savez_compressed write them (Zip64 local headers,
# members key.npy, positional arr_0...), with each member's np.save bytes as np.load
# reads it back; and an archive Python's zipfile made with a member that is no .npy
# (np.load gives its raw bytes).
import io
import os
import sys
import zipfile

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "py"))
import oracle_json  # noqa: E402
from npy_oracle import npz_arrays  # noqa: E402

ARRAYS = {
    "weights": np.arange(12, dtype="<f4").reshape(3, 4),
    "bias": np.array([1, -2, 3], dtype=">i8"),
    "names": np.array([b"ab", b"c"], dtype="S2"),
    "records": np.zeros(2, [("a", "<i4"), ("b", "u1")]),
    "empty": np.zeros((0, 3)),
    "温度": np.array(21.5),
}
cases = []
for name, fn in (("savez", np.savez), ("savez_compressed", np.savez_compressed)):
    f = io.BytesIO()
    fn(f, np.arange(3.0), np.array([True, False]), **ARRAYS)
    cases.append({"name": name, "npz": f.getvalue(), "arrays": npz_arrays(f.getvalue())})
f = io.BytesIO()
with zipfile.ZipFile(f, "w") as z:
    z.writestr(zipfile.ZipInfo("raw.txt", date_time=(2024, 1, 2, 3, 4, 6)), b"not an array")
cases.append({"name": "zipfile", "npz": f.getvalue(), "arrays": [["raw.txt", b"not an array"]]})
oracle_json.dump(oracle_json.encode({"numpy": np.__version__, "cases": cases}))
