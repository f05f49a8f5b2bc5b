/**
 * Pyodide's PyProxies wherever the umbrella takes an exporter: memoryview(), checkBuffer,
 * struct's functions, and the adapters through memoryview(), against the live
 * interpreter (one Pyodide for the file).
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as pybuffer from "../src/index.js";
import type { PyBufferProxyLike } from "../src/pyodide.js";
import * as typedarray from "../src/typedarray.js";

const { checkBuffer, memoryview, packInto, unpack, unpackFrom, ValueError } = pybuffer;

interface Pyodide {
  runPython(code: string): unknown;
}
let pyodide: Pyodide;

beforeAll(async () => {
  const { loadPyodide } = await import("pyodide");
  pyodide = (await loadPyodide()) as unknown as Pyodide;
  pyodide.runPython("import array, ctypes");
});

const py = <T = object>(code: string): T => pyodide.runPython(code) as T;

describe("a PyProxy where an exporter is expected", () => {
  it("memoryview(proxy) has Python's layout and values, wasm32 sizes included", () => {
    const m = memoryview(py("array.array('l', [1, -2, 3])"));
    expect([m.format, m.itemsize, m.shape, m.toList()]).toEqual(["l", 4, [3], [1, -2, 3]]);
    const cast = memoryview(py("memoryview(bytearray(range(12))).cast('H', [2, 3])"));
    expect(cast.toList()).toEqual(
      py<{ toJs(): unknown }>("memoryview(bytearray(range(12))).cast('H', [2, 3]).tolist()").toJs(),
    );
    const pb = py<{ getBuffer(): object }>("array.array('d', [0.5])").getBuffer();
    expect(memoryview(pb).toList()).toEqual([0.5]);
  });

  it("checkBuffer says true for Python buffers only, without calling Python", () => {
    expect(checkBuffer(py("bytearray(1)"))).toBe(true);
    expect(checkBuffer(py("b''"))).toBe(true);
    expect(checkBuffer(py("[1, 2]"))).toBe(false);
    expect(checkBuffer(py("object()"))).toBe(false);
    expect(() => memoryview(py("{}"))).toThrow(TypeError);
  });

  it("releasing the memoryview lets Python resize its bytearray again", () => {
    pyodide.runPython("ba = bytearray(b'abc')");
    const extend = () =>
      py<string>(
        "try:\n    ba.extend(b'!')\n    r = 'ok'\nexcept BufferError as e:\n    r = str(e)\nr",
      );
    const m = memoryview(py("ba"));
    expect(extend()).toBe("Existing exports of data: object cannot be re-sized");
    const slice = m.slice(1, 3);
    m.release();
    expect(extend()).toBe("Existing exports of data: object cannot be re-sized");
    slice.release();
    expect(extend()).toBe("ok");
  });

  it("struct's functions read and write Python's buffers", () => {
    pyodide.runPython("ba = bytearray(8)");
    packInto("<hi", py("ba"), 1, -2, 70000);
    expect(py<string>("ba.hex()")).toBe("00feff70110100" + "00");
    expect(unpack("<8B", py("ba"))).toEqual([0, 254, 255, 112, 17, 1, 0, 0]);
    expect(unpackFrom("<i", py("ba"), 3)).toEqual([70000]);
  });

  it("adapters take the proxy itself: a TypedArray over the Pyodide heap, zero-copy", () => {
    pyodide.runPython("arr = array.array('f', [1.5, 2.5])");
    const floats = typedarray.toTypedArray(py<PyBufferProxyLike>("arr")) as Float32Array;
    expect(Array.from(floats)).toEqual([1.5, 2.5]);
    floats[0] = -4;
    expect(py<number>("arr[0]")).toBe(-4);
  });

  it("a heap growth inside an operation is a clean error", () => {
    const m = memoryview(py("array.array('d', [1.0, 2.0])"));
    const heap = py<{ getBuffer(t: string): { data: Uint8Array } }>("bytearray(1)").getBuffer("u8");
    pyodide.runPython(`big = bytearray(${heap.data.buffer.byteLength + (64 << 20)})`);
    expect(() => m.toList()).toThrow(ValueError);
    m.release();
    expect(memoryview(py("array.array('d', [1.0, 2.0])")).toList()).toEqual([1, 2]);
    pyodide.runPython("del big");
  });
});
