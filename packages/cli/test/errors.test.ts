import { spawnSync } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureDir, MAIN, pybuf, SAMPLE } from "./pybuf.js";

const fixtures = fixtureDir();
const file = fixtures.file("ten.bin", "00010203040506070809");
afterAll(() => fixtures.remove());

/** Every failure: exactly one line on stderr, the given status, no stack trace. */
function fails(args: string[], status: number, line: string) {
  const run = pybuf(...args);
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status, stderr: `${line}\n` });
}

describe("errors CPython raises print as its last traceback line, status 1", () => {
  it("bad formats", () => {
    fails(["calcsize", "<IHHz"], 1, "struct.error: bad char in struct format");
    fails(["unpack", "3", file], 1, "struct.error: repeat count given without format specifier");
    fails(["layout", "T{i"], 1, "struct.error: unterminated T{ record in struct format");
    fails(["pack", "<q", "x"], 1, "ValueError: invalid literal for int() with base 0: 'x'");
  });

  it("sizes that are not a whole number of records", () => {
    fails(
      ["unpack", "<I", file],
      1,
      "struct.error: iterative unpacking requires a buffer of a multiple of 4 bytes",
    );
    fails(
      ["unpack", "<H", file, "--offset", "1"],
      1,
      "struct.error: iterative unpacking requires a buffer of a multiple of 2 bytes",
    );
    fails(
      ["unpack", "0s", file],
      1,
      "struct.error: cannot iteratively unpack with a struct of length 0",
    );
    // memoryview(data).cast('<I') and .cast('B', [3, 3]), as CPython 3.13 raises them
    fails(
      ["view", file, "--format", "<I"],
      1,
      "TypeError: memoryview: length is not a multiple of itemsize",
    );
    fails(
      ["view", file, "--format", "B", "--shape", "3,3"],
      1,
      "TypeError: memoryview: product(shape) * itemsize != buffer size",
    );
    fails(
      ["view", file, "--format", "B", "--shape", "0"],
      1,
      "TypeError: memoryview: product(shape) * itemsize != buffer size",
    );
  });

  it("values pack refuses, with CPython's messages", () => {
    fails(
      ["pack", "<h", "40000"],
      1,
      "struct.error: 'h' format requires -32768 <= number <= 32767",
    );
    fails(["pack", "<hh", "1"], 1, "struct.error: pack expected 2 items for packing (got 1)");
    fails(["pack", "<h", "1", "2"], 1, "struct.error: pack expected 1 items for packing (got 2)");
    fails(["pack", "<d", "1.5.2"], 1, "ValueError: could not convert string to float: '1.5.2'");
    fails(["hex", file, "--sep", "ab"], 1, "ValueError: sep must be length 1.");
    fails(["hex", file, "--sep", "é"], 1, "ValueError: sep must be ASCII.");
    // b''.hex(':', 2**31) and b''.hex(':', -2**31 - 1)
    for (const n of ["2147483648", "-2147483649"]) {
      fails(
        ["hex", file, "--sep", ":", "--bytes-per-sep", n],
        1,
        "OverflowError: Python int too large to convert to C int",
      );
    }
  });

  it("memoryview errors from --cast and --slice", () => {
    fails(
      ["view", file, "--format", "B", "--cast", "q"],
      1,
      "TypeError: memoryview: length is not a multiple of itemsize",
    );
    fails(
      ["view", file, "--format", "B", "--slice", "10"],
      1,
      "IndexError: index out of bounds on dimension 1",
    );
  });
});

describe("files that cannot be read print as Python's OSError", () => {
  it("missing files and directories", () => {
    const missing = `${fixtures.dir}/missing.bin`;
    fails(
      ["unpack", "<I", missing],
      1,
      `FileNotFoundError: [Errno 2] No such file or directory: '${missing}'`,
    );
    fails(
      ["hex", missing],
      1,
      `FileNotFoundError: [Errno 2] No such file or directory: '${missing}'`,
    );
    fails(
      ["view", missing, "--format", "B"],
      1,
      `FileNotFoundError: [Errno 2] No such file or directory: '${missing}'`,
    );
    const dir = fixtures.dir;
    for (const args of [
      ["unpack", "<I", dir],
      ["hex", dir],
      ["view", dir, "--format", "B"],
    ]) {
      fails(args, 1, `IsADirectoryError: [Errno 21] Is a directory: '${dir}'`);
    }
    // open('a\nb') and int('1\n2', 0): the repr keeps the line one line
    fails(["hex", "a\nb"], 1, "FileNotFoundError: [Errno 2] No such file or directory: 'a\\nb'");
    fails(["pack", "<i", "1\n2"], 1, "ValueError: invalid literal for int() with base 0: '1\\n2'");
    fails(["pack", "<d", "x\ny"], 1, "ValueError: could not convert string to float: 'x\\ny'");
    fails(
      ["pack", "<I", "1", "-o", `${missing}/x`],
      1,
      `FileNotFoundError: [Errno 2] No such file or directory: '${missing}/x'`,
    );
  });
});

