/**
 * Text as Python reads it, and views laid out as NumPy lays them: bytes values follow
 * Python's bytes-literal rule (ASCII and escapes, one message for everything else),
 * `pybuf view` takes `--order F`, `--strides` and `--offset`, `pybuf layout` opens the
 * same way for every format, and a duplicated field name says which fields and why.
 * Expected values from CPython 3.13 and NumPy (the expression beside each).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseBytes } from "../src/parse-value.js";
import { fixtureDir, pybuf } from "./pybuf.js";

const fixtures = fixtureDir();
afterAll(() => fixtures.remove());

describe("bytes values follow Python's bytes-literal rule", () => {
  it("ASCII, \\x escapes, octal escapes and the one-letter escapes", () => {
    // b'A\101\x41\0\n\q'
    expect(Array.from(parseBytes("A\\101\\x41\\0\\n\\q"))).toEqual([65, 65, 65, 0, 10, 92, 113]);
    // struct.pack('<3s', b'\101\x42C').hex()
    expect(pybuf("pack", "<3s", "\\101\\x42C").stdout).toBe("414243\n");
  });

  it("refuses every character past ASCII alike, with the escapes to write instead", () => {
    const latin = pybuf("pack", "<3s", "héllo");
    const euro = pybuf("pack", "<3s", "€ab");
    expect([latin.status, latin.stdout, latin.stderr]).toEqual([
      1,
      "",
      "ValueError: bytes can only contain ASCII literal characters, and 'é' at position 1 is not " +
        "one: write the bytes you mean as \\x escapes (\\xc3\\xa9 is its UTF-8)\n",
    ]);
    expect(euro.stderr).toBe(
      "ValueError: bytes can only contain ASCII literal characters, and '€' at position 0 is not " +
        "one: write the bytes you mean as \\x escapes (\\xe2\\x82\\xac is its UTF-8)\n",
    );
    expect(pybuf("pack", "c", "é").stderr).toContain("'é' at position 0 is not one");
  });

  it("a broken \\x escape, as Python says it", () => {
    // b'\101\x4' -> invalid \x escape at position 4
    expect(pybuf("pack", "<3s", "\\101\\x4").stderr).toBe(
      "ValueError: invalid \\x escape at position 4\n",
    );
  });
});

describe("pybuf view lays files out as NumPy does", () => {
  // np.arange(6, dtype='>i2').tobytes()
  const file = join(fixtures.dir, "six.bin");
  writeFileSync(file, Buffer.from("000000010002000300040005", "hex"));

  it("--order F: np.ndarray((2, 3), '>i2', data, order='F').tolist()", () => {
    const run = pybuf("view", file, "--format", ">h", "--shape", "2,3", "--order", "F", "--info");
    expect(run.stdout).toBe(
      "format '>h', itemsize 2, ndim 2, shape (2, 3), strides (2, 4), nbytes 12, readonly True\n" +
        "[[0, 2, 4],\n [1, 3, 5]]\n",
    );
  });

  it("--strides and --offset: np.ndarray((2, 2), '>i2', data, offset=2, strides=(2, 4))", () => {
    const run = pybuf(
      "view",
      file,
      "--format",
      ">h",
      "--shape",
      "2,2",
      "--strides",
      "2,4",
      "--offset",
      "2",
    );
    expect(run.stdout).toBe("[[1, 3],\n [2, 4]]\n");
    const back = pybuf(
      "view",
      file,
      "--format",
      ">h",
      "--shape",
      "3",
      "--strides",
      "-4",
      "--offset",
      "8",
    );
    expect([back.stdout, back.stderr]).toEqual(["", expect.stringContaining("outside")]);
  });

  it("strides that reach outside the bytes are refused", () => {
    const run = pybuf("view", file, "--format", ">h", "--shape", "2,3", "--strides", "2,6");
    expect([run.status, run.stderr]).toEqual([
      1,
      "ValueError: fromTypedArray: the layout reaches bytes 0 to 16, outside the source's 12 bytes\n",
    ]);
  });

  it("bad --order and --strides are usage errors", () => {
    expect(pybuf("view", file, "--format", "h", "--order", "K").stderr).toBe(
      "pybuf view: --order must be C or F, not 'K' (see 'pybuf view --help')\n",
    );
    expect(pybuf("view", file, "--format", "h", "--strides", "2").stderr).toBe(
      "pybuf view: --strides needs --shape with as many dimensions (see 'pybuf view --help')\n",
    );
    expect(
      pybuf("view", file, "--format", "h", "--shape", "6", "--strides", "2", "--order", "F").status,
    ).toBe(2);
  });
});

describe("pybuf layout", () => {
  it("opens with the format's repr, short or long", () => {
    const long = `<${"H".repeat(30)}:tail: ${"b".repeat(20)}`;
    expect(pybuf("layout", "<h").stdout.split("\n")[0]).toBe(
      "'<h': 2 bytes, alignment 1, little-endian, standard sizes, no alignment",
    );
    expect(pybuf("layout", long).stdout.split("\n")[0]).toBe(
      `'${long}': 80 bytes, alignment 1, little-endian, standard sizes, no alignment`,
    );
    expect(pybuf("layout", "b'x'").stderr).toBe("struct.error: bad char in struct format\n");
  });

  it("a record with two fields of one name says which and why", () => {
    const elf = "<T{4s:magic: B:version: B:abi:}:ident: H:type: I:version:";
    expect(pybuf("layout", elf).status).toBe(0);
    const run = pybuf("layout", "<T{4s:magic: B:version: B:abi: I:version:}:ident:");
    expect(run.stderr).toBe(
      "struct.error: duplicate field name 'version' in struct format: field 3 of the same " +
        "record has the name of field 1 (offset 4); a record unpacks to an object keyed by " +
        "its names, so rename one (or leave it unnamed)\n",
    );
  });
});
