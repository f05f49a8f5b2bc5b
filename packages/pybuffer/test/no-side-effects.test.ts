/**
 * Importing `pybuffer` changes nothing global: no built-in prototype gains, loses or
 * swaps a property (string or symbol keyed), and `globalThis` stays as it was. This file
 * imports the package only inside the test, after taking the first snapshot.
 */
import { describe, expect, it } from "vitest";

const typedArrays = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
];

/** The objects a patching library would touch, by name. */
function targets(): [string, object][] {
  return [
    ["globalThis", globalThis],
    ["Object.prototype", Object.prototype],
    ["Function.prototype", Function.prototype],
    ["Array.prototype", Array.prototype],
    ["%TypedArray%.prototype", Object.getPrototypeOf(Uint8Array.prototype) as object],
    ...typedArrays.map((c): [string, object] => [`${c.name}.prototype`, c.prototype]),
    ["DataView.prototype", DataView.prototype],
    ["ArrayBuffer.prototype", ArrayBuffer.prototype],
    ["SharedArrayBuffer.prototype", SharedArrayBuffer.prototype],
    ["Blob.prototype", Blob.prototype],
    ["Buffer.prototype", Buffer.prototype],
    ["WebAssembly.Memory.prototype", WebAssembly.Memory.prototype],
  ];
}

/** Every own property of every target: key, and the value or accessors it holds. */
function snapshot(): Map<string, unknown[]> {
  const all = new Map<string, unknown[]>();
  for (const [name, target] of targets()) {
    for (const key of Reflect.ownKeys(target)) {
      // The test runner's own globals come and go as modules load.
      if (name === "globalThis" && typeof key === "string" && key.startsWith("__vite")) continue;
      const d = Object.getOwnPropertyDescriptor(target, key)!;
      // Node defines some globals (TextEncoder, TextDecoder, …) as getters that become
      // plain values when first read (fflate reads them): compare what a global holds.
      const entry =
        name === "globalThis"
          ? [Reflect.get(target, key), d.writable !== false, d.enumerable]
          : [d.value, d.get, d.set, d.writable, d.enumerable];
      all.set(`${name}[${String(key)}]`, entry);
    }
  }
  return all;
}

describe("import 'pybuffer'", () => {
  it("patches no built-in prototype and adds no global", async () => {
    // Reading the descriptors of globalThis makes Node load its lazy globals: on Node 24+
    // the web globals add undici's dispatcher symbols, and a lazy global read once (fflate
    // reads TextEncoder) becomes a plain value. A first snapshot settles what Node itself
    // does, so the one compared is taken after it.
    snapshot();
    const before = snapshot();
    const pybuffer = await import("../src/index.js");
    // Use it too: JS binary types are accepted by lookup, not by installing anything.
    pybuffer.memoryview(new Float64Array(2)).toList();
    pybuffer.unpack("<I", new Uint8Array(4));
    const legacy = await import("../src/legacy.js");
    legacy.buffer(new DataView(new ArrayBuffer(4)), 1, 2);
    const after = snapshot();
    expect([...after.keys()].filter((k) => !before.has(k))).toEqual([]);
    expect([...before.keys()].filter((k) => !after.has(k))).toEqual([]);
    for (const [key, value] of before) expect(after.get(key), key).toEqual(value);
    expect(Symbol.for("pybuffer.bf_getbuffer") in new Uint8Array(1)).toBe(false);
  });
});
