import { describe, expect, it } from "vitest";
import { pybuf, SAMPLE } from "./pybuf.js";

// The README's main job: `pybuf` with no arguments tours the bundled WAV file. The
// values are the file's (python3 sample/make_sample.py), checked against Python's own
// `wave` module: wave.open("sample/tone.wav").getparams() gives nchannels=2,
// sampwidth=2, framerate=8000, nframes=64.
describe("pybuf with no arguments", () => {
  const run = pybuf();
  const lines = run.stdout.split("\n");

  it("succeeds and names the sample", () => {
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(lines[1]).toBe(`${SAMPLE}:`);
  });

  it("shows the layout, the unpacked header, the hex and a view of the samples", () => {
    const commands = lines.filter((l) => l.startsWith("$ pybuf "));
    expect(commands.map((c) => c.split(" ")[2])).toEqual(["layout", "unpack", "hex", "view"]);
    expect(run.stdout).toContain("    20       2  f       H     audio_format\n");
    const header = [
      "riff.id = b'RIFF'",
      "riff.size = 292",
      "riff.format = b'WAVE'",
      "fmt.id = b'fmt '",
      "fmt.size = 16",
      "fmt.audio_format = 1",
      "fmt.channels = 2",
      "fmt.sample_rate = 8000",
      "fmt.byte_rate = 32000",
      "fmt.block_align = 4",
      "fmt.bits_per_sample = 16",
      "data.id = b'data'",
      "data.size = 256",
    ];
    expect(run.stdout).toContain(`${header.join("\n")}\n`);
    expect(run.stdout).toContain(
      "00000000  52494646 24010000 57415645 666d7420  |RIFF$...WAVEfmt |\n",
    );
    expect(
      run.stdout.endsWith(
        "format '<h', itemsize 2, ndim 2, shape (64, 2), strides (4, 2), nbytes 256, readonly True\n" +
          "[[0, 0],\n [4592, -2296],\n [8485, -4243],\n ...,\n [-11087, 5543],\n [-8485, 4243],\n [-4592, 2296]]\n",
      ),
    ).toBe(true);
  });

  it("prints exactly what the commands it echoes print", () => {
    const view = pybuf(
      "view",
      SAMPLE,
      "--offset",
      "44",
      "--format",
      "<h",
      "--shape",
      "64,2",
      "--info",
      "--max-items",
      "24",
    );
    expect(run.stdout.endsWith(view.stdout)).toBe(true);
  });
});
