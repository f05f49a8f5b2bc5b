import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureDir, pybuf, pybufWith, SAMPLE } from "./pybuf.js";

const fixtures = fixtureDir();
afterAll(() => fixtures.remove());

// Expected values printed by CPython 3.13 (python3.13 -c "…" given beside each).
describe("pybuf calcsize", () => {
  it("prints struct.calcsize", () => {
    expect(pybuf("calcsize", "@bxq3s?").stdout).toBe("20\n"); // struct.calcsize('@bxq3s?')
    expect(pybuf("calcsize", "<IHHd").stdout).toBe("16\n");
    expect(pybuf("calcsize", "@l").stdout).toBe("8\n");
    expect(pybuf("calcsize", "@l", "--abi", "llp64").stdout).toBe("4\n");
    expect(pybuf("calcsize", "P", "--abi", "wasm32").stdout).toBe("4\n");
  });
});

describe("pybuf pack", () => {
  it("prints struct.pack(...).hex(), reading values as Python reads text", () => {
    // struct.pack('<hd?3s', -2, 1.5, True, b'ab').hex()
    expect(pybuf("pack", "<hd?3s", "-2", "1.5", "True", "ab").stdout).toBe(
      "feff000000000000f83f01616200\n",
    );
    // struct.pack('>qQ?e', -2, 2**64-1, False, 1.5).hex()
    expect(pybuf("pack", ">qQ?e", "-2", "18446744073709551615", "False", "1.5").stdout).toBe(
      "fffffffffffffffeffffffffffffffff003e00\n",
    );
    // struct.pack('<Bhf4s', 0x10, -0b11, float('-inf'), b'\x00\xffab').hex()
    expect(pybuf("pack", "<Bhf4s", "0x10", "-0b11", "-inf", "\\x00\\xffab").stdout).toBe(
      "10fdff000080ff00ff6162\n",
    );
  });

  it("packs records and sub-arrays from JSON, complex numbers from text", () => {
    expect(pybuf("pack", "<T{h:a: b:b:}(2)B", '{"a": 1, "b": -1}', "[3, 4]").stdout).toBe(
      "0100ff0304\n",
    );
    expect(pybuf("pack", "<Zf", "1+2j").stdout).toBe("0000803f00000040\n");
  });

  it("writes the bytes to a file with -o", () => {
    const out = join(fixtures.dir, "packed.bin");
    const run = pybuf("pack", "<IH", "7", "-1", "-o", out);
    expect(run.status).toBe(1); // H cannot take -1: nothing written
    expect(run.stderr).toBe("struct.error: 'H' format requires 0 <= number <= 65535\n");
    expect(pybuf("pack", "<IH", "7", "65535", "-o", out).stdout).toBe("");
    expect(readFileSync(out).toString("hex")).toBe("07000000ffff");
  });
});

describe("pybuf hex", () => {
  const file = fixtures.file(
    "range.bin",
    Buffer.from(Array.from({ length: 20 }, (_, i) => i)).toString("hex"),
  );

  it("matches bytes.hex(sep, bytes_per_sep) exactly", () => {
    // bytes(range(20)).hex(':', 2), .hex('-', -3), .hex()
    expect(pybuf("hex", file, "--sep", ":", "--bytes-per-sep", "2").stdout).toBe(
      "0001:0203:0405:0607:0809:0a0b:0c0d:0e0f:1011:1213\n",
    );
    expect(pybuf("hex", file, "--sep", "-", "--bytes-per-sep", "-3").stdout).toBe(
      "000102-030405-060708-090a0b-0c0d0e-0f1011-1213\n",
    );
    expect(pybuf("hex", file, "--plain").stdout).toBe(
      `${"000102030405060708090a0b0c0d0e0f10111213"}\n`,
    );
    // bytes(range(2, 7)).hex(' ', 2)
    expect(
      pybuf("hex", file, "--offset", "2", "--length", "5", "--sep", " ", "--bytes-per-sep", "2")
        .stdout,
    ).toBe("02 0304 0506\n");
  });

  it("dumps with offsets, groups of 4 and ASCII by default", () => {
    expect(pybuf("hex", SAMPLE, "--length", "20").stdout).toBe(
      "00000000  52494646 24010000 57415645 666d7420  |RIFF$...WAVEfmt |\n" +
        "00000010  10000000                             |....|\n",
    );
  });
});

