/**
 * The smaller C-API functions: fillContiguousStrides, isContiguous, fillInfo's
 * argument checks, sizeFromFormat, pointer helpers, and the copy functions' edge
 * cases (destinations, prefixes, overlap, 64 dimensions, empty dimensions).
 */
import {
  BufferError,
  OverflowError,
  packInto,
  StructError,
  tp_name,
  ValueError,
} from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { pointerSize, readPointer, writePointer } from "../src/abi.js";
import { isContiguous } from "../src/contiguity.js";
import { copyData } from "../src/copy-data.js";
import { getBuffer, releaseBuffer } from "../src/exporter.js";
import { fillInfo } from "../src/fill-info.js";
import {
  PyBUF_FULL,
  PyBUF_FULL_RO,
  PyBUF_ND,
  PyBUF_SIMPLE,
  PyBUF_STRIDES,
  PyBUF_WRITABLE,
} from "../src/flags.js";
import { fromContiguous } from "../src/from-contiguous.js";
import { checkRange, isDetached } from "../src/memory.js";
import { NDBuffer } from "../src/nd-buffer.js";
import { toSuboffsets } from "../src/pil.js";
import { getPointer } from "../src/pointer.js";
import { sizeFromFormat } from "../src/size-from-format.js";
import { fillContiguousStrides } from "../src/strides.js";
import { toContiguous } from "../src/to-contiguous.js";
import { pythonTypeName } from "../src/type-name.js";
import { verifyLayout } from "../src/verified-layout.js";
import { validateFields, validateView } from "../src/verify.js";
import type { BufferView } from "../src/view.js";
import { memoryOf } from "./support/helpers.js";
import { pattern } from "./support/layouts.js";

const layout = (
  shape: number[],
  strides: number[] | null,
  itemsize = 1,
  suboffsets: number[] | null = null,
) => ({
  len: shape.reduce((a, b) => a * b, 1) * itemsize,
  itemsize,
  ndim: shape.length,
  shape,
  strides,
  suboffsets,
});

describe("fillContiguousStrides (PyBuffer_FillContiguousStrides)", () => {
  it("gives CPython's strides", () => {
    expect(fillContiguousStrides([2, 3, 4], 8, "C")).toEqual([96, 32, 8]);
    expect(fillContiguousStrides([2, 3, 4], 8, "F")).toEqual([8, 16, 48]);
    expect(fillContiguousStrides([2, 0, 4], 1, "C")).toEqual([0, 4, 1]);
    expect(fillContiguousStrides([2, 3], 1, "X")).toEqual([3, 1]);
    expect(fillContiguousStrides([], 4, "C")).toEqual([]);
    expect(() => fillContiguousStrides([-1], 1, "C")).toThrow(TypeError);
    expect(() => fillContiguousStrides([2], Number.NaN, "C")).toThrow(TypeError);
    expect(fillContiguousStrides([2 ** 30, 2 ** 30], 2 ** 10, "C")).toEqual([2 ** 40, 2 ** 10]);
    expect(() => fillContiguousStrides([2 ** 30, 2 ** 30, 2 ** 30], 2 ** 10, "C")).toThrow(
      OverflowError,
    );
  });
});

describe("isContiguous (PyBuffer_IsContiguous)", () => {
  it("follows CPython's rules (checklist C5)", () => {
    expect(isContiguous(layout([1, 3], [100, 1]), "C")).toBe(true);
    expect(isContiguous(layout([1, 3], [100, 1]), "F")).toBe(true);
    expect(isContiguous(layout([2, 1], [1, 7]), "C")).toBe(true);
    expect(isContiguous(layout([2, 1], [1, 7]), "F")).toBe(true);
    expect(isContiguous(layout([3], [-1]), "A")).toBe(false);
    expect(isContiguous(layout([2, 3], null), "F")).toBe(false);
    expect(isContiguous(layout([1, 3], null), "F")).toBe(true);
    expect(isContiguous(layout([2, 0], [5, 9]), "C")).toBe(true);
    expect(isContiguous(layout([3], [1], 1, [-1]), "C")).toBe(false);
    expect(isContiguous(layout([], null), "F")).toBe(true);
    expect(isContiguous(layout([3], [1]), "X")).toBe(false);
    expect(() => isContiguous(null as never, "C")).toThrow(TypeError);
    expect(() => isContiguous({} as never, "C")).toThrow(
      new TypeError("isContiguous() argument 1 must be a buffer view"),
    );
    expect(() => isContiguous(layout([2, 3], [3]), "C")).toThrow(TypeError);
    expect(() => isContiguous({ ...layout([2], [1]), ndim: 1.5 }, "C")).toThrow(TypeError);
  });
});

