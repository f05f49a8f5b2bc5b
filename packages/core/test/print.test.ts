/**
 * How core's objects print (`String()`, `console.log`): exporters and the views
 * getBuffer gives show their layout and first items, never bytes outside the view.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  bf_getbuffer,
  describeView,
  Exportable,
  fillInfo,
  getBuffer,
  LayoutExporter,
  NDBuffer,
  PyBUF_FULL_RO,
  PyBUF_SIMPLE,
  PyBUF_WRITABLE,
  releaseBuffer,
  verifyLayout,
} from "../src/index.js";

describe("exporters print their layout and first items", () => {
  it("an NDBuffer", () => {
    const nd = NDBuffer.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3], format: "<h" });
    const text =
      "<NDBuffer format='<h' shape=(2, 3) strides=(6, 2) readonly=False exports=0 " +
      "[[1, 2, 3], [4, 5, 6]]>";
    expect(String(nd)).toBe(text);
    expect(inspect(nd)).toBe(text);
    expect(inspect([nd], { breakLength: Number.POSITIVE_INFINITY })).toBe(`[ ${text} ]`);
  });

  it("counts the exports held, not the one printing takes", () => {
    const nd = NDBuffer.fromItems([1.5, -0], { shape: [2], format: "d" });
    const view = getBuffer(nd, PyBUF_FULL_RO);
    expect(String(nd)).toBe(
      "<NDBuffer format='d' shape=(2,) strides=(8,) readonly=False exports=1 [1.5, -0.0]>",
    );
    releaseBuffer(view);
    expect(String(nd)).toContain("exports=0");
  });

  it("a 0-d exporter, suboffsets, and negative strides", () => {
    expect(String(NDBuffer.fromItems(true, { shape: [], format: "?" }))).toBe(
      "<NDBuffer format='?' shape=() strides=() readonly=False exports=0 True>",
    );
    const pil = NDBuffer.fromItems([1, 2, 3, 4], { shape: [2, 2], pil: true });
    expect(String(pil)).toMatch(
      /suboffsets=\(0, -1\) readonly=False exports=0 \[\[1, 2\], \[3, 4\]\]>$/,
    );
    const memory = new Uint8Array([1, 2, 3, 4]).buffer;
    const back = new NDBuffer(memory, { shape: [4], strides: [-1], offset: 3 });
    expect(String(back)).toMatch(/strides=\(-1,\) .* \[4, 3, 2, 1\]>$/);
  });

  it("elides long views and reads only the items it shows", () => {
    const nd = NDBuffer.fromItems(
      Array.from({ length: 1000 }, (_, i) => i),
      { shape: [10, 100], format: "<i" },
    );
    const text = String(nd);
    expect(text).toContain("[[0, 1, 2, 3, 4, 5, 6, 7, ...], [100, 101,");
    expect(text).toMatch(/\[300, 301, 302, 303, 304, 305, 306, 307, \.\.\.\], \.\.\.\]>$/);
  });

  it("never shows bytes of the memory outside the view", () => {
    // 'S' (83) around the view's four bytes: none of it may print.
    const memory = new Uint8Array(64).fill(83);
    memory.set([1, 2, 3, 4], 30);
    const layout = verifyLayout({ format: "B", itemsize: 1, shape: [4] });
    const exporter = new LayoutExporter(memory.buffer, 30, layout, true, "bytes");
    expect(String(exporter)).toBe(
      "<LayoutExporter format='B' shape=(4,) strides=(1,) readonly=True exports=0 [1, 2, 3, 4]>",
    );
    expect(String(exporter)).not.toContain("83");
  });

  it("a format struct cannot read prints each item's bytes", () => {
    const nd = NDBuffer.fromItems([1, 2], { shape: [2], format: "B" });
    const view = getBuffer(nd, PyBUF_FULL_RO);
    expect(describeView("v", { ...view, format: "O" })).toBe(
      "<v format='O' shape=(2,) strides=(1,) readonly=False [b'\\x01', b'\\x02']>",
    );
    releaseBuffer(view);
  });

  it("an exporter that refuses says why", () => {
    class Refusing extends Exportable {
      [bf_getbuffer](): never {
        throw new RangeError("not now");
      }
    }
    expect(String(new Refusing())).toBe("<Refusing exports=0 (no view: RangeError: not now)>");
  });

  it("an exporter over a detached buffer says it cannot read the items", () => {
    const memory = new ArrayBuffer(4);
    const layout = verifyLayout({ format: "B", itemsize: 1, shape: [4] });
    const exporter = new LayoutExporter(memory, 0, layout, false, "bytes");
    structuredClone(memory, { transfer: [memory] });
    expect(String(exporter)).toMatch(
      /^<LayoutExporter exports=0 \(no view: BufferError: .*detached\)>$/,
    );
  });
});

describe("views from getBuffer print as Py_buffer", () => {
  it("with the exporter's class, and released once given back", () => {
    const nd = NDBuffer.fromItems([7, 8], { shape: [2], format: "<H" });
    const view = getBuffer(nd, PyBUF_FULL_RO);
    expect(String(view)).toBe(
      "<Py_buffer obj=NDBuffer format='<H' shape=(2,) strides=(2,) readonly=False [7, 8]>",
    );
    releaseBuffer(view);
    expect(inspect(view)).toBe(
      "<Py_buffer obj=None format='<H' shape=(2,) strides=(2,) readonly=False released=True>",
    );
  });

  it("a view without shape is len bytes", () => {
    const nd = NDBuffer.fromItems([7, 8], { shape: [2], format: "<H" });
    const view = getBuffer(nd, PyBUF_SIMPLE);
    expect(String(view)).toBe(
      "<Py_buffer obj=NDBuffer format='B' readonly=False len=4 [7, 0, 8, 0]>",
    );
    releaseBuffer(view);
  });

  it("fillInfo's views too", () => {
    const memory = new Uint8Array([9, 9, 104, 105, 9]).buffer;
    const owner = {
      [bf_getbuffer]: (flags: number) => fillInfo(owner, memory, 2, 2, true, flags),
    };
    const view = getBuffer(owner, PyBUF_FULL_RO);
    expect(String(view)).toBe(
      "<Py_buffer obj=object format='B' shape=(2,) strides=(1,) readonly=True [104, 105]>",
    );
    releaseBuffer(view);
    expect(() => getBuffer(owner, PyBUF_WRITABLE)).toThrow("Object is not writable.");
  });
});

describe("types", () => {
  it("describeView takes a view and key=value parts", () => {
    const nd = NDBuffer.fromItems([1], { shape: [1] });
    const view = getBuffer(nd, PyBUF_FULL_RO);
    expect(describeView("v", view, { extra: 1 })).toContain("extra=1");
    // @ts-expect-error: parts are numbers, strings, booleans or number arrays
    expect(describeView("v", view, { bad: {} })).toContain("bad=");
    releaseBuffer(view);
  });
});
