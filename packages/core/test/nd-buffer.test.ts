/** NDBuffer: export counting, structure changes while exported, hostile layouts. */
import { BufferError, StructError, ValueError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import {
  bf_getbuffer,
  bf_releasebuffer,
  checkBuffer,
  getBuffer,
  releaseBuffer,
} from "../src/exporter.js";
import { PyBUF_FULL_RO, PyBUF_INDIRECT, PyBUF_SIMPLE, PyBUF_WRITABLE } from "../src/flags.js";
import { NDBuffer } from "../src/nd-buffer.js";
import type { BufferView } from "../src/view.js";
import { pattern, toPil } from "./support/layouts.js";

describe("NDBuffer exports", () => {
  it("counts exports and refuses to change or free while exported", () => {
    const nd = new NDBuffer(new ArrayBuffer(12), { shape: [3], format: "i" });
    expect(checkBuffer(nd)).toBe(true);
    const a = getBuffer(nd, PyBUF_FULL_RO);
    const b = getBuffer(nd, PyBUF_SIMPLE);
    expect(nd.exports).toBe(2);
    expect(() => nd.setLayout(new ArrayBuffer(4), { shape: [4] })).toThrow(
      new BufferError("cannot change structure: 2 exported buffers"),
    );
    releaseBuffer(a);
    expect(() => nd.free()).toThrow(new BufferError("cannot free: 1 exported buffer"));
    releaseBuffer(b);
    releaseBuffer(b);
    expect(nd.exports).toBe(0);
    nd.setLayout(new ArrayBuffer(4), { shape: [2, 2] });
    expect(nd.shape).toEqual([2, 2]);
    nd.free();
    nd.free();
    expect(() => getBuffer(nd, PyBUF_SIMPLE)).toThrow(
      new ValueError("operation forbidden on a freed NDBuffer"),
    );
    expect(() => nd.toBytes()).toThrow(ValueError);
    expect(() => nd.setLayout(new ArrayBuffer(4), { shape: [4] })).toThrow(ValueError);
  });

  it("direct bf_getbuffer calls count too, and a copied view cannot release twice", () => {
    const nd = new NDBuffer(new ArrayBuffer(4), { shape: [4] });
    const view = nd[bf_getbuffer](PyBUF_WRITABLE);
    expect(nd.exports).toBe(1);
    nd[bf_releasebuffer]({ ...view });
    nd[bf_releasebuffer](view);
    expect(nd.exports).toBe(0);
  });

  it("answers with _testbuffer's messages", () => {
    const ro = new NDBuffer(new ArrayBuffer(4), { shape: [4], readonly: true });
    expect(() => getBuffer(ro, PyBUF_WRITABLE)).toThrow(new BufferError("ndarray is not writable"));
    const pil = toPil(pattern(6), { shape: [2, 3], strides: [3, 1], offset: 0 });
    const nd = new NDBuffer(pil.memory, {
      shape: [2, 3],
      strides: pil.strides,
      suboffsets: pil.suboffsets,
      offset: pil.buf,
    });
    expect(() => getBuffer(nd, PyBUF_FULL_RO & ~0x100)).toThrow(
      new BufferError("ndarray cannot be represented without suboffsets"),
    );
    expect(getBuffer(nd, PyBUF_INDIRECT).suboffsets).toEqual([0, -1]);
    expect(nd.toBytes()).toEqual(new Uint8Array(pattern(6)));
    const flat = new NDBuffer(new ArrayBuffer(4), { shape: [4], format: "B" });
    expect(() => getBuffer(flat, PyBUF_SIMPLE | 4)).toThrow(
      new BufferError("ndarray: cannot cast to unsigned bytes if the format flag is present"),
    );
  });

  it("reports its layout", () => {
    const nd = new NDBuffer(pattern(24), {
      shape: [2, 3],
      strides: [-12, 4],
      offset: 12,
      format: "<i",
      readonly: true,
    });
    expect([nd.shape, nd.strides, nd.offset, nd.itemsize, nd.ndim, nd.nbytes, nd.format]).toEqual([
      [2, 3],
      [-12, 4],
      12,
      4,
      2,
      24,
      "<i",
    ]);
    expect([
      nd.readonly,
      nd.cContiguous,
      nd.fContiguous,
      nd.contiguous,
      nd.suboffsets,
      nd.abi,
    ]).toEqual([true, false, false, false, null, "lp64"]);
    const scalar = new NDBuffer(pattern(8), { shape: [], format: "d" });
    expect([scalar.shape, scalar.strides, scalar.nbytes, scalar.cContiguous]).toEqual([
      [],
      [],
      8,
      true,
    ]);
    const simple = getBuffer(scalar, PyBUF_SIMPLE);
    expect([simple.ndim, simple.shape, simple.len, simple.itemsize]).toEqual([1, null, 8, 8]);
  });
});

describe("NDBuffer and getBuffer remember the last request a layout met", () => {
  it("still refuse what differs from it: other flags, a writable request, a new layout", () => {
    const nd = new NDBuffer(new ArrayBuffer(12), {
      shape: [3, 2],
      strides: [2, 6],
      readonly: true,
    });
    for (let i = 0; i < 3; i++) releaseBuffer(getBuffer(nd, PyBUF_FULL_RO));
    expect(() => getBuffer(nd, PyBUF_SIMPLE)).toThrow(
      new BufferError("ndarray is not C-contiguous"),
    );
    expect(() => getBuffer(nd, PyBUF_FULL_RO | PyBUF_WRITABLE)).toThrow(
      new BufferError("ndarray is not writable"),
    );
    releaseBuffer(getBuffer(nd, PyBUF_FULL_RO));
    nd.setLayout(new ArrayBuffer(6), { shape: [6] });
    expect(() => getBuffer(nd, PyBUF_FULL_RO | PyBUF_WRITABLE)).not.toThrow();
    expect(nd.exports).toBe(1);
  });

  it("re-checks the memory at every request, whatever was met before", () => {
    const memory = new ArrayBuffer(8, { maxByteLength: 8 });
    const nd = new NDBuffer(memory, { shape: [8] });
    releaseBuffer(getBuffer(nd, PyBUF_FULL_RO));
    memory.resize(4);
    expect(() => getBuffer(nd, PyBUF_FULL_RO)).toThrow(ValueError);
    expect(nd.exports).toBe(0);
  });
});

describe("getBuffer's trust in NDBuffer's own views", () => {
  it("does not extend to a subclass that changes the view it hands out", () => {
    class Lying extends NDBuffer {
      override [bf_getbuffer](flags: number): BufferView {
        const view = super[bf_getbuffer](flags);
        view.buf = 64; // past the end of the 8-byte memory
        return view;
      }
    }
    const nd = new Lying(new ArrayBuffer(8), { shape: [8] });
    expect(() => getBuffer(nd, PyBUF_FULL_RO)).toThrow(
      new ValueError("buffer layout reaches bytes 64 to 72 outside its memory of 8 bytes"),
    );
    expect(nd.exports).toBe(0);
  });

  it("covers only views made on NDBuffer's checked road (not a plain object it returns)", () => {
    const nd = NDBuffer.fromItems([1, 2, 3, 4], { shape: [2, 2], pil: true });
    const view = getBuffer(nd, PyBUF_FULL_RO); // suboffsets: the answerRequest road
    expect(view.suboffsets).toEqual([0, -1]);
    releaseBuffer(view);
    expect(nd.exports).toBe(0);
  });
});

describe("NDBuffer refuses hostile layouts", () => {
  const memory = new ArrayBuffer(64);
  const cases: [unknown, unknown, unknown][] = [
    [memory, { shape: new Array(65).fill(1) }, new ValueError("ndim must not exceed 64")],
    [memory, { shape: [Number.NaN] }, new ValueError("elements of shape must be integers")],
    [memory, { shape: [2.5] }, new ValueError("elements of shape must be integers")],
    [memory, { shape: [-1] }, new ValueError("elements of shape must be integers >= 0")],
    [
      memory,
      { shape: [Number.POSITIVE_INFINITY] },
      new ValueError("elements of shape must be integers"),
    ],
    [
      memory,
      { shape: [2 ** 27, 2 ** 27] },
      new ValueError("product(shape) * itemsize is too large"),
    ],
    [
      memory,
      { shape: [2 ** 26, 2 ** 27], strides: [0, 0] },
      new ValueError("product(shape) * itemsize is too large"),
    ],
    [
      memory,
      { shape: [2], strides: [Number.NaN] },
      new ValueError("elements of strides must be integers"),
    ],
    [
      memory,
      { shape: [2], strides: [2 ** 60] },
      new ValueError("elements of strides must be integers"),
    ],
    [
      memory,
      { shape: [3], strides: [40] },
      new ValueError("invalid combination of buffer, shape and strides"),
    ],
    [
      memory,
      { shape: [3], strides: [-8], format: "d" },
      new ValueError("invalid combination of buffer, shape and strides"),
    ],
    [memory, { shape: [2], format: "0B" }, new ValueError("itemsize must not be zero")],
    [
      memory,
      { shape: [2], format: "i", itemsize: 8 },
      new ValueError("itemsize 8 does not match format 'i' of size 4"),
    ],
    [
      memory,
      { shape: [2], format: "i", itemsize: 1.5 },
      new ValueError("itemsize must be a non-negative integer"),
    ],
    [memory, { shape: [2], format: "y" }, new StructError("bad char in struct format")],
    [
      memory,
      { shape: [2], offset: 0.5 },
      new TypeError("'float' object cannot be interpreted as an integer"),
    ],
    [
      memory,
      { shape: [2], offset: Number.NaN },
      new TypeError("'float' object cannot be interpreted as an integer"),
    ],
    [memory, { shape: [2], offset: 64 }, new ValueError("offset out of bounds")],
    [
      memory,
      { shape: [2], offset: 2, format: "i" },
      new ValueError("offset must be a multiple of itemsize"),
    ],
    [memory, { shape: [2], strides: [1, 1] }, new ValueError("len(shape) != len(strides)")],
    [
      memory,
      { shape: [2], strides: [1], order: "F" },
      new TypeError("ND_FORTRAN cannot be used together with strides"),
    ],
    [
      memory,
      { shape: [2], strides: [3], format: "h" },
      new ValueError("strides must be a multiple of itemsize"),
    ],
    [memory, { shape: [2], suboffsets: [0] }, new TypeError("suboffsets need explicit strides")],
    [
      memory,
      { shape: [], suboffsets: [] },
      new TypeError("ndim = 0 cannot be used in conjunction with suboffsets"),
    ],
    [memory, { shape: [2], strides: [8], suboffsets: [0], offset: 60 }, /outside its memory/],
    [memory, { shape: "2" }, new TypeError("shape must be a list or a tuple")],
    [memory, null, new TypeError("NDBuffer options must be an object with a shape")],
    [
      new Uint8Array(4),
      { shape: [4] },
      new TypeError(
        "NDBuffer memory must be an ArrayBuffer or SharedArrayBuffer, not 'Uint8Array'",
      ),
    ],
    [memory, { shape: [2], readonly: 1 }, new TypeError("readonly must be a boolean")],
    [
      memory,
      { shape: [2], abi: "ilp32" },
      new TypeError("abi must be 'lp64', 'llp64' or 'wasm32'"),
    ],
  ];
  for (const [mem, options, error] of cases) {
    it(`${JSON.stringify(options)?.slice(0, 80)}`, () => {
      expect(() => new NDBuffer(mem as ArrayBuffer, options as never)).toThrow(error as Error);
    });
  }

  it("accepts 64 dimensions and an empty memory", () => {
    expect(new NDBuffer(new ArrayBuffer(1), { shape: new Array(64).fill(1) }).ndim).toBe(64);
    expect(new NDBuffer(new ArrayBuffer(0), { shape: [0] }).nbytes).toBe(0);
  });
});

describe("NDBuffer.fromItems (_testbuffer.ndarray(items, …))", () => {
  it("packs items and lays them out, ND_PIL included", () => {
    const nd = NDBuffer.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3], format: "<h", pil: true });
    expect(nd.suboffsets).toEqual([0, -1]);
    expect(nd.strides).toEqual([8, 2]);
    expect(new Int16Array(nd.toBytes("F").buffer)).toEqual(new Int16Array([1, 4, 2, 5, 3, 6]));
    const back = NDBuffer.fromItems([1, 2, 3, 4, 5, 6], {
      shape: [2, 3],
      strides: [-6, 2],
      offset: 6,
      format: "<h",
      pil: true,
    });
    expect([back.strides, back.suboffsets, back.offset]).toEqual([[-8, 2], [0, -1], 8]);
    expect(new Int16Array(back.toBytes("C").buffer)).toEqual(new Int16Array([4, 5, 6, 1, 2, 3]));
    const pairs = NDBuffer.fromItems(
      [
        [1, 2],
        [3, 4],
      ],
      { shape: [2], format: "<bh", order: "C" },
    );
    expect(pairs.itemsize).toBe(3);
    expect(NDBuffer.fromItems(7, { shape: [], format: "d" }).toBytes()).toEqual(
      new Uint8Array(new Float64Array([7]).buffer),
    );
    const wasm = NDBuffer.fromItems([1, 2, 3, 4], {
      shape: [2, 2],
      format: "B",
      pil: true,
      abi: "wasm32",
      order: "F",
    });
    expect([wasm.strides, wasm.toBytes("C")]).toEqual([[4, 2], new Uint8Array([1, 3, 2, 4])]);
  });

  it("raises _testbuffer's and struct's errors", () => {
    expect(() => NDBuffer.fromItems([], { shape: [0] })).toThrow(
      new ValueError("initializer list or tuple must not be empty"),
    );
    expect(() => NDBuffer.fromItems(1, { shape: [], pil: true })).toThrow(
      new TypeError("ndim = 0 cannot be used in conjunction with ND_PIL"),
    );
    expect(() => NDBuffer.fromItems([256], { shape: [1] })).toThrow(StructError);
    expect(() => NDBuffer.fromItems([1], { shape: [1], format: "0B" })).toThrow(
      new ValueError("itemsize must not be zero"),
    );
    expect(() => NDBuffer.fromItems("ab", { shape: [2] })).toThrow(TypeError);
    expect(() => NDBuffer.fromItems([1, 2], null as never)).toThrow(TypeError);
  });
});
