/**
 * The managed buffer and the exporter side: views made from views share one export of
 * the base; the base's buffer goes back when the last view is released; a memoryview
 * hands out buffers and refuses to be released while they are held (CPython's
 * messages); `using` releases; iteration notices a release halfway.
 */
import {
  exportCount,
  getBuffer,
  NDBuffer,
  PyBUF_FULL_RO,
  PyBUF_SIMPLE,
  releaseBuffer,
} from "@pybuffer/core";
import { describe, expect, it } from "vitest";
import { BufferError, hashBytes, MemoryView, memoryview, Slice, ValueError } from "../src/index.js";

function exporter(n = 8, readonly = false): NDBuffer {
  return new NDBuffer(new Uint8Array(Array.from({ length: n }, (_, i) => i + 1)).buffer, {
    shape: [n],
    readonly,
  });
}

describe("the managed buffer", () => {
  it("takes one export of the base for every view made from the first", () => {
    const nd = exporter();
    const m = memoryview(nd);
    expect(nd.exports).toBe(1);
    const views: MemoryView[] = [m.slice(1), m.cast("B"), m.toReadOnly(), memoryview(m)];
    views.push(views[0]?.slice(null, null, -1) as MemoryView);
    expect(nd.exports).toBe(1);
    for (const v of views) expect(v.obj).toBe(nd);
    m.release();
    expect(nd.exports).toBe(1);
    for (const v of views) v.release();
    expect(nd.exports).toBe(0);
  });

  it("keeps the exporter exported while a slice lives (CPython M44)", () => {
    const nd = exporter();
    const x = memoryview(nd);
    const y = x.slice(1);
    x.release();
    expect(() => nd.setLayout(nd.memory, { shape: [4] })).toThrow(BufferError);
    expect(y.toList()).toEqual([2, 3, 4, 5, 6, 7, 8]);
    y.release();
    expect(nd.exports).toBe(0);
    nd.setLayout(nd.memory, { shape: [4] });
  });

  it("makes every member of a released view raise, except release and equality", () => {
    const m = memoryview(exporter());
    m.release();
    m.release();
    expect(m.released).toBe(true);
    expect(String(m)).toBe("<released memory>");
    expect(m.equals(m)).toBe(true);
    expect(m.equals(memoryview(exporter()))).toBe(false);
    expect(() => m.length).toThrow(
      new ValueError("operation forbidden on released memoryview object"),
    );
    expect(() => [...m]).toThrow(ValueError);
    expect(() => m.count(1)).toThrow(ValueError);
    expect(() => m.index(1)).toThrow(ValueError);
    expect(() => new MemoryView(m)).toThrow(ValueError);
  });

  it("releases at the end of a `using` block", () => {
    const nd = exporter();
    {
      using m = memoryview(nd);
      expect(m.toList()).toHaveLength(8);
      expect(nd.exports).toBe(1);
    }
    expect(nd.exports).toBe(0);
  });

  it("runs `using` natively where the runtime has it (Node 24+), down-levelled elsewhere", () => {
    let native = true;
    try {
      new Function("{ using x = null; }");
    } catch {
      native = false;
    }
    const nd = exporter();
    function scoped(): number {
      using m = memoryview(nd);
      return nd.exports + m.length;
    }
    expect(scoped()).toBe(9);
    expect(nd.exports).toBe(0);
    // vitest.config.ts keeps `using` as written on runtimes that run it.
    expect(/\busing m = /.test(scoped.toString())).toBe(native);
  });

  it("notices a release during iteration", () => {
    const m = memoryview(exporter());
    const it = m[Symbol.iterator]();
    expect(it.next()).toEqual({ done: false, value: 1 });
    m.release();
    expect(() => it.next()).toThrow(
      new ValueError("operation forbidden on released memoryview object"),
    );
  });
});

describe("a memoryview as an exporter", () => {
  it("re-exports with itself as obj and counts exports", () => {
    const m = memoryview(exporter());
    const a = getBuffer(m, PyBUF_SIMPLE);
    const b = getBuffer(m, PyBUF_FULL_RO);
    expect(a.obj).toBe(m);
    expect(b.format).toBe("B");
    expect(() => m.release()).toThrow(new BufferError("memoryview has 2 exported buffers"));
    releaseBuffer(a);
    expect(() => m.release()).toThrow(new BufferError("memoryview has 1 exported buffer"));
    expect(() => m[Symbol.dispose]()).toThrow(BufferError);
    releaseBuffer(b);
    m.release();
    expect(() => getBuffer(m, PyBUF_SIMPLE)).toThrow(ValueError);
  });

  it("is an exporter other memoryviews can view (a new managed buffer)", () => {
    const m = memoryview(exporter());
    const n = memoryview(memoryview(m).toReadOnly());
    expect(n.obj).toBe(m.obj);
    const viaExport = new MemoryView({
      [Symbol.for("pybuffer.bf_getbuffer")]: (flags: number) => getBuffer(m, flags),
    });
    expect(viaExport.toList()).toEqual(m.toList());
  });

  it("keeps the read-only view separate from its source", () => {
    const m = memoryview(exporter());
    const ro = m.toReadOnly();
    expect(ro.readonly).toBe(true);
    expect(m.readonly).toBe(false);
    expect(() => ro.set(0, 1)).toThrow(new TypeError("cannot modify read-only memory"));
    m.set(0, 42);
    expect(ro.get(0)).toBe(42);
    ro.release();
    expect(m.get(0)).toBe(42);
  });
});

