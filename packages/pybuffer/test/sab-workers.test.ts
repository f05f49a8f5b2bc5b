/**
 * A SharedArrayBuffer written by another thread all the while: views, casts, copies and
 * struct calls over it keep to their own bytes, give values of the right shape and type,
 * raise nothing, and leave no export behind (#19's SAB-worker probe, as a test).
 */
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyData, exportCount, memoryview, NDBuffer, unpack } from "../src/index.js";
import * as typedarray from "../src/typedarray.js";

const { fromTypedArray } = typedarray;

const SIZE = 4096;
// The worker fills [0, SIZE) with changing bytes until told to stop (flag at SIZE).
const WRITER = `
const { workerData } = require("node:worker_threads");
const bytes = new Uint8Array(workerData);
const flag = new Int32Array(workerData, ${SIZE}, 1);
let n = 0;
Atomics.store(flag, 0, 1);
while (Atomics.load(flag, 0) === 1) {
  for (let i = 0; i < ${SIZE}; i++) bytes[i] = (i + n) & 255;
  n++;
}
`;

let sab: SharedArrayBuffer;
let worker: Worker;

beforeAll(async () => {
  sab = new SharedArrayBuffer(SIZE + 4);
  worker = new Worker(WRITER, { eval: true, workerData: sab });
  const flag = new Int32Array(sab, SIZE, 1);
  // Wait until the writer runs, so the reads below race with it.
  while (Atomics.load(flag, 0) !== 1) await new Promise((r) => setTimeout(r, 5));
});

afterAll(async () => {
  Atomics.store(new Int32Array(sab, SIZE, 1), 0, 2);
  await worker.terminate();
});

describe("a SharedArrayBuffer written by a worker", () => {
  it("is read and copied through views that keep to their own bytes", () => {
    const region = new Uint8Array(sab, 1024, 2048);
    const exporter = fromTypedArray(region);
    for (let round = 0; round < 100; round++) {
      const m = memoryview(exporter);
      const cast = m.cast("H", [32, 32]);
      const list = cast.toList() as number[][];
      expect(list).toHaveLength(32);
      for (const row of list) {
        expect(row).toHaveLength(32);
        for (const v of row) expect(Number.isInteger(v) && v >= 0 && v <= 65535).toBe(true);
      }
      const odd = m.slice(1, undefined, 2);
      expect(odd.toBytes()).toHaveLength(1024);
      expect(odd.hex()).toMatch(/^[0-9a-f]{2048}$/);
      const head = m.slice(0, 12);
      const [a, b] = unpack("<Iq", head) as [number, bigint];
      expect(a >= 0 && a < 2 ** 32 && typeof b === "bigint").toBe(true);
      // A copy into a region of a larger memory leaves the bytes around it alone.
      const destMemory = new ArrayBuffer(2048 + 16);
      copyData(new NDBuffer(destMemory, { shape: [2048], offset: 8 }), m);
      expect(new Uint8Array(destMemory, 0, 8)).toEqual(new Uint8Array(8));
      expect(new Uint8Array(destMemory, 2056, 8)).toEqual(new Uint8Array(8));
      for (const v of [cast, odd, head, m]) v.release();
    }
    expect(exportCount(exporter)).toBe(0);
  });

  it("is aliased by toTypedArray over the same shared memory", () => {
    const view = typedarray.toTypedArray(fromTypedArray(new Int32Array(sab, 0, 256)));
    expect(view).toBeInstanceOf(Int32Array);
    expect(view.buffer).toBe(sab);
    expect(view.byteOffset).toBe(0);
    expect(view.length).toBe(256);
  });
});
