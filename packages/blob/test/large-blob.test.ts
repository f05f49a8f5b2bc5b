import { Struct } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { iterUnpackBlob } from "../src/iter-unpack-blob.js";

const MiB = 1 << 20;

describe("iterUnpackBlob over a gigabyte", () => {
  it("streams 1 GiB in constant memory", async () => {
    // One 1 MiB part repeated 1024 times: a 1 GiB Blob that holds 1 MiB of data.
    const record = new Struct("<Q4088x");
    const part = new Uint8Array(MiB);
    for (let i = 0; i < MiB / record.size; i++) record.packInto(part, i * record.size, BigInt(i));
    const blob = new Blob(new Array<Blob>(1024).fill(new Blob([part])));
    expect(blob.size).toBe(1024 * MiB);

    const before = process.memoryUsage();
    let peakArrayBuffers = 0;
    let records = 0;
    let sum = 0n;
    for await (const [value] of iterUnpackBlob("<Q4088x", blob, {
      onProgress: () => {
        peakArrayBuffers = Math.max(peakArrayBuffers, process.memoryUsage().arrayBuffers);
      },
    })) {
      sum += value as bigint;
      records++;
    }
    const after = process.memoryUsage();
    expect(records).toBe((1024 * MiB) / 4096);
    expect(sum).toBe(1024n * ((256n * 255n) / 2n));
    // A copy of the Blob would be 1024 MiB. The stream holds a few chunks at a time, but
    // `arrayBuffers` also counts chunks already dropped and not yet collected, so the bound
    // leaves room for the collector's timing (one CI run peaked at 64.0 MiB).
    expect(peakArrayBuffers - before.arrayBuffers).toBeLessThan(256 * MiB);
    expect(after.rss - before.rss).toBeLessThan(256 * MiB);
  });
});
