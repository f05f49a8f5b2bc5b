"""CPython's side of `pnpm bench`: the same work on the same bytes, with the same checks.

Run by src/python.ts: python3.13 bench.py DIR ROUNDS WARMUP SECTION...
DIR holds the inputs the JS runner wrote (<section>.bin) and what the checks expect
(<section>.json). Timing as perf-baseline's pyharness: warm-up calls (the first result is
checked), then rounds in which each case runs once in rotated order, gc.collect() before
each timed call, the cyclic GC left enabled during timing as in user code. One JSON line
per case: {"section", "name", "samples_ns"}. The runner takes the fastest of a section's
CPython rows as the "x CPython" reference.
"""
import gc, hashlib, json, os, struct, sys, time

DIR = sys.argv[1]
ROUNDS, WARMUP = int(sys.argv[2]), int(sys.argv[3])
SECTIONS = sys.argv[4:]


def read(name):
    with open(os.path.join(DIR, name), "rb") as f:
        return f.read()


def expect(section):
    return json.loads(read(section + ".json"))


def ensure(ok, message):
    if not ok:
        raise AssertionError(message)


def check_samples(out, samples, n):
    ensure(len(out) == n, "expected %d results, got %d" % (n, len(out)))
    for i, want in samples:
        got = out[i]
        got = list(got) if isinstance(got, tuple) else got
        ensure(got == want, "item %d: %r != %r" % (i, got, want))


def unpack_cases(section, fmt):
    data, exp = read(section + ".bin"), expect(section)
    s = struct.Struct(fmt)
    n = len(data) // s.size

    def iter_unpack():
        return list(s.iter_unpack(data))

    def unpack_from_loop():
        uf = s.unpack_from
        return [uf(data, o) for o in range(0, n * s.size, s.size)]

    chk = lambda out: check_samples(out, exp["samples"], exp["n"])
    return [("Struct.iter_unpack -> list", iter_unpack, chk),
            ("Struct.unpack_from loop (list comp)", unpack_from_loop, chk)]


def pack_cases(section, fmt):
    data = read(section + ".bin")
    s = struct.Struct(fmt)
    recs = list(s.iter_unpack(data))
    out = bytearray(len(data))
    nfields = len(recs[0]) if recs else 0

    if nfields == 4:
        def pack_into_loop():
            pi = s.pack_into
            for i, (a, b, c, d) in enumerate(recs):
                pi(out, i * 16, a, b, c, d)
            return out
    else:
        def pack_into_loop():
            pi = s.pack_into
            for i, (a, b) in enumerate(recs):
                pi(out, i * 16, a, b)
            return out

    def join_pack():
        p = s.pack
        return b"".join([p(*r) for r in recs])

    def chk(result):
        ensure(bytes(result) == data, "packed bytes differ from the input")
    return [("pack_into loop, enumerate + unpacked args", pack_into_loop, chk),
            ("b''.join([pack(*r) for r in recs])", join_pack, chk)]


def sha_check(sha):
    return lambda out: ensure(hashlib.sha256(out).hexdigest() == sha, "result bytes differ (sha256)")


def tobytes_step2():
    data, exp = read("tobytes-step2.bin"), expect("tobytes-step2")
    m = memoryview(data)
    return [("m[::2].tobytes()", lambda: m[::2].tobytes(), sha_check(exp["sha256"]))]


def tobytes_transpose():
    from _testbuffer import ND_FORTRAN, ndarray
    data, exp = read("tobytes-transpose.bin"), expect("tobytes-transpose")
    side = exp["side"]
    # ND_FORTRAN takes the items in memory order, so this F-order view's memory is the
    # input itself: logical item (i, j) is input item j * side + i, and the C-order copy
    # is the input's transpose.
    items = memoryview(data).cast("I").tolist()
    fview = memoryview(ndarray(items, shape=[side, side], format="I", flags=ND_FORTRAN))
    del items
    ensure(not fview.c_contiguous and fview.f_contiguous, "the view should be F-contiguous")
    return [("memoryview(a.T).tobytes() (_testbuffer F-order view)", lambda: fview.tobytes(),
             sha_check(exp["sha256"]))]


