/**
 * Every function of the umbrella that takes an exporter, in the main entry and in every
 * subpath, given a Pyodide PyProxy (or PyBufferView) directly: what it reads equals
 * Python's own `memoryview(obj).tolist()` inside the live interpreter, and what it writes
 * Python sees. One Pyodide for the file.
 */
import Stdlib from "@stdlib/ndarray/ctor";
import scijs from "ndarray";
import { beforeAll, describe, expect, it } from "vitest";
import * as blob from "../src/blob.js";
import * as core from "../src/core.js";
import * as pybuffer from "../src/index.js";
import * as legacy from "../src/legacy.js";
import * as mv from "../src/memoryview.js";
import * as nd from "../src/ndarray.js";
import * as nodeBuffer from "../src/node-buffer.js";
import * as npy from "../src/npy.js";
import * as pyo from "../src/pyodide.js";
import * as struct from "../src/struct.js";
import * as typedarray from "../src/typedarray.js";

interface TestPyodide {
  runPython(code: string): unknown;
  globals: { set(name: string, value: unknown): void };
}
type Proxy = pyo.PyBufferProxyLike;
let py: TestPyodide;

beforeAll(async () => {
  const { loadPyodide } = await import("pyodide");
  py = (await loadPyodide()) as unknown as TestPyodide;
  py.runPython("import array");
}, 60_000);

/** The value of a Python expression, converted (`toJs`) when it is a PyProxy. */
function value<T>(code: string): T {
  const result = py.runPython(code) as { toJs?: () => unknown } | T;
  return (
    typeof result === "object" && result !== null && "toJs" in result && result.toJs
      ? result.toJs()
      : result
  ) as T;
}

/** A fresh Python object made by `expr`, as a PyProxy, also kept in Python as `name`. */
function obj(name: string, expr: string): Proxy {
  py.runPython(`${name} = ${expr}`);
  return py.runPython(name) as Proxy;
}

/** Python's `memoryview(name).tolist()`. */
const tolist = (name: string): unknown => value(`memoryview(${name}).tolist()`);
/** Python's `memoryview(name).tobytes()`, as a Uint8Array. */
const tobytes = (name: string): Uint8Array =>
  new Uint8Array(value<number[]>(`list(memoryview(${name}).tobytes())`));

/** `bytes` read item by item with the view's format and shape, as Python's tolist(). */
function listOf(bytes: Uint8Array, format: string, shape: number[]): unknown {
  const items = pybuffer.memoryview(new Uint8Array(bytes)).cast("B").cast(format, shape);
  return items.toList();
}

const SHORTS = "array.array('h', [1, -2, 3, 32767])";
const LONGS = "array.array('l', [1, -2, 3])"; // 4-byte items on wasm32
const GRID = "memoryview(bytearray(range(24))).cast('H', [3, 4])";
const STRIDED = "memoryview(array.array('i', range(12)))[::3]";

describe("typedarray: toTypedArray, toDataView, toArrayBuffer", () => {
  it("toTypedArray(proxy) is a TypedArray over the heap with Python's items", () => {
    const longs = obj("longs", LONGS);
    const ints = typedarray.toTypedArray(longs) as Int32Array;
    expect(ints).toBeInstanceOf(Int32Array);
    expect(Array.from(ints)).toEqual(tolist("longs"));
    ints[1] = 20;
    expect(tolist("longs")).toEqual([1, 20, 3]);
    const pb = (py.runPython("array.array('d', [0.5, -1.5])") as Proxy).getBuffer();
    expect(Array.from(typedarray.toTypedArray(pb) as Float64Array)).toEqual([0.5, -1.5]);
    pb.release();
  });

  it("toDataView(proxy) aliases Python's bytes", () => {
    const shorts = obj("shorts", SHORTS);
    const dv = typedarray.toDataView(shorts);
    const got = Array.from({ length: dv.byteLength / 2 }, (_, i) => dv.getInt16(2 * i, true));
    expect(got).toEqual(tolist("shorts"));
    dv.setInt16(0, -7, true);
    expect(value<number>("shorts[0]")).toBe(-7);
  });

  it("toArrayBuffer(proxy) copies Python's items in C order", () => {
    obj("strided", STRIDED);
    const copy = typedarray.toArrayBuffer(py.runPython("strided") as Proxy);
    expect(listOf(new Uint8Array(copy), "i", [4])).toEqual(tolist("strided"));
  });
});