describe("pybuf layout", () => {
  it("maps offsets, sizes, padding and names", () => {
    expect(pybuf("layout", "@bxq3s:tag:?").stdout).toBe(
      [
        "'@bxq3s:tag:?': 20 bytes, alignment 8, little-endian, native sizes and alignment (lp64)",
        "offset    size  byte  code  name",
        "     0       1  a     b     f0",
        "     1       1  .     x     (pad bytes)",
        "     2       6  .           (padding)",
        "     8       8  b     q     f1",
        "    16       3  c     3s    tag",
        "    19       1  d     ?     f3",
        "",
        "   0  a... .... bbbb bbbb",
        "  16  cccd",
        "",
      ].join("\n"),
    );
  });

  it("indents nested records and shows their trailing padding", () => {
    const run = pybuf("layout", "T{3h:a: (2,2)b:b: i:c:}:rec: b", "--abi", "wasm32");
    expect(run.stdout.split("\n").slice(1, 8)).toEqual([
      "offset    size  byte  code      name",
      "     0      16        T{…}      rec",
      "     0       6  a       (3)h      a",
      "     6       4  b       (2,2)b    b",
      "    10       2  .                 (padding)",
      "    12       4  c       i         c",
      "    16       1  d     b         f1",
    ]);
  });

  it("colours the map when asked (FORCE_COLOR), never in a pipe", () => {
    expect(pybuf("layout", "<hd").stdout).not.toContain("\x1b[");
    const coloured = pybufWith({ FORCE_COLOR: "1", NO_COLOR: "" }, "layout", "<hd").stdout;
    expect(coloured).toContain("\x1b[31ma\x1b[39m\x1b[31ma\x1b[39m"); // field 0: red
    expect(coloured).toContain("\x1b[32mb\x1b[39m"); // field 1: green
  });
});

describe("pybuf view", () => {
  const doubles = fixtures.file(
    "d.bin",
    Buffer.from(new Float64Array([0.5, 1, 1.5, 2, 2.5, 3]).buffer).toString("hex"),
  );

  it("prints tolist(), n-d one row a line", () => {
    expect(pybuf("view", doubles, "--format", "<d").stdout).toBe(
      "[0.5, 1.0, 1.5, 2.0, 2.5, 3.0]\n",
    );
    expect(pybuf("view", doubles, "--format", "d", "--shape", "2,3", "--info").stdout).toBe(
      "format 'd', itemsize 8, ndim 2, shape (2, 3), strides (24, 8), nbytes 48, readonly True\n" +
        "[[0.5, 1.0, 1.5],\n [2.0, 2.5, 3.0]]\n",
    );
  });

  it("slices (several dimensions too), casts and indexes", () => {
    expect(pybuf("view", doubles, "--format", "d", "--slice", "::-2").stdout).toBe(
      "[3.0, 2.0, 1.0]\n",
    );
    expect(
      pybuf("view", doubles, "--format", "d", "--shape", "2,3", "--slice", "1:,::2").stdout,
    ).toBe("[[2.0, 3.0]]\n");
    expect(pybuf("view", doubles, "--format", "d", "--slice", "-1").stdout).toBe("3.0\n");
    expect(pybuf("view", doubles, "--format", "d", "--cast", "B", "--slice", "6:8").stdout).toBe(
      "[224, 63]\n",
    );
  });

  it("truncates past --max-items with the first and last three", () => {
    const run = pybuf("view", SAMPLE, "--offset", "44", "--format", "<h", "--max-items", "10");
    expect(run.stdout).toBe("[0, 0, 4592, ..., 4243, -4592, 2296]\n");
  });
});