def copy_contiguous():
    data, exp = read("copy-contiguous.bin"), expect("copy-contiguous")
    m = memoryview(data)
    dest = memoryview(bytearray(len(data)))

    def slice_assign():
        dest[:] = m
        return dest
    return [("memoryview(bytearray)[:] = m (prealloc)", slice_assign, sha_check(exp["sha256"])),
            ("bytes(m) (alloc + copy)", lambda: bytes(m), sha_check(exp["sha256"]))]


def tolist(code):
    section = "tolist-" + code
    data, exp = read(section + ".bin"), expect(section)
    m = memoryview(data).cast(code)
    return [("memoryview.cast(%r).tolist()" % code, m.tolist,
             lambda out: check_samples(out, exp["samples"], len(m)))]


def hex_():
    data, exp = read("hex.bin"), expect("hex")
    m = memoryview(data)
    return [("memoryview.hex()", m.hex,
             lambda out: ensure(hashlib.sha256(out.encode()).hexdigest() == exp["sha256"], "hex differs"))]


def equals_d():
    a = memoryview(read("equals-d.a.bin")).cast("d")
    b = memoryview(read("equals-d.b.bin")).cast("d")[::2]
    return [("contiguous 'd' == [::2] 'd'", lambda: a == b, lambda out: ensure(out is True, "not equal"))]


def slice_release():
    data, ops = read("slice-release.bin"), expect("slice-release")["ops"]

    def run():
        ring = [None] * 64
        for k in range(ops):
            with memoryview(data) as m:
                ring[k & 63] = m[10:20]
        return ring
    return [("with memoryview(b) as m: m[10:20]", run,
             lambda out: ensure(out[0].tobytes() == data[10:20], "slice holds other bytes"))]


def pyodide_wrap():
    data, ops = bytearray(read("pyodide-wrap.bin")), expect("pyodide-wrap")["ops"]

    def run():
        n = 0
        for _ in range(ops):
            with memoryview(data) as m:
                n += m.nbytes == len(data)
        return n

    return [("with memoryview(bytearray): pass", run, lambda out: ensure(out == ops, "a view differs"))]


def pyodide_read_d():
    import array
    items = array.array("d")
    items.frombytes(read("pyodide-read-d.bin"))

    def run():
        return memoryview(items).tolist()

    return [("memoryview(array('d')).tolist()", run,
             lambda out: ensure(len(out) == len(items) and out[7] == items[7], "items differ"))]


def cast():
    exp = expect("cast")
    ops, m = exp["ops"], memoryview(bytearray(exp["size"]))

    def run():
        ring = [None] * 64
        for k in range(ops):
            ring[k & 63] = m.cast("B").cast("I")
        return ring
    return [("m.cast('B').cast('I') (view exists)", run,
             lambda out: ensure(len(out[0]) == exp["size"] // 4, "wrong item count"))]


def ndarray_wrap():
    exp = expect("ndarray-wrap")
    data, ops, side = read("ndarray-wrap.bin"), exp["ops"], exp["side"]

    def run():
        total = 0.0
        for _ in range(ops):
            with memoryview(data) as m:
                total += m.cast("d", (side, side))[1, 2]
        return total
    return [("with memoryview(b) as m: m.cast('d', (64, 64))[1, 2]", run,
             lambda out: ensure(out == exp["expected"], "wrong sum"))]


CASES = {
    "unpack-IHHd": lambda: unpack_cases("unpack-IHHd", "<IHHd"),
    "pack-IHHd": lambda: pack_cases("pack-IHHd", "<IHHd"),
    "unpack-qQ-safe": lambda: unpack_cases("unpack-qQ-safe", "<qQ"),
    "unpack-qQ-full": lambda: unpack_cases("unpack-qQ-full", "<qQ"),
    "pack-qQ-safe": lambda: pack_cases("pack-qQ-safe", "<qQ"),
    "pack-qQ-full": lambda: pack_cases("pack-qQ-full", "<qQ"),
    "tobytes-step2": tobytes_step2,
    "tobytes-transpose": tobytes_transpose,
    "copy-contiguous": copy_contiguous,
    "tolist-d": lambda: tolist("d"),
    "tolist-B": lambda: tolist("B"),
    "hex": hex_,
    "equals-d": equals_d,
    "slice-release": slice_release,
    "cast": cast,
    "pyodide-wrap": pyodide_wrap,
    "pyodide-read-d": pyodide_read_d,
    "ndarray-wrap": ndarray_wrap,
}


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
                    raise SystemExit("CPython %s / %s: check failed: %s" % (section, name, e))
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