describe("fillInfo argument checks", () => {
  const m = new ArrayBuffer(8);
  it("refuses arguments that are not memory, integers or inside memory", () => {
    expect(() => fillInfo(null, new Uint8Array(8) as never, 0, 8, false, 0)).toThrow(TypeError);
    expect(() => fillInfo(null, m, -1, 8, false, 0)).toThrow(TypeError);
    expect(() => fillInfo(null, m, 0, 8.5, false, 0)).toThrow(TypeError);
    expect(() => fillInfo(null, m, 0, 8, "yes" as never, 0)).toThrow(TypeError);
    expect(() => fillInfo(null, m, 4, 8, false, 0)).toThrow(
      new ValueError("buffer layout reaches bytes 4 to 12 outside its memory of 8 bytes"),
    );
    expect(() => fillInfo(null, m, 0, 8, false, 0, "x" as never)).toThrow(TypeError);
    expect(() => fillInfo(1 as never, m, 0, 8, false, 0)).toThrow(TypeError);
  });
  it("reports a writable buffer as writable to a read-only request, with the given ABI", () => {
    const view = fillInfo(null, m, 2, 6, 0, PyBUF_STRIDES, "wasm32");
    expect(view).toMatchObject({
      readonly: false,
      shape: [6],
      strides: [1],
      format: null,
      abi: "wasm32",
      obj: null,
    });
    expect(() => fillInfo(null, m, 0, 8, 1, PyBUF_WRITABLE)).toThrow(
      new BufferError("Object is not writable."),
    );
  });
});

describe("sizeFromFormat (PyBuffer_SizeFromFormat)", () => {
  it("is struct.calcsize with the ABI's native sizes", () => {
    expect(sizeFromFormat("xi")).toBe(8);
    expect(sizeFromFormat("")).toBe(0);
    expect(sizeFromFormat("0i")).toBe(0);
    expect(sizeFromFormat("P", "wasm32")).toBe(4);
    expect(() => sizeFromFormat("y")).toThrow(new StructError("bad char in struct format"));
    expect(() => sizeFromFormat(3 as never)).toThrow(TypeError);
  });
});

describe("pointers and names", () => {
  it("reads and writes pointers in the ABI's size", () => {
    const m = new ArrayBuffer(16);
    writePointer(m, 8, 2 ** 40 + 5, "lp64");
    expect(readPointer(m, 8, "llp64")).toBe(2 ** 40 + 5);
    writePointer(m, 0, 7, "wasm32");
    expect(readPointer(m, 0, "wasm32")).toBe(7);
    expect(() => writePointer(m, 0, 2 ** 32, "wasm32")).toThrow(ValueError);
    expect(() => writePointer(m, 0, -1, "lp64")).toThrow(ValueError);
    expect(() => readPointer(m, 12, "lp64")).toThrow(ValueError);
    expect(() => readPointer(m, Number.NaN, "lp64")).toThrow(
      new TypeError("readPointer() argument 'addr' must be a non-negative integer, not 'float'"),
    );
    expect(() => writePointer(m, 1.5, 0, "lp64")).toThrow(TypeError);
    expect(() => sizeFromFormat("i", "x" as never)).toThrow(ValueError);
    expect([pointerSize("lp64"), pointerSize("wasm32")]).toEqual([8, 4]);
    expect([
      pythonTypeName(class Foo {}),
      pythonTypeName(Symbol()),
      pythonTypeName({ constructor: 1 }),
    ]).toEqual(["function", "symbol", "object"]);
  });

  it("uses the name a class declares under tp_name, as CPython's tp_name", () => {
    class Frame {
      readonly lineno = 1;
    }
    Object.defineProperty(Frame.prototype, tp_name, { value: "frame" });
    const readonly = new NDBuffer(pattern(2), { shape: [2], readonly: true });
    expect([pythonTypeName(new Frame()), pythonTypeName(readonly)]).toEqual(["frame", "ndarray"]);
    // _testbuffer: struct.pack_into('b', ndarray([1, 2], shape=[2]), 0, 1)
    expect(() => packInto("b", readonly as never, 0, 1)).toThrow(
      "argument must be read-write bytes-like object, not ndarray",
    );
  });
});

