/**
 * Issue #19 items 7 and 12: `count(x)`, `index(x)` and `set(i, x)` read the getters of
 * `x` once, and a getter that detaches or shrinks the memory gives the family's
 * `ValueError`, never V8's errors.
 */
import { NDBuffer } from "@pybuffer/core";
import { describe, expect, it } from "vitest";
import { plainValue } from "../src/argument.js";
import { memoryview, ValueError } from "../src/index.js";

function detach(memory: ArrayBuffer): void {
  structuredClone(memory, { transfer: [memory] });
}

/** A complex value whose `re` getter counts its reads and runs `effect`. */
function complexValue(effect: () => void = () => {}): { value: object; reads: () => number } {
  let reads = 0;
  const value = {
    get re(): number {
      reads++;
      effect();
      return 1;
    },
    im: 2,
  };
  return { value, reads: () => reads };
}

describe("arguments are read once", () => {
  const zd = () => {
    const memory = new ArrayBuffer(48);
    new Float64Array(memory).set([0, 0, 1, 2, 1, 2]);
    return memoryview(new NDBuffer(memory, { shape: [3], format: "<Zd" }));
  };

  it("count, index and set on a <Zd view", () => {
    const m = zd();
    const a = complexValue();
    expect(m.count(a.value)).toBe(2);
    expect(a.reads()).toBe(1);
    const b = complexValue();
    expect(m.index(b.value)).toBe(1);
    expect(b.reads()).toBe(1);
    const c = complexValue();
    m.set(0, c.value);
    expect(c.reads()).toBe(1);
    expect(m.toList()).toEqual([
      { re: 1, im: 2 },
      { re: 1, im: 2 },
      { re: 1, im: 2 },
    ]);
  });

  it("record fields and nested arrays are read once each", () => {
    const memory = new ArrayBuffer(16);
    const m = memoryview(new NDBuffer(memory, { shape: [2], format: "T{<i:a:<i:b:}" }));
    let reads = 0;
    const record = {
      get a(): number {
        reads++;
        return 5;
      },
      b: 6,
    };
    m.set(1, record);
    expect(reads).toBe(1);
    expect(m.count(record)).toBe(1);
    expect(reads).toBe(2);
    expect(m.toList()).toEqual([
      { a: 0, b: 0 },
      { a: 5, b: 6 },
    ]);
  });

  it("plainValue copies cycles and deep nesting into a value equal to no item", () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    const out = plainValue(cyclic) as unknown[];
    expect(typeof out[0]).toBe("symbol");
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => plainValue(deep)).not.toThrow();
    class Complex {
      get re(): number {
        return 3;
      }
      get im(): number {
        return 4;
      }
    }
    expect(plainValue(new Complex())).toEqual({ re: 3, im: 4 });
  });
});

describe("a getter that changes the memory (issue #19 item 7)", () => {
  it("detached inside set: ValueError, and nothing written", () => {
    const memory = new ArrayBuffer(32);
    const m = memoryview(new NDBuffer(memory, { shape: [2], format: "<Zd" }));
    // Detached once: Node 22+ refuse to transfer a detached buffer again.
    const { value } = complexValue(() => memory.byteLength > 0 && detach(memory));
    expect(() => m.set(1, value)).toThrow(ValueError);
    expect(() => m.set(1, value)).toThrow(/detached/);
  });

  it("shrunk inside set: ValueError", () => {
    const memory = new ArrayBuffer(32, { maxByteLength: 64 });
    const m = memoryview(new NDBuffer(memory, { shape: [2], format: "<Zd" }));
    const { value } = complexValue(() => memory.resize(8));
    expect(() => m.set(1, value)).toThrow(ValueError);
    memory.resize(32);
    m.set(1, { re: 1, im: 2 });
    expect(m.get(1)).toEqual({ re: 1, im: 2 });
  });

  it("detached inside count and index: ValueError", () => {
    for (const call of ["count", "index"] as const) {
      const memory = new ArrayBuffer(32);
      const m = memoryview(new NDBuffer(memory, { shape: [2], format: "<Zd" }));
      const { value } = complexValue(() => detach(memory));
      expect(() => m[call](value), call).toThrow(ValueError);
    }
  });
});
