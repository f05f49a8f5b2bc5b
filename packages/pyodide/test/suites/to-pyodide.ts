/**
 * JS → Python against the live interpreter: `memoryview()` of what toPyodide gives has
 * our format, shape and strides; zero-copy over the heap, a synced copy elsewhere; and
 * allocate's arrays are shared without a copy.
 */
import {
  getBuffer,
  NDBuffer,
  PyBUF_FULL,
  PyBUF_FULL_RO,
  releaseBuffer,
  toContiguous,
} from "@pybuffer/core";
import { BufferError, ValueError } from "@pybuffer/struct";
import { beforeAll, describe, expect, it } from "vitest";
import { allocate } from "../../src/allocate.js";
import { fromPyodide } from "../../src/from-pyodide.js";
import { toPyodide } from "../../src/to-pyodide.js";
import type { PyBufferProxyLike } from "../../src/types.js";
import { formatForWasm32 } from "../../src/wasm-format.js";
import { ours, PY_COMPARABLE, readList, type TestPyodide } from "../support.js";

let pyodide: TestPyodide;

/** Registers the suite; `load` gives the Pyodide it runs against (one per test file). */
export function toPyodideTests(load: () => Promise<TestPyodide>): void {
  // Its own block: a file running several suites on one Pyodide keeps each beforeAll apart.
  describe("to-pyodide", () => {
    beforeAll(async () => {
      pyodide = await load();
      pyodide.runPython(`${PY_COMPARABLE}
import array, json
def describe(obj):
    m = memoryview(obj)
    return json.dumps([m.format, m.itemsize, list(m.shape), list(m.strides), m.readonly])
`);
    }, 120_000);

    function py<T = PyBufferProxyLike>(code: string): T {
      return pyodide.runPython(code) as T;
    }

    /** `memoryview(x)` in Python: its layout and (as comparable JSON) its tolist(). */
    function inPython(proxy: unknown, values = "memoryview(x).tolist()") {
      pyodide.globals.set("x", proxy);
      return {
        layout: JSON.parse(py<string>("describe(x)")),
        values: JSON.parse(py<string>(`to_json(${values})`)),
      };
    }

    describe("toPyodide: a copy for JavaScript memory", () => {
      it("keeps format, shape and order, and syncs both ways", () => {
        const nd = NDBuffer.fromItems([1, 2, 3, 4, 5, 6], { format: "i", shape: [2, 3] });
        const reversed = new NDBuffer(new Int32Array([1, 2, 3, 4, 5, 6]).buffer, {
          format: "i",
          shape: [2, 3],
          strides: [-12, -4],
          offset: 20,
          readonly: false,
        });
        for (const source of [nd, reversed]) {
          const shared = toPyodide(source, pyodide);
          expect(shared.copied).toBe(true);
          const view = getBuffer(source, PyBUF_FULL_RO);
          const got = inPython(shared.proxy);
          expect(got.layout).toEqual(["i", 4, [2, 3], [12, 4], view.readonly]);
          expect(got.values).toEqual(ours(readList(view)));
          releaseBuffer(view);
          shared.release();
        }
        const shared = toPyodide(reversed, pyodide);
        pyodide.globals.set("x", shared.proxy);
        pyodide.runPython("m = memoryview(x); m[0, 0] = 100; m.release()");
        const before = getBuffer(reversed, PyBUF_FULL_RO);
        expect(readList(before)).toEqual([
          [6, 5, 4],
          [3, 2, 1],
        ]);
        shared.writeBack();
        expect(readList(before)).toEqual([
          [100, 5, 4],
          [3, 2, 1],
        ]);
        new Int32Array(before.memory)[0] = -1; // item [1, 2]
        shared.refresh();
        expect(py<number>("memoryview(x)[1, 2]")).toBe(-1);
        releaseBuffer(before);
        shared.release();
      });

      it("translates native formats of another ABI, refuses what wasm32 lays out otherwise", () => {
        const longs = NDBuffer.fromItems([1n, -2n], { format: "l", shape: [2] }); // lp64: 8-byte longs
        const shared = toPyodide(longs, pyodide);
        expect(inPython(shared.proxy)).toEqual({
          layout: ["q", 8, [2], [8], false],
          values: [1, -2],
        });
        shared.release();
        expect(() =>
          toPyodide(NDBuffer.fromItems([[1, 2n]], { format: "bl", shape: [1] }), pyodide),
        ).toThrow(ValueError);
        expect(formatForWasm32("<l", "lp64")).toBe("<l");
        expect(formatForWasm32("3N", "llp64")).toBe("3Q");
      });

      it("release() refuses while Python holds a view, then Python's object refuses new ones", () => {
        const shared = toPyodide(NDBuffer.fromItems([7, 8], { format: "B", shape: [2] }), pyodide);
        pyodide.globals.set("x", shared.proxy);
        pyodide.runPython("held = memoryview(x)");
        expect(() => shared.release()).toThrow(new BufferError("memoryview has 1 exported buffer"));
        pyodide.runPython("held.release()");
        const keep = py("x");
        shared.release();
        shared.release();
        pyodide.globals.set("y", keep);
        expect(() => pyodide.runPython("memoryview(y)")).toThrow(
          /ValueError: operation forbidden on released memoryview object/,
        );
      });
    });

    describe("toPyodide: zero-copy over the heap", () => {
      it("a Python object's exporter comes back to Python as the same bytes", () => {
        pyodide.runPython(
          "import _testbuffer; nd = _testbuffer.ndarray(list(range(12)), shape=[3, 4], format='h', flags=_testbuffer.ND_WRITABLE)[::-1, ::2]",
        );
        const shared = toPyodide(fromPyodide(py("nd")), pyodide);
        expect(shared.copied).toBe(false);
        const got = inPython(shared.proxy);
        expect(got.layout).toEqual(["h", 2, [3, 2], [-8, 4], false]);
        expect(got.values).toEqual([
          [8, 10],
          [4, 6],
          [0, 2],
        ]);
        pyodide.runPython("m = memoryview(x); m[0, 0] = -5; m.release()");
        expect(py<number>("nd.tolist()[0][0]")).toBe(-5);
        shared.release();
      });

      it("allocate: JavaScript fills, Python reads, no copy", () => {
        const grid = allocate(pyodide, "d", [2, 3]);
        const view = getBuffer(grid, PyBUF_FULL);
        new Float64Array(view.memory, view.buf, 6).set([1, 2, 3, 4, 5, 6.5]);
        const got = inPython(grid.source);
        expect(got.layout).toEqual(["d", 8, [2, 3], [24, 8], false]);
        expect(got.values).toEqual([
          [1, 2, 3],
          [4, 5, 6.5],
        ]);
        pyodide.runPython("m = memoryview(x); m[1, 2] = -1.0; m.release()");
        expect(readList(view)).toEqual([
          [1, 2, 3],
          [4, 5, -1],
        ]);
        releaseBuffer(view);
        const records = allocate(pyodide, "T{<i:a:<d:b:}", [2], { readonly: true });
        const rv = getBuffer(records, PyBUF_FULL_RO);
        expect([rv.format, rv.itemsize, rv.readonly, toContiguous(rv, "C").length]).toEqual([
          "T{<i:a:<d:b:}",
          12, // standard sizes: no alignment
          true,
          24,
        ]);
        releaseBuffer(rv);
        expect(() => allocate(pyodide, "d", [-1])).toThrow(ValueError);
        expect(() => allocate(pyodide, "Y", [1])).toThrow();
      });
    });
  });
}
