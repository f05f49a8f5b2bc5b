/**
 * Issue #19 item 13: the leak probe. 10⁶ getBuffer/releaseBuffer cycles (a strided
 * exporter, and a PIL one every tenth cycle) leave the heap as it was: run in a child
 * process with `--expose-gc`, comparing the heap after a warm-up with the heap after
 * the cycles.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const CORE = new URL("../dist/index.js", import.meta.url).href;

const PROBE = `
import { NDBuffer, getBuffer, releaseBuffer, PyBUF_FULL_RO, PyBUF_RECORDS_RO, toSuboffsets } from ${JSON.stringify(CORE)};
const strided = new NDBuffer(new ArrayBuffer(64), { shape: [4, 4], format: "<i" });
const pil = toSuboffsets(new ArrayBuffer(16), { shape: [4, 4], strides: [4, 1], offset: 0 });
const indirect = new NDBuffer(pil.memory, { shape: [4, 4], strides: pil.strides, suboffsets: pil.suboffsets, offset: pil.buf });
const cycle = (n) => {
  for (let i = 0; i < n; i++) {
    const a = getBuffer(strided, PyBUF_RECORDS_RO);
    if (i % 10 === 0) releaseBuffer(getBuffer(indirect, PyBUF_FULL_RO));
    releaseBuffer(a);
  }
};
cycle(100000);
globalThis.gc(); globalThis.gc();
const before = process.memoryUsage().heapUsed;
cycle(1000000);
globalThis.gc(); globalThis.gc();
const after = process.memoryUsage().heapUsed;
console.log(JSON.stringify({ growth: after - before, exports: strided.exports + indirect.exports }));
`;

describe("getBuffer / releaseBuffer", () => {
  it("10⁶ cycles keep the heap flat and the export counts at zero", () => {
    const run = spawnSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", PROBE], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.stderr).toBe("");
    const { growth, exports } = JSON.parse(run.stdout) as { growth: number; exports: number };
    expect(exports).toBe(0);
    expect(growth).toBeLessThan(256 * 1024);
  }, 120_000);
});