describe("hash", () => {
  it("is CPython's hash(bytes) under PYTHONHASHSEED=0, and checks its arguments", () => {
    // PYTHONHASHSEED=0 python3.13 -c "print(hash(b'abc'), hash(b''), hash(b'a' * 100))"
    expect(hashBytes(new Uint8Array([0x61, 0x62, 0x63]))).toBe(-4594863902769663758n);
    expect(hashBytes(new Uint8Array(0))).toBe(0n);
    expect(hashBytes(new Uint8Array(100).fill(0x61))).toBe(-2643860352045292050n);
    expect(hashBytes(new Uint8Array([1]), new Uint8Array(16).fill(7))).not.toBe(
      hashBytes(new Uint8Array([1])),
    );
    expect(() => hashBytes("abc" as never)).toThrow(TypeError);
    expect(() => hashBytes(new Uint8Array(1), new Uint8Array(8))).toThrow(ValueError);
  });

  it("is cached, and still answers after release once computed", () => {
    const m = memoryview(exporter(3, true));
    const h = m.hash();
    m.release();
    expect(m.hash()).toBe(h);
    const n = memoryview(exporter(3, true));
    n.release();
    expect(() => n.hash()).toThrow(ValueError);
  });
});

describe("subclasses", () => {
  it("keep their class through slices, casts and toReadOnly", () => {
    class Tagged extends MemoryView {}
    const m = new Tagged(new NDBuffer(new Uint8Array([1, 2, 3, 4]).buffer, { shape: [4] }));
    for (const derived of [m.slice(1), m.cast("I"), m.toReadOnly(), m.get(new Slice(0, 2))]) {
      expect(derived).toBeInstanceOf(Tagged);
    }
    expect(m.slice(null, null, -1).toList()).toEqual([4, 3, 2, 1]);
  });

  it("must hand their constructor's argument to super()", () => {
    const other = new NDBuffer(new Uint8Array([9]).buffer, { shape: [1] });
    class Stubborn extends MemoryView {
      constructor(_obj: unknown) {
        super(other);
      }
    }
    const m = new Stubborn(new NDBuffer(new Uint8Array([1, 2]).buffer, { shape: [2] }));
    expect(() => m.slice(1)).toThrow(
      "Stubborn: a MemoryView subclass must pass its constructor's argument to super()",
    );
    // The stray view made from `other` was given back.
    expect(exportCount(other)).toBe(1);
    m.release();
    expect(exportCount(other)).toBe(0);
  });

  it("choose what their constructor exports (exporterOf), for new views only", () => {
    const seen: unknown[] = [];
    class Bytes extends MemoryView {
      protected static override exporterOf(obj: unknown): unknown {
        seen.push(obj);
        return obj instanceof Uint8Array
          ? new NDBuffer(obj.slice().buffer, { shape: [obj.length] })
          : obj;
      }
    }
    const source = new Uint8Array([1, 2, 3]);
    const m = new Bytes(source);
    expect(m.toList()).toEqual([1, 2, 3]);
    for (const derived of [m.slice(1), m.cast("B"), m.toReadOnly(), new Bytes(m)]) {
      expect(derived).toBeInstanceOf(Bytes);
      derived.release();
    }
    expect(seen).toEqual([source]);
    expect(() => new Bytes([1, 2])).toThrow(
      new TypeError("memoryview: a bytes-like object is required, not 'list'"),
    );
    m.release();
  });

  it("cannot make a second view from what a slice handed to their constructor", () => {
    let kept: unknown;
    class Keeper extends MemoryView {
      constructor(obj: unknown) {
        kept = obj;
        super(obj);
      }
    }
    const nd = new NDBuffer(new Uint8Array([1, 2, 3]).buffer, { shape: [3] });
    const m = new Keeper(nd);
    const s = m.slice(1);
    expect(s.toList()).toEqual([2, 3]);
    expect(() => new Keeper(kept)).toThrow(
      new TypeError("memoryview: a bytes-like object is required, not 'ViewSeed'"),
    );
    s.release();
    m.release();
    expect(exportCount(nd)).toBe(0);
  });
});
