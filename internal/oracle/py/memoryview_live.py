# The live oracle for @pybuffer/memoryview's property tests: builds the exporter a test
# describes (memoryview_common.make_exporter) and reports what CPython's memoryview
# does with it: attributes, contents in every order, lookups, slices and casts.
import oracle_json
from memoryview_common import key_from_json, make_exporter, run, summary


def view_report(desc, keys, casts):
    m = memoryview(make_exporter(desc))
    return {
        "view": summary(m)["view"],
        "tobytes": [oracle_json.outcome(m.tobytes, order) for order in ("F", "A")],
        "hex": oracle_json.outcome(m.hex, ":", -2),
        "gets": [run(lambda key=key: m[key_from_json(key)]) for key in keys],
        "casts": [run(lambda fmt=fmt, shape=shape: m.cast(fmt) if shape is None else m.cast(fmt, shape))
                  for fmt, shape in casts],
        "eq_self": m == m,
        "eq_readonly": m == m.toreadonly(),
    }


def hash_bytes_seed0(items):
    """hash(bytes) for each item in a Python started with PYTHONHASHSEED=0."""
    import json
    import os
    import subprocess
    import sys
    code = "import json,sys;print(json.dumps([hash(bytes(b)) for b in json.load(sys.stdin)]))"
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run([sys.executable, "-c", code], input=json.dumps([list(b) for b in items]),
                          capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout)