describe("blob and node-buffer", () => {
  it("toBlob(proxy) holds Python's items in C order", async () => {
    const grid = obj("grid", `${GRID}[::-2]`);
    const bytes = new Uint8Array(await blob.toBlob(grid).arrayBuffer());
    expect(bytes).toEqual(tobytes("grid"));
    expect(listOf(bytes, "H", [2, 4])).toEqual(tolist("grid"));
  });

  it("toNodeBuffer(proxy) shares Python's bytes", () => {
    const shorts = obj("shorts", SHORTS);
    const b = nodeBuffer.toNodeBuffer(shorts);
    expect(listOf(b, "h", [4])).toEqual(tolist("shorts"));
    b.writeInt16LE(9, 2);
    expect(value<number>("shorts[1]")).toBe(9);
  });
});

describe("legacy: buffer, fromObject, fromReadWriteObject and the segment API", () => {
  it("buffer(proxy, offset, size) reads Python's bytes", () => {
    const shorts = obj("shorts", SHORTS);
    expect(legacy.buffer(shorts).toBytes()).toEqual(tobytes("shorts"));
    expect(listOf(legacy.buffer(shorts, 2, 4).toBytes(), "h", [2])).toEqual(
      value("memoryview(shorts)[1:3].tolist()"),
    );
  });

  it("fromObject is read-only, fromReadWriteObject writes into Python's object", () => {
    const ba = obj("ba", "bytearray(b'abcd')");
    expect(legacy.fromObject(ba, 1, 2).toBytes()).toEqual(new Uint8Array([98, 99]));
    legacy.fromReadWriteObject(ba, 2, 1).set(0, new Uint8Array([90]));
    expect(tolist("ba")).toEqual([97, 98, 90, 100]);
  });

  it("asReadBuffer, asWriteBuffer, asCharBuffer and checkReadBuffer take a proxy", () => {
    const ba = obj("ba", "bytearray(b'xyz')");
    expect(legacy.checkReadBuffer(ba)).toBe(true);
    expect(legacy.checkReadBuffer(py.runPython("[1]"))).toBe(false);
    expect(Array.from(legacy.asReadBuffer(ba))).toEqual(tolist("ba"));
    expect(Array.from(legacy.asCharBuffer(ba))).toEqual(tolist("ba"));
    legacy.asWriteBuffer(ba)[0] = 65;
    expect(tolist("ba")).toEqual([65, 121, 122]);
  });
});

describe("ndarray: toNdarray, toStdlib", () => {
  it("toNdarray(proxy, ndarray) is a scijs array over the heap", () => {
    const grid = obj("grid", GRID);
    const x = nd.toNdarray(grid, scijs);
    const rows = Array.from({ length: 3 }, (_, i) =>
      Array.from({ length: 4 }, (_, j) => x.get(i, j)),
    );
    expect(rows).toEqual(tolist("grid"));
  });

  it("toStdlib(proxy, ctor) is an stdlib array over the heap", () => {
    const grid = obj("grid", `${GRID}[::-1]`);
    const x = nd.toStdlib(grid, Stdlib) as unknown as { get(i: number, j: number): number };
    const rows = Array.from({ length: 3 }, (_, i) =>
      Array.from({ length: 4 }, (_, j) => x.get(i, j)),
    );
    expect(rows).toEqual(tolist("grid"));
  });
});

describe("npy: saveNpy, saveNpz", () => {
  it("saveNpy(proxy) writes Python's items; loadNpy reads them back", () => {
    const grid = obj("grid", GRID);
    const back = pybuffer.memoryview(npy.loadNpy(npy.saveNpy(grid)));
    expect([back.format, back.shape]).toEqual(["H", [3, 4]]);
    expect(back.toList()).toEqual(tolist("grid"));
  });

  it("saveNpy(array('l')) writes '<i4': C long is 4 bytes on wasm32, as NumPy there reads it", () => {
    const longs = obj("longs", "array.array('l', [1, -2, 2**31 - 1])");
    const bytes = npy.saveNpy(longs);
    expect(npy.readNpyHeader(bytes).descr).toBe("<i4");
    const back = pybuffer.memoryview(npy.loadNpy(bytes));
    expect([back.format, back.itemsize]).toEqual(["i", 4]);
    expect(back.toList()).toEqual(tolist("longs"));
  });

  it("saveNpz({ name: proxy }) and saveNpz([proxy])", () => {
    const doubles = obj("doubles", "array.array('d', [0.5, -1.5, 1e300])");
    const named = npy.loadNpz(npy.saveNpz({ doubles }));
    expect(pybuffer.memoryview(named.get("doubles")).toList()).toEqual(tolist("doubles"));
    const listed = npy.loadNpz(npy.saveNpz([doubles]));
    expect(pybuffer.memoryview(listed.get("arr_0")).toList()).toEqual(tolist("doubles"));
  });
});

