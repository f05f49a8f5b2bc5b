"""NumPy's side of `pnpm bench`'s .npy sections, as py/bench.py is CPython's (same
protocol, same timing): np.load of the same file's bytes, np.load(mmap_mode='r') of a
1 GiB file (sparse, made here with the same header), np.save of the same values.

Run by src/python.ts under plain python3 (the interpreter with NumPy):
python3 bench_npy.py DIR ROUNDS WARMUP SECTION...
"""
import gc, hashlib, io, json, os, sys, time

import numpy as np

DIR = sys.argv[1]
ROUNDS, WARMUP = int(sys.argv[2]), int(sys.argv[3])
SECTIONS = sys.argv[4:]


def read(name):
    with open(os.path.join(DIR, name), "rb") as f:
        return f.read()


def ensure(ok, message):
    if not ok:
        raise AssertionError(message)


def npy_load():
    data = read("npy-load.npy")
    exp = json.loads(read("npy-load.json"))

    def check(a):
        ensure(a.shape == (exp["n"],), "shape %r" % (a.shape,))
        ensure(hashlib.sha256(a.tobytes()).hexdigest() == exp["sha256"], "values differ")

    return [("np.load(io.BytesIO(data))", lambda: np.load(io.BytesIO(data)), check)]


def npy_open_1g():
    n = json.loads(read("npy-open-1g.json"))["n"]
    path = os.path.join(DIR, "npy-open-1g.npy")
    np.lib.format.open_memmap(path, mode="w+", dtype="<f8", shape=(n,)).flush()

    def check(a):
        ensure(a.shape == (n,), "shape %r" % (a.shape,))
        ensure(isinstance(a, np.memmap), "not mapped")

    return [("np.load(path, mmap_mode='r')", lambda: np.load(path, mmap_mode="r"), check)]


def npy_save():
    values = np.frombuffer(read("npy-save.bin"), dtype="<f8")
    sha = json.loads(read("npy-save.json"))["sha256"]

    def run():
        f = io.BytesIO()
        np.save(f, values)
        return f.getvalue()

    return [("np.save(io.BytesIO(), a)", run,
             lambda out: ensure(hashlib.sha256(out).hexdigest() == sha, "bytes differ"))]


CASES = {"npy-load": npy_load, "npy-open-1g": npy_open_1g, "npy-save": npy_save}


def run_section(section):
    cases = CASES[section]()
    for w in range(max(1, WARMUP)):
        for name, fn, chk in cases:
            gc.collect()
            result = fn()
            if w == 0:
                try:
                    chk(result)
                except AssertionError as e:
                    raise SystemExit("NumPy %s / %s: check failed: %s" % (section, name, e))
            del result
    samples = [[] for _ in cases]
    for r in range(ROUNDS):
        for j in range(len(cases)):
            k = (j + r) % len(cases)
            gc.collect()
            t0 = time.perf_counter_ns()
            result = cases[k][1]()
            t1 = time.perf_counter_ns()
            del result
            samples[k].append(t1 - t0)
    for (name, _, _), s in zip(cases, samples):
        print(json.dumps({"section": section, "name": name, "samples_ns": s}), flush=True)


for section in SECTIONS:
    run_section(section)