describe("getPointer (PyBuffer_GetPointer)", () => {
  const nd = new NDBuffer(pattern(24), {
    shape: [2, 3],
    strides: [-12, 4],
    offset: 12,
    format: "i",
  });
  it("computes addresses and checks every index like _testbuffer.get_pointer", () => {
    const view = getBuffer(nd, PyBUF_FULL_RO);
    expect(getPointer(view, [0, 0])).toBe(12);
    expect(getPointer(view, [1, 2])).toBe(8);
    expect(() => getPointer(view, [2, 0])).toThrow(
      new ValueError("get_pointer(): invalid index 2 at position 0"),
    );
    expect(() => getPointer(view, [0, -1])).toThrow(
      new ValueError("get_pointer(): invalid index -1 at position 1"),
    );
    expect(() => getPointer(view, [0])).toThrow(
      new ValueError("get_pointer(): len(indices) != ndim"),
    );
    expect(() => getPointer(view, [0, 0.5])).toThrow(new TypeError("an integer is required"));
    expect(() => getPointer(view, "00" as never)).toThrow(
      new TypeError("seq must be a list or a tuple"),
    );
    releaseBuffer(view);
    expect(() => getPointer(view, [0, 0])).toThrow(
      new ValueError("operation forbidden on released buffer view"),
    );
  });
  it("reconstructs missing strides and shape", () => {
    const flat = new NDBuffer(pattern(24), { shape: [2, 3], format: "i" });
    expect(getPointer(getBuffer(flat, PyBUF_ND), [1, 1])).toBe(16);
    expect(getPointer(getBuffer(flat, PyBUF_SIMPLE), [23])).toBe(23);
  });
});

describe("toContiguous edge cases", () => {
  it("checks order and destination", () => {
    const view = getBuffer(new NDBuffer(pattern(6), { shape: [2, 3] }), PyBUF_FULL_RO);
    expect(() => toContiguous(view, "X" as never)).toThrow(
      new ValueError("invalid order, must be C, F or A"),
    );
    expect(() => toContiguous(view, "C", new Uint8Array(5))).toThrow(
      new ValueError("PyBuffer_ToContiguous: len != view->len"),
    );
    expect(() => toContiguous(view, "C", [] as never)).toThrow(TypeError);
    expect(() => toContiguous({} as BufferView, "C")).toThrow(BufferError);
    const dest = new Uint8Array(6);
    expect(toContiguous(view, "F", dest)).toBe(dest);
    expect(dest).toEqual(
      new Uint8Array(
        [view.memory].flatMap((m) => [0, 3, 1, 4, 2, 5].map((i) => new Uint8Array(m)[i] as number)),
      ),
    );
  });

  it("writes into a destination overlapping the view", () => {
    const memory = memoryOf([1, 2, 3, 4, 5, 6, 7, 8]);
    const nd = new NDBuffer(memory, { shape: [4], strides: [-2], offset: 7 });
    const view = getBuffer(nd, PyBUF_FULL_RO);
    toContiguous(view, "C", new Uint8Array(memory, 1, 4));
    expect(new Uint8Array(memory)).toEqual(new Uint8Array([1, 8, 6, 4, 2, 6, 7, 8]));
  });

  it("copies 64 dimensions, empty dimensions and 0-d views", () => {
    const shape = new Array(64).fill(1);
    shape[0] = 2;
    shape[63] = 3;
    const strides = shape.map(() => 7);
    strides[0] = -3;
    strides[63] = 1;
    const nd = new NDBuffer(pattern(6), { shape, strides, offset: 3 });
    expect(toContiguous(getBuffer(nd, PyBUF_FULL_RO), "F")).toEqual(
      new Uint8Array([3, 0, 4, 1, 5, 2].map((i) => new Uint8Array(pattern(6))[i] as number)),
    );
    const empty = new NDBuffer(pattern(4), { shape: [3, 0, 2], strides: [1, 1, -1], offset: 3 });
    expect(toContiguous(getBuffer(empty, PyBUF_FULL_RO), "C")).toEqual(new Uint8Array(0));
    const scalar = new NDBuffer(pattern(8), { shape: [], format: "Q", offset: 0 });
    expect(toContiguous(getBuffer(scalar, PyBUF_FULL_RO), "F")).toEqual(new Uint8Array(pattern(8)));
  });
});

