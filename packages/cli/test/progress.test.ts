import { describe, expect, it } from "vitest";
import { progressBar } from "../src/progress.js";

const MiB = 1024 * 1024;

/** A stand-in for process.stderr that records what is written. */
function fakeStderr(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}

describe("the progress bar of pybuf unpack", () => {
  it("draws on a terminal for a large input, then erases itself", () => {
    const { stream, written } = fakeStderr(true);
    const bar = progressBar(64 * MiB, stream);
    bar.update(32 * MiB);
    bar.update(33 * MiB); // within 100 ms of the last drawing: not redrawn
    bar.finish();
    expect(written).toEqual([
      `\r${"█".repeat(15)}${"░".repeat(15)} 50% 32.0/64.0 MiB`,
      "\r\x1b[2K",
    ]);
  });

  it("draws nothing in a pipe or a file, nor for a small input", () => {
    for (const [isTTY, total] of [
      [false, 64 * MiB],
      [true, 1 * MiB],
    ] as const) {
      const { stream, written } = fakeStderr(isTTY);
      const bar = progressBar(total, stream);
      bar.update(total / 2);
      bar.finish();
      expect(written).toEqual([]);
    }
  });
});
