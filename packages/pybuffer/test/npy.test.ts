/**
 * `@pybuffer/npy` through the umbrella: what loadNpy returns is an exporter, so a
 * memoryview takes it as it is; a large file's records stream through
 * `@pybuffer/blob` with the struct format of its dtype.
 */
import { describe, expect, it } from "vitest";
import * as blob from "../src/blob.js";
import { MemoryView, memoryview, NDBuffer } from "../src/index.js";
import * as npy from "../src/npy.js";

function records(n: number): Uint8Array<ArrayBuffer> {
  const data = new ArrayBuffer(n * 12);
  const dv = new DataView(data);
  for (let i = 0; i < n; i++) {
    dv.setInt32(i * 12, i, true);
    dv.setFloat64(i * 12 + 4, i / 2, true);
  }
  return npy.saveNpy(new NDBuffer(data, { shape: [n], format: "T{<i:id:d:value:}" }));
}

describe("npy in the umbrella", () => {
  it("memoryview(loadNpy(bytes)) views the file in place", () => {
    const bytes = npy.saveNpy(
      memoryview(new Float64Array([1.5, 2.5, 3.5, 4.5]))
        .cast("B")
        .cast("d", [2, 2]),
    );
    const m = memoryview(npy.loadNpy(bytes));
    expect(m).toBeInstanceOf(MemoryView);
    expect(m.shape).toEqual([2, 2]);
    expect(m.toList()).toEqual([
      [1.5, 2.5],
      [3.5, 4.5],
    ]);
    m.set([1, 1], 9);
    expect(new Float64Array(bytes.buffer, 128 + 24, 1)[0]).toBe(9);
  });

  it("a File's records stream through blob.iterUnpackBlobColumns", async () => {
    const n = 1000;
    const file = await npy.openNpy(new File([records(n)], "records.npy"));
    expect(file.format).toBe("T{i:id:=d:value:}");
    const format = npy.structFormatFromDescr(file.header.descr);
    expect(format).toBe("<id");
    let ids = 0;
    let sum = 0;
    for await (const [id, value] of blob.iterUnpackBlobColumns(format, file.dataBlob())) {
      ids += (id as Int32Array).length;
      sum += (value as Float64Array).reduce((a, b) => a + b, 0);
    }
    expect([ids, sum]).toEqual([n, (n * (n - 1)) / 4]);
  });
});