describe("fromContiguous (PyBuffer_FromContiguous)", () => {
  it("cuts long input, fills only whole items of short input, in C or F order", () => {
    const nd = new NDBuffer(new ArrayBuffer(12), { shape: [2, 3], strides: [2, 4], format: "h" });
    const view = getBuffer(nd, PyBUF_FULL);
    expect(fromContiguous(view, new Uint8Array(20).fill(9), "C")).toBe(12);
    expect(nd.toBytes()).toEqual(new Uint8Array(12).fill(9));
    expect(fromContiguous(view, new Uint8Array([1, 1, 2, 2, 3, 3, 4]), "C")).toBe(6);
    expect(nd.toBytes("C")).toEqual(new Uint8Array([1, 1, 2, 2, 3, 3, 9, 9, 9, 9, 9, 9]));
    expect(fromContiguous(view, new Uint16Array([5, 6, 7]), "F")).toBe(6);
    expect(new Uint16Array(nd.toBytes("F").buffer).slice(0, 3)).toEqual(new Uint16Array([5, 6, 7]));
    expect(fromContiguous(view, new ArrayBuffer(0), "A")).toBe(0);
  });
  it("takes a contiguous view in one copy and a source in the same memory", () => {
    const memory = memoryOf([1, 2, 3, 4, 5, 6]);
    const nd = new NDBuffer(memory, { shape: [3], strides: [-2], offset: 4 });
    fromContiguous(getBuffer(nd, PyBUF_FULL), new Uint8Array(memory, 0, 3), "C");
    expect(new Uint8Array(memory)).toEqual(new Uint8Array([3, 2, 2, 4, 1, 6]));
    const c = new NDBuffer(memoryOf([0, 0, 0]), { shape: [3] });
    expect(() => fromContiguous(getBuffer(c, PyBUF_FULL), [7, 8, 9] as never, "C")).toThrow(
      TypeError,
    );
  });
  it("refuses a read-only view and bad arguments", () => {
    const ro = new NDBuffer(new ArrayBuffer(4), { shape: [4], readonly: true });
    expect(() => fromContiguous(getBuffer(ro, PyBUF_FULL_RO), new Uint8Array(4), "C")).toThrow(
      new BufferError("Object is not writable."),
    );
    const rw = getBuffer(new NDBuffer(new ArrayBuffer(4), { shape: [4] }), PyBUF_FULL);
    expect(() => fromContiguous(rw, "abcd" as never, "C")).toThrow(TypeError);
    expect(() => fromContiguous(rw, new Uint8Array(4), "Z" as never)).toThrow(ValueError);
  });
});

describe("copyData (PyObject_CopyData)", () => {
  it("raises CPython's errors", () => {
    const a = new NDBuffer(new ArrayBuffer(4), { shape: [4] });
    expect(() => copyData(a, "abcd")).toThrow(
      new TypeError("both destination and source must be bytes-like objects"),
    );
    expect(() => copyData(5, a)).toThrow(
      new TypeError("both destination and source must be bytes-like objects"),
    );
    const big = new NDBuffer(new ArrayBuffer(8), { shape: [8] });
    expect(() => copyData(a, big)).toThrow(
      new BufferError("destination is too small to receive data from source"),
    );
    const ro = new NDBuffer(new ArrayBuffer(8), { shape: [8], readonly: true });
    expect(() => copyData(ro, a)).toThrow(new BufferError("ndarray is not writable"));
    expect(() => copyData(getBuffer(ro, PyBUF_FULL_RO), a)).toThrow(
      new BufferError("Object is not writable."),
    );
    expect(a.exports + big.exports + ro.exports).toBe(1);
    const strided = new NDBuffer(new ArrayBuffer(8), { shape: [2, 2], strides: [4, 1] });
    expect(() => copyData(new NDBuffer(new ArrayBuffer(8), { shape: [8] }), strided)).toThrow(
      BufferError,
    );
  });
  it("copies src.len bytes between contiguous buffers and leaves the rest", () => {
    const dest = new NDBuffer(memoryOf([9, 9, 9, 9, 9, 9]), { shape: [6] });
    copyData(dest, new NDBuffer(memoryOf([1, 2, 3, 4]), { shape: [2, 2] }));
    expect(dest.toBytes()).toEqual(new Uint8Array([1, 2, 3, 4, 9, 9]));
    const view: BufferView = getBuffer(
      new NDBuffer(memoryOf([5, 6]), { shape: [2] }),
      PyBUF_FULL_RO,
    );
    copyData(dest, view);
    expect(dest.toBytes()).toEqual(new Uint8Array([5, 6, 3, 4, 9, 9]));
  });
  it("copies item by item into a larger destination indexed by the source's shape", () => {
    const dest = new NDBuffer(new ArrayBuffer(9), { shape: [3, 3] });
    copyData(dest, new NDBuffer(memoryOf([1, 2, 3, 4]), { shape: [2, 2], strides: [1, 2] }));
    expect(dest.toBytes()).toEqual(new Uint8Array([1, 3, 0, 2, 4, 0, 0, 0, 0]));
  });
});

