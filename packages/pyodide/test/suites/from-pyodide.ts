/**
 * Python → JS against the live interpreter: for each object, our view's format, item
 * size, shape, strides, suboffsets and read-only flag equal `memoryview(obj)`'s inside
 * Pyodide, and what our view reads equals Python's `tolist()` (or, for records, the
 * values Python reads field by field).
 */
import { getBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { beforeAll, describe, expect, it } from "vitest";
import { fromPyodide } from "../../src/from-pyodide.js";
import type { PyBufferProxyLike } from "../../src/types.js";
import { ours, PY_COMPARABLE, readList, type TestPyodide } from "../support.js";

let pyodide: TestPyodide;

/** Registers the suite; `load` gives the Pyodide it runs against (one per test file). */
export function fromPyodideTests(load: () => Promise<TestPyodide>): void {
  // Its own block: a file running several suites on one Pyodide keeps each beforeAll apart.
  describe("from-pyodide", () => {
    beforeAll(async () => {
      pyodide = await load();
      pyodide.runPython(`${PY_COMPARABLE}
import array, ctypes, struct, _testbuffer, json
def describe(obj):
    m = memoryview(obj)
    return json.dumps([m.format, m.itemsize, list(m.shape), list(m.strides),
                       None if m.suboffsets == () else list(m.suboffsets), m.readonly, m.ndim])
`);
    }, 120_000);

    function py<T = PyBufferProxyLike>(code: string): T {
      return pyodide.runPython(code) as T;
    }

    /** Python's description of memoryview(obj) and its tolist(), and ours. */
    function both(expr: string, values = "memoryview(obj).tolist()") {
      pyodide.runPython(`obj = ${expr}`);
      const proxy = py("obj");
      const exporter = fromPyodide(proxy, { pyodide });
      const view = getBuffer(exporter, PyBUF_FULL_RO);
      try {
        const theirs = JSON.parse(py<string>("describe(obj)"));
        // Core gives a 0-d view null shape and strides; memoryview shows them as ().
        const mine = [
          view.format,
          view.itemsize,
          view.shape ?? [],
          view.strides ?? [],
          view.suboffsets,
          view.readonly,
          view.ndim,
        ];
        const expected = JSON.parse(py<string>(`to_json(${values})`));
        return { theirs, mine, expected, read: ours(readList(view)) };
      } finally {
        releaseBuffer(view);
      }
    }

    const NATIVE = "bBhHiIlLqQnNfd?cP".split("");

    describe("fromPyodide: exact layouts and values", () => {
      it.each(NATIVE)("native code %s in a cast memoryview", (code) => {
        // '?' over bytes 0 and 1 only: CPython reads other bytes as a C _Bool (undefined).
        const bytes = code === "?" ? "bytes(i & 1 for i in range(128))" : "bytes(range(1, 129))";
        const r = both(`memoryview(bytearray(${bytes})).cast('${code}')`);
        expect(r.mine).toEqual(r.theirs);
        expect(r.read).toEqual(r.expected);
      });

      it.each("bBuwhHiIlLqQfd".split(""))("array.array('%s')", (typecode) => {
        const init =
          typecode === "u" || typecode === "w"
            ? "'héllo'"
            : typecode === "f" || typecode === "d"
              ? "[1.5, -2.25, 1e30, 0.0]"
              : "[0, 1, 2, 100]";
        const values =
          typecode === "u" || typecode === "w" ? "[c.encode('utf-32-le') for c in obj]" : undefined;
        const r = both(`array.array('${typecode}', ${init})`, values);
        expect(r.mine).toEqual(r.theirs);
        if (values === undefined) expect(r.read).toEqual(r.expected);
      });

      it("bytearray, bytes (read-only) and an empty bytearray", () => {
        for (const expr of ["bytearray(b'abc')", "b'xyz!'", "bytearray()"]) {
          const r = both(expr);
          expect(r.mine).toEqual(r.theirs);
          expect(r.read).toEqual(r.expected);
        }
      });

      it("sliced and cast memoryviews with negative strides, 0-d views", () => {
        for (const expr of [
          "memoryview(bytearray(range(24))).cast('h', [3, 4])",
          "memoryview(array.array('d', range(12)))[::-2]",
          "_testbuffer.ndarray(list(range(12)), shape=[3, 4], format='d')[::-1, ::-2]",
          "memoryview(array.array('i', range(10)))[8:1:-3]",
          "memoryview(bytearray(8)).cast('q', [])",
          "memoryview(array.array('d', [2.5])).cast('B').cast('d', [])",
          "_testbuffer.ndarray(list(range(24)), shape=[4, 6], format='h')[::2, ::-3]",
        ]) {
          const r = both(expr);
          expect(r.mine, expr).toEqual(r.theirs);
          expect(r.read, expr).toEqual(r.expected);
        }
      });

      it("_testbuffer.ndarray with suboffsets (PIL-style), given { pyodide }", () => {
        const r = both(
          "_testbuffer.ndarray(list(range(12)), shape=[3, 4], format='i', flags=_testbuffer.ND_PIL)",
        );
        expect(r.theirs[4]).toEqual([0, -1]);
        expect(r.mine).toEqual(r.theirs);
        expect(r.read).toEqual(r.expected);
        const sliced = both(
          "_testbuffer.ndarray(list(range(12)), shape=[3, 4], format='i', flags=_testbuffer.ND_PIL)[::-1, 1::2]",
        );
        expect(sliced.mine).toEqual(sliced.theirs);
        expect(sliced.read).toEqual(sliced.expected);
      });

      it("ctypes structures and records", () => {
        pyodide.runPython(`
class S(ctypes.Structure):
    _fields_ = [("x", ctypes.c_short), ("y", ctypes.c_double), ("z", ctypes.c_char * 3)]
class P(ctypes.Structure):
    _pack_ = 1
    _layout_ = "ms"
    _fields_ = [("a", ctypes.c_byte), ("b", ctypes.c_double)]
structs = (S * 3)(S(1, 2.5, b"abc"), S(-7, -1e300, b"xy"), S(300, 0.125, b""))
packed = (P * 2)(P(5, 1.25), P(-6, 3.5))
`);
        const s = both("structs", "[[s.x, s.y, s.z.ljust(3, b'\\0')] for s in structs]");
        expect(s.mine).toEqual(s.theirs);
        expect(s.theirs[0]).toBe("T{<h:x:6x<d:y:(3)<c:z:5x}");
        // Our record reads [x, y, [z0, z1, z2]] with each c a 1-byte Uint8Array.
        const flat = (s.read as { x: number; y: number; z: Uint8Array[] }[]).map(({ x, y, z }) => [
          x,
          y,
          `b${(ours(z) as string[]).map((c) => c.slice(1)).join("")}`,
        ]);
        expect(flat).toEqual(s.expected);
        const p = both("packed", "[[p.a, p.b] for p in packed]");
        expect(p.mine).toEqual(p.theirs);
        expect((p.read as { a: number; b: number }[]).map(({ a, b }) => [a, b])).toEqual(
          p.expected,
        );
        const one = both("S(3, 4.5, b'q')", "[3, 4.5, [b'q', b'\\0', b'\\0']]");
        expect(one.mine).toEqual(one.theirs);
        const { x, y, z } = one.read as { x: number; y: number; z: Uint8Array[] };
        expect([x, y, ours(z)]).toEqual(one.expected);
      });

      it("big-endian and standard-size formats", () => {
        for (const expr of [
          "memoryview(bytearray(range(16))).cast('B').cast('I')",
          "(ctypes.c_int32.__ctype_be__ * 3)(1, -2, 3)",
          "(ctypes.c_double.__ctype_be__ * 2)(1.5, -2.0)",
        ]) {
          const r = both(expr, "list(obj) if not isinstance(obj, memoryview) else obj.tolist()");
          expect(r.mine, expr).toEqual(r.theirs);
          expect(r.read, expr).toEqual(r.expected);
        }
      });
    });
  });
}