describe("output that cannot be written prints as Python's OSError", () => {
  it("a full disk: one line, status 1", () => {
    // python3.13 -c "print('x')" > /dev/full
    const full = openSync("/dev/full", "w");
    try {
      const run = spawnSync(process.execPath, [MAIN, "hex", SAMPLE], {
        stdio: ["ignore", full, "pipe"],
        encoding: "utf8",
      });
      expect([run.status, run.stderr]).toEqual([
        1,
        "OSError: [Errno 28] No space left on device\n",
      ]);
    } finally {
      closeSync(full);
    }
  });
});

describe("command-line mistakes print a usage line, status 2", () => {
  it("unknown commands and options, missing arguments, bad numbers", () => {
    fails(["frobnicate"], 2, "pybuf: unknown command 'frobnicate' (see 'pybuf --help')");
    fails(["unpack", "<I"], 2, "pybuf unpack: missing FILE (see 'pybuf unpack --help')");
    fails(["calcsize"], 2, "pybuf calcsize: missing FORMAT (see 'pybuf calcsize --help')");
    fails(
      ["calcsize", "b", "c"],
      2,
      "pybuf calcsize: unexpected argument 'c' (see 'pybuf calcsize --help')",
    );
    fails(
      ["unpack", "<I", SAMPLE, "--bogus"],
      2,
      "pybuf unpack: unknown option '--bogus' (see 'pybuf unpack --help')",
    );
    fails(
      ["unpack", "<I", SAMPLE, "--count", "-1"],
      2,
      "pybuf unpack: --count must be a non-negative integer, not '-1' (see 'pybuf unpack --help')",
    );
    fails(
      ["unpack", "<I", SAMPLE, "--output", "xml"],
      2,
      "pybuf unpack: --output must be one of table, tuple, jsonl, csv, fields, not 'xml' (see 'pybuf unpack --help')",
    );
    fails(
      ["unpack", "<I", SAMPLE, "--offset"],
      2,
      "pybuf unpack: option '--offset' needs a value (see 'pybuf unpack --help')",
    );
    fails(
      ["calcsize", "l", "--abi", "win64"],
      2,
      "pybuf calcsize: --abi must be one of lp64, llp64, wasm32, not 'win64' (see 'pybuf calcsize --help')",
    );
    fails(["view", SAMPLE], 2, "pybuf view: missing --format F (see 'pybuf view --help')");
    fails(
      ["view", SAMPLE, "--format", "B", "--shape", "2;3"],
      2,
      "pybuf view: --shape must be sizes separated by commas, not '2;3' (see 'pybuf view --help')",
    );
    fails(
      ["view", SAMPLE, "--format", "B", "--slice", "1:2:3:4"],
      2,
      "pybuf view: bad --slice '1:2:3:4' (see 'pybuf view --help')",
    );
    for (const bad of ["-1", "1.5", "x", "", "99999999999999999999"]) {
      fails(
        ["unpack", "<I", SAMPLE, "--offset", bad],
        2,
        `pybuf unpack: --offset must be a non-negative integer, not '${bad}' (see 'pybuf unpack --help')`,
      );
    }
    fails(
      ["hex", SAMPLE, "--bytes-per-sep", "2.5"],
      2,
      "pybuf hex: --bytes-per-sep must be an integer, not '2.5' (see 'pybuf hex --help')",
    );
    fails(
      ["hex", SAMPLE, "--plain=1"],
      2,
      "pybuf hex: option '--plain' takes no value (see 'pybuf hex --help')",
    );
  });
});

describe("help and version", () => {
  it("--help everywhere, on stdout, status 0", () => {
    const top = pybuf("--help");
    expect([top.status, top.stderr]).toEqual([0, ""]);
    for (const name of ["calcsize", "layout", "unpack", "pack", "view", "hex"]) {
      expect(top.stdout).toContain(`  ${name} `);
      for (const args of [
        [name, "--help"],
        [name, "-h"],
        ["help", name],
      ]) {
        const run = pybuf(...args);
        expect([run.status, run.stderr], args.join(" ")).toEqual([0, ""]);
        expect(run.stdout).toMatch(new RegExp(`^usage: pybuf ${name} `));
      }
    }
    expect(pybuf("--version").stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