describe("strided gathers at the end of memory", () => {
  it("never read past the memory's last byte (every second byte up to the last one)", () => {
    // Short runs take the word loop, long ones (≥ 64 bytes) the platform's conversion,
    // whose last 16-bit word would reach one byte past an odd-length memory.
    for (const memlen of [24, 25, 26, 31, 32, 40, 127, 128, 129, 130, 255, 256, 1001]) {
      const memory = pattern(memlen, 4);
      const n = Math.floor((memlen + 1) / 2);
      const view = getBuffer(new NDBuffer(memory, { shape: [n], strides: [2] }), PyBUF_FULL_RO);
      const expected = new Uint8Array(n).map((_, i) => new Uint8Array(memory)[2 * i] as number);
      expect(toContiguous(view, "C")).toEqual(expected);
    }
  });
});

describe("argument checks of the helpers for exporter authors", () => {
  it("validateView and validateFields take an optional context, a string or a function", () => {
    expect(() => validateView({})).toThrow(
      new BufferError("validateView(): memory must be an ArrayBuffer or SharedArrayBuffer"),
    );
    expect(() => validateFields({}, () => "mine")).toThrow(
      new BufferError("mine: memory must be an ArrayBuffer or SharedArrayBuffer"),
    );
    expect(() => validateView({}, 5 as never)).toThrow(
      new TypeError("context must be a string or a function returning one, not 'int'"),
    );
    expect(() =>
      verifyLayout({ format: "B", itemsize: 1, shape: [1] }, Symbol("x") as never),
    ).toThrow(new TypeError("verifyLayout() context must be a string, not 'symbol'"));
  });

  it("toSuboffsets checks its memory, layout and ABI", () => {
    const data = new ArrayBuffer(4);
    const pil = toSuboffsets(data, { shape: [2, 2], strides: [2, 1], offset: 0 });
    expect(pil.suboffsets).toEqual([0, -1]);
    expect(toSuboffsets(data, { shape: [0], strides: [1], offset: 4 }).strides).toEqual([8]);
    const cases: [unknown, unknown, unknown, Error][] = [
      [
        null,
        { shape: [1], strides: [1], offset: 0 },
        "lp64",
        new TypeError(
          "toSuboffsets() data must be an ArrayBuffer or SharedArrayBuffer, not 'NoneType'",
        ),
      ],
      [
        data,
        undefined,
        "lp64",
        new TypeError("toSuboffsets() layout must be an object, not 'NoneType'"),
      ],
      [
        data,
        { shape: [1], strides: [1], offset: 0 },
        "x",
        new TypeError("toSuboffsets() abi must be 'lp64', 'llp64' or 'wasm32'"),
      ],
      [
        data,
        { shape: [1.5], strides: [1], offset: 0 },
        "lp64",
        new TypeError("toSuboffsets() layout.shape must be an array of integers"),
      ],
      [
        data,
        { shape: [1], strides: ["1"], offset: 0 },
        "lp64",
        new TypeError("toSuboffsets() layout.strides must be an array of integers"),
      ],
      [
        data,
        { shape: [1], strides: [1] },
        "lp64",
        new TypeError("toSuboffsets() layout.offset must be an integer"),
      ],
      [
        data,
        { shape: [2], strides: [1, 1], offset: 0 },
        "lp64",
        new ValueError("toSuboffsets() layout.shape and layout.strides differ in length"),
      ],
      [
        data,
        { shape: new Array(65).fill(1), strides: new Array(65).fill(1), offset: 0 },
        "lp64",
        new ValueError("toSuboffsets() ndim 65 is more than 64"),
      ],
      [
        data,
        { shape: [-1], strides: [1], offset: 0 },
        "lp64",
        new ValueError("toSuboffsets() layout.shape must not be negative"),
      ],
      [
        data,
        { shape: [1], strides: [1], offset: 5 },
        "lp64",
        new ValueError("toSuboffsets() layout.offset 5 is outside data of 4 bytes"),
      ],
      [
        data,
        { shape: [2, 2], strides: [4, 1], offset: 0 },
        "lp64",
        new ValueError("buffer layout reaches bytes 0 to 6 outside its memory of 4 bytes"),
      ],
      [
        data,
        { shape: [2], strides: [-1], offset: 0 },
        "lp64",
        new ValueError("buffer layout reaches bytes -1 to 1 outside its memory of 4 bytes"),
      ],
    ];
    for (const [memory, layout, abi, error] of cases) {
      expect(() => toSuboffsets(memory as never, layout as never, abi as never)).toThrow(error);
    }
  });
});

