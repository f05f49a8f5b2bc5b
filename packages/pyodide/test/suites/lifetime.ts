/**
 * The Python export's lifetime under ours, writes both ways, heap growth, the
 * PyBufferView road and the errors, against the live interpreter.
 */
import {
  bf_getbuffer,
  copyData,
  exportCount,
  getBuffer,
  NDBuffer,
  PyBUF_CONTIG,
  PyBUF_CONTIG_RO,
  PyBUF_FULL_RO,
  PyBUF_SIMPLE,
  PyBUF_WRITABLE,
  releaseBuffer,
  toContiguous,
} from "@pybuffer/core";
import { BufferError, Struct, ValueError } from "@pybuffer/struct";
import { beforeAll, describe, expect, it } from "vitest";
import { isBufferProxy, isPyBufferView, isPyProxy } from "../../src/detect.js";
import { fromPyodide, lookupPyodide } from "../../src/from-pyodide.js";
import { PyodideExporter } from "../../src/pyodide-exporter.js";
import type { PyBufferProxyLike } from "../../src/types.js";
import { readList, type TestPyodide } from "../support.js";

let pyodide: TestPyodide;

/** Registers the suite; `load` gives the Pyodide it runs against (one per test file). */
export function lifetimeTests(load: () => Promise<TestPyodide>): void {
  // Its own block: a file running several suites on one Pyodide keeps each beforeAll apart.
  describe("lifetime", () => {
    beforeAll(async () => {
      pyodide = await load();
      pyodide.runPython("import array, ctypes, _testbuffer");
    }, 120_000);

    function py<T = PyBufferProxyLike>(code: string): T {
      return pyodide.runPython(code) as T;
    }

    /** Python's answer to `ba.extend(b'!')`: "ok" or the exception's type and text. */
    function tryExtend(): string {
      return py<string>(`
try:
    ba.extend(b"!")
    r = "ok"
except BufferError as e:
    r = f"BufferError: {e}"
r`);
    }

    describe("export counting as CPython's", () => {
      it("holds the bytearray's export from our first view to our last", () => {
        pyodide.runPython("ba = bytearray(b'abc')");
        const exporter = fromPyodide(py("ba"));
        expect(tryExtend()).toBe("ok"); // wrapping takes no export
        const a = getBuffer(exporter, PyBUF_FULL_RO);
        const b = getBuffer(exporter, PyBUF_SIMPLE);
        expect([exporter.exports, exportCount(exporter)]).toEqual([2, 2]);
        expect(tryExtend()).toBe(
          "BufferError: Existing exports of data: object cannot be re-sized",
        );
        releaseBuffer(a);
        expect(tryExtend()).toBe(
          "BufferError: Existing exports of data: object cannot be re-sized",
        );
        releaseBuffer(b);
        releaseBuffer(b); // harmless
        expect(exporter.exports).toBe(0);
        expect(tryExtend()).toBe("ok");
        // The next view follows the object to its new, longer storage.
        const c = getBuffer(exporter, PyBUF_FULL_RO);
        expect(new TextDecoder().decode(toContiguous(c, "C"))).toBe("abc!!");
        releaseBuffer(c);
      });

      it("gives the export back when a request is refused", () => {
        // An export holds a reference to the object: its refcount shows whether one is left.
        pyodide.runPython(
          "import sys; bs = bytes(4); nd = _testbuffer.ndarray(list(range(6)), shape=[2, 3], format='i')[::-1]",
        );
        const refs = () =>
          py<{ toJs(): number[] }>("[sys.getrefcount(bs), sys.getrefcount(nd)]").toJs();
        const [bs, nd] = [py("bs"), py("nd")]; // each proxy holds a reference of its own
        const before = refs();
        expect(() => getBuffer(fromPyodide(bs), PyBUF_WRITABLE)).toThrow(
          new BufferError("Object is not writable."),
        );
        expect(() => getBuffer(fromPyodide(nd), PyBUF_CONTIG_RO)).toThrow(
          new BufferError("fromPyodide: underlying buffer is not C-contiguous"),
        );
        expect(refs()).toEqual(before);
        const held = getBuffer(fromPyodide(nd), PyBUF_FULL_RO);
        expect(refs()).toEqual([before[0], (before[1] as number) + 1]);
        releaseBuffer(held);
        expect(refs()).toEqual(before);
      });
    });

    describe("writes both ways", () => {
      it("JS writes are seen by Python, Python writes by JS, zero-copy", () => {
        pyodide.runPython("arr = array.array('d', [0.0] * 4)");
        const exporter = fromPyodide(py("arr"));
        const view = getBuffer(exporter, PyBUF_FULL_RO | PyBUF_WRITABLE);
        const d = new Struct("<d");
        d.packInto(view.memory, view.buf + 8, 2.5);
        expect(py<number>("arr[1]")).toBe(2.5);
        pyodide.runPython("arr[3] = -7.25");
        expect(readList(view)).toEqual([0, 2.5, 0, -7.25]);
        releaseBuffer(view);
      });
    });

    describe("heap growth", () => {
      it("views made before fail cleanly; the exporter follows the new heap", () => {
        pyodide.runPython("arr = array.array('i', range(8))");
        const exporter = fromPyodide(py("arr"));
        const before = getBuffer(exporter, PyBUF_FULL_RO);
        const heap = before.memory;
        // A Python allocation larger than the free heap grows the WebAssembly memory.
        pyodide.runPython(`big = bytearray(${heap.byteLength + (64 << 20)})`);
        expect(heap.byteLength).toBe(0); // detached
        expect(() => toContiguous(before, "C")).toThrow(
          new ValueError("operation on a detached ArrayBuffer"),
        );
        expect(() => readList(before)).toThrow();
        // A new view reads the new heap, under the export still held.
        const after = getBuffer(exporter, PyBUF_FULL_RO);
        expect(after.memory).not.toBe(heap);
        expect(after.buf).toBe(before.buf);
        expect(readList(after)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
        releaseBuffer(before);
        releaseBuffer(after);
        pyodide.runPython("del big");
      });

      it("a growth inside copyData (the source's getbuffer grows the heap) is a clean error", () => {
        pyodide.runPython("arr = array.array('i', [1, 2, 3])");
        const dest = fromPyodide(py("arr"));
        const source = NDBuffer.fromItems([7, 8, 9], { format: "i", shape: [3] });
        const growing = {
          [bf_getbuffer](flags: number) {
            const heap = py("bytearray(1)").getBuffer("u8");
            const size = (heap.data as Uint8Array).buffer.byteLength;
            heap.release();
            pyodide.runPython(`big = bytearray(${size + (64 << 20)})`);
            return getBuffer(source, flags);
          },
        };
        expect(() => copyData(dest, growing)).toThrow(ValueError);
        expect(py<{ toJs(): number[] }>("list(arr)").toJs()).toEqual([1, 2, 3]);
        expect(dest.exports).toBe(0);
        copyData(dest, source); // the exporter follows the new heap
        expect(py<{ toJs(): number[] }>("list(arr)").toJs()).toEqual([7, 8, 9]);
        pyodide.runPython("del big");
      });

      it("a PyBufferView whose data the growth detached is refused, or followed given { pyodide }", () => {
        const pb = py("array.array('h', [1, -2, 3])").getBuffer();
        const plain = fromPyodide(pb);
        const followed = fromPyodide(pb, { pyodide });
        const size = (pb.data as Int16Array).buffer.byteLength;
        pyodide.runPython(`big = bytearray(${size + (64 << 20)})`);
        expect(() => getBuffer(plain, PyBUF_FULL_RO)).toThrow(BufferError);
        const view = getBuffer(followed, PyBUF_FULL_RO);
        expect(readList(view)).toEqual([1, -2, 3]);
        releaseBuffer(view);
        pb.release();
        expect(() => getBuffer(followed, PyBUF_FULL_RO)).toThrow(
          new BufferError("fromPyodide: the PyBufferView was released"),
        );
        pyodide.runPython("del big");
      });
    });

    describe("PyBufferView road", () => {
      it.each(["u8", "i16", "dataview", undefined])(
        "getBuffer(%s): offset and strides are elements of its data",
        (type) => {
          const nd = py(
            "_testbuffer.ndarray(list(range(24)), shape=[4, 6], format='h')[::2, ::-3]",
          );
          const pb = type === undefined ? nd.getBuffer() : nd.getBuffer(type);
          const view = getBuffer(fromPyodide(pb), PyBUF_FULL_RO);
          expect([view.shape, view.strides, view.format]).toEqual([[2, 2], [24, -6], "h"]);
          expect(readList(view)).toEqual([
            [5, 2],
            [17, 14],
          ]);
          releaseBuffer(view);
          pb.release(); // the caller's export: ours never releases it
        },
      );
    });

    describe("detection and errors", () => {
      /** `spy`, a Python object that records every attribute read on it in `calls`. */
      function defineSpy(): void {
        pyodide.runPython(`
calls = []
class Spy:
    def __getattr__(self, name):
        calls.append(name)
        return 1
spy = Spy()`);
      }

      it("tells proxies apart without calling Python", () => {
        defineSpy();
        const spy = py<object>("spy");
        expect([isPyProxy(spy), isBufferProxy(spy), isPyBufferView(spy)]).toEqual([
          true,
          false,
          false,
        ]);
        expect(() => fromPyodide(spy as never)).toThrow(
          new TypeError("a bytes-like object is required, not 'Spy'"),
        );
        expect(py<number>("len(calls)")).toBe(0);
        expect(isBufferProxy(py("b''"))).toBe(true);
        expect(isPyBufferView(py("b'ab'").getBuffer())).toBe(true);
      });

      it("lookupPyodide: an exporter for Python buffers only, the known classes remembered", () => {
        defineSpy();
        for (let round = 0; round < 2; round++) {
          // The second round answers from the prototypes remembered by the first.
          expect(lookupPyodide(py("bytearray(b'ab')"))).toBeInstanceOf(PyodideExporter);
          expect(lookupPyodide(py("b'ab'").getBuffer())).toBeInstanceOf(PyodideExporter);
          expect(lookupPyodide(py<object>("[1, 2]"))).toBeUndefined();
          expect(lookupPyodide(py<object>("spy"))).toBeUndefined();
        }
        expect(py<number>("len(calls)")).toBe(0);
        for (const other of [{}, new Uint8Array(2), null, 3, "ab", () => 0]) {
          expect(lookupPyodide(other)).toBeUndefined();
        }
        const view = getBuffer(
          lookupPyodide(py("array.array('h', [5, -6])")) as PyodideExporter,
          PyBUF_FULL_RO,
        );
        expect([view.format, view.shape]).toEqual(["h", [2]]);
        releaseBuffer(view);
        // No ctypes road: suboffsets say how to get them.
        const pil = py(
          "_testbuffer.ndarray([1, 2], shape=[2], format='i', flags=_testbuffer.ND_PIL)",
        );
        expect(() => getBuffer(lookupPyodide(pil) as PyodideExporter, PyBUF_FULL_RO)).toThrow(
          /fromPyodide exports suboffsets when given \{ pyodide \}/,
        );
      });

      it("refuses other values and destroyed proxies with the family's errors", () => {
        expect(() => fromPyodide({} as never)).toThrow(
          new TypeError("fromPyodide: expected a PyProxy or a PyBufferView, not 'object'"),
        );
        expect(() => fromPyodide(new Uint8Array(2) as never)).toThrow(TypeError);
        expect(() => fromPyodide(py("b'x'"), 3 as never)).toThrow(TypeError);
        const gone = py("bytearray(2)");
        const exporter = fromPyodide(gone);
        gone.destroy();
        expect(() => getBuffer(exporter, PyBUF_SIMPLE)).toThrow(BufferError);
      });

      it("suboffsets without { pyodide } are a BufferError saying how", () => {
        const pil = py(
          "_testbuffer.ndarray([1, 2], shape=[2], format='i', flags=_testbuffer.ND_PIL)",
        );
        expect(() => getBuffer(fromPyodide(pil), PyBUF_FULL_RO)).toThrow(
          new BufferError(
            "ndarray cannot be represented without suboffsets (fromPyodide exports suboffsets when given { pyodide })",
          ),
        );
        const exporter = fromPyodide(pil, { pyodide });
        expect(() => getBuffer(exporter, PyBUF_CONTIG)).toThrow(
          new BufferError("fromPyodide: underlying buffer requires suboffsets"),
        );
        const view = getBuffer(exporter, PyBUF_FULL_RO);
        expect(readList(view)).toEqual([1, 2]);
        releaseBuffer(view);
      });

      it("prints as a short summary", () => {
        expect(String(fromPyodide(py("bytearray(1)")))).toBe("<PyodideExporter of 'bytearray'>");
      });
    });
  });
}