describe("pyodide: toPyodide", () => {
  it("toPyodide(proxy, pyodide) gives Python the same bytes, zero-copy", () => {
    const grid = obj("grid", GRID);
    const shared = pyo.toPyodide(grid, py as never);
    expect(shared.copied).toBe(false);
    py.globals.set("shared", shared.proxy);
    expect(value("memoryview(shared).tolist()")).toEqual(tolist("grid"));
    py.runPython("memoryview(shared)[0, 0] = 999");
    expect(value("grid[0, 0]")).toBe(999);
    py.runPython("del shared");
    shared.release();
  });
});

describe("core and memoryview subpaths", () => {
  it("getBuffer, checkBuffer and copyData take proxies", () => {
    const longs = obj("longs", LONGS);
    expect(core.checkBuffer(longs)).toBe(true);
    const view = core.getBuffer(longs, core.PyBUF_FULL_RO);
    expect([view.format, view.itemsize, view.shape]).toEqual(["l", 4, [3]]);
    core.releaseBuffer(view);
    const dest = obj("dest", "array.array('l', [0, 0, 0])");
    core.copyData(dest, longs);
    expect(tolist("dest")).toEqual(tolist("longs"));
  });

  it("memoryview, fromObject, fromFlags, getContiguous and MemoryView take proxies", () => {
    const grid = obj("grid", `${GRID}[::-1]`);
    expect(mv.memoryview(grid).toList()).toEqual(tolist("grid"));
    expect(mv.fromObject(grid).toList()).toEqual(tolist("grid"));
    expect(new mv.MemoryView(grid).toList()).toEqual(tolist("grid"));
    expect(mv.fromFlags(grid, core.PyBUF_FULL_RO).toList()).toEqual(tolist("grid"));
    const c = mv.getContiguous(grid, core.PyBUF_READ, "C");
    expect([c.cContiguous, c.toList()]).toEqual([true, tolist("grid")]);
  });

  it("the main entry's MemoryView compares with and assigns from proxies", () => {
    const shorts = obj("shorts", SHORTS);
    const other = obj("other", SHORTS);
    const m = pybuffer.memoryview(new Int16Array([1, -2, 3, 32767]));
    expect(m.equals(shorts)).toBe(value("memoryview(shorts) == memoryview(other)"));
    const target = pybuffer.memoryview(new Int16Array(4));
    target.set(new pybuffer.Slice(0, 4), other);
    expect(target.toList()).toEqual(tolist("other"));
  });
});

describe("struct subpath", () => {
  it("unpack, unpackFrom, iterUnpack, unpackMany and unpackColumns read a proxy", () => {
    const shorts = obj("shorts", SHORTS);
    const items = tolist("shorts") as number[];
    expect(struct.unpack("<4h", shorts)).toEqual(items);
    expect(struct.unpackFrom("<h", shorts, 2)).toEqual([items[1]]);
    expect(Array.from(struct.iterUnpack("<h", shorts), (r) => r[0])).toEqual(items);
    expect(struct.unpackMany("<h", shorts).map((r) => r[0])).toEqual(items);
    expect(Array.from(struct.unpackColumns("<h", shorts)[0] as Int16Array)).toEqual(items);
    expect(new struct.Struct("<2h").unpackFrom(shorts, 4)).toEqual(items.slice(2));
  });

  it("packInto and Struct.packInto write into a proxy", () => {
    const ba = obj("ba", "bytearray(6)");
    struct.packInto("<h", ba, 0, -3);
    new struct.Struct("<i").packInto(ba, 2, 70000);
    expect(
      value("list(struct.unpack('<hi', ba))".replace("struct", "__import__('struct')")),
    ).toEqual([-3, 70000]);
  });
});