describe("isDetached given something that is not memory", () => {
  it("throws TypeError", () => {
    expect(() => isDetached(undefined as never)).toThrow(
      new TypeError(
        "isDetached() argument must be an ArrayBuffer or SharedArrayBuffer, not 'NoneType'",
      ),
    );
  });
});

describe("exported helpers given wrong JavaScript types (issue #19 item 9)", () => {
  const ab = new ArrayBuffer(16);
  const cases: [string, () => unknown, string][] = [
    [
      "checkRange(null, 0, 0)",
      () => checkRange(null as never, 0, 0),
      "checkRange() argument 'memory' must be an ArrayBuffer or SharedArrayBuffer, not 'NoneType'",
    ],
    [
      "checkRange(u8, 0, 4)",
      () => checkRange(new Uint8Array(4) as never, 0, 4),
      "checkRange() argument 'memory' must be an ArrayBuffer or SharedArrayBuffer, not 'Uint8Array'",
    ],
    [
      "checkRange(ab, 0, Symbol())",
      () => checkRange(ab, 0, Symbol() as never),
      "checkRange() argument 'hi' must be a number, not 'symbol'",
    ],
    [
      "checkRange(ab, 0n, 4)",
      () => checkRange(ab, 0n as never, 4),
      "checkRange() argument 'lo' must be a number, not 'int'",
    ],
    [
      "checkRange(forged, 0, 0)",
      () => checkRange(Object.create(ArrayBuffer.prototype), 0, 0),
      "checkRange() argument 'memory' must be an ArrayBuffer or SharedArrayBuffer, not 'ArrayBuffer'",
    ],
    [
      'readPointer(undefined, 0, "lp64")',
      () => readPointer(undefined as never, 0, "lp64"),
      "readPointer() argument 'memory' must be an ArrayBuffer or SharedArrayBuffer, not 'NoneType'",
    ],
    [
      'readPointer(ab, 0, "x")',
      () => readPointer(ab, 0, "x" as never),
      "readPointer() argument 'abi' must be 'lp64', 'llp64' or 'wasm32', not 'str'",
    ],
    [
      'writePointer(ab, 0, Symbol(), "lp64")',
      () => writePointer(ab, 0, Symbol() as never, "lp64"),
      "writePointer() argument 'target' must be a number, not 'symbol'",
    ],
    [
      "writePointer(u8, 0, 0)",
      () => (writePointer as (...a: unknown[]) => void)(new Uint8Array(16), 0, 0),
      "writePointer() argument 'memory' must be an ArrayBuffer or SharedArrayBuffer, not 'Uint8Array'",
    ],
    [
      "writePointer(ab, 0, 0)",
      () => (writePointer as (...a: unknown[]) => void)(ab, 0, 0),
      "writePointer() argument 'abi' must be 'lp64', 'llp64' or 'wasm32', not 'NoneType'",
    ],
  ];
  for (const [name, call, message] of cases) {
    it(name, () => {
      expect(call).toThrow(new TypeError(message));
    });
  }

  it("SharedArrayBuffer and other realms' buffers are memory", () => {
    const shared = new SharedArrayBuffer(16);
    writePointer(shared, 0, 8, "lp64");
    expect(readPointer(shared, 0, "lp64")).toBe(8);
    expect(() => checkRange(shared, 0, 16)).not.toThrow();
  });
});
