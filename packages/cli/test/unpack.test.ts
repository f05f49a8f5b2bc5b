import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureDir, pybuf } from "./pybuf.js";

// Expected text printed by CPython 3.13 for the same bytes:
//   rows = [(-1, True, b"a,b", 0.1, 2**62), (7, False, b'q"\x00', inf, -5),
//           (0, True, b"\xff\n'", -0.0, 123)]
//   data = b"".join(struct.pack("<i?3sdq", *r) for r in rows)
//   for t in struct.iter_unpack("<i?3sdq", data): print(t)
//   csv.writer(sys.stdout).writerows(struct.iter_unpack("<i?3sdq", data))
const DATA =
  "ffffffff01612c629a9999999999b93f00000000000000400700000000712200000000000000f07ffbffffffffffffff0000000001ff0a2700000000000000807b00000000000000";
const FMT = "<i?3sdq";
const fixtures = fixtureDir();
let file = "";

beforeAll(() => {
  file = fixtures.file("rows.bin", DATA);
});
afterAll(() => fixtures.remove());

describe("pybuf unpack", () => {
  it("--output tuple prints each record as CPython's print(t)", () => {
    const run = pybuf("unpack", FMT, file, "--output", "tuple");
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toBe(
      `(-1, True, b'a,b', 0.1, 4611686018427387904)\n(7, False, b'q"\\x00', inf, -5)\n(0, True, b"\\xff\\n'", -0.0, 123)\n`,
    );
  });

  it("--output csv writes what Python's csv.writer writes, after a header", () => {
    const run = pybuf("unpack", FMT, file, "--output", "csv");
    expect(run.stdout).toBe(
      "f0,f1,f2,f3,f4\r\n" +
        "-1,True,\"b'a,b'\",0.1,4611686018427387904\r\n" +
        '7,False,"b\'q""\\x00\'",inf,-5\r\n' +
        '0,True,"b""\\xff\\n\'""",-0.0,123\r\n',
    );
  });

  it("--output jsonl writes json.dumps values, objects when every field is named", () => {
    const run = pybuf("unpack", FMT, file, "--output", "jsonl", "--count", "2");
    expect(run.stdout).toBe(
      '[-1, true, "a,b", 0.1, 4611686018427387904]\n[7, false, "q\\"\\u0000", Infinity, -5]\n',
    );
    const named = pybuf(
      "unpack",
      "<i:n: ?:ok: 3s:tag: d:x: q:big:",
      file,
      "-O",
      "jsonl",
      "--offset",
      "48",
    );
    expect(named.stdout).toBe(
      '{"n": 0, "ok": true, "tag": "\\u00ff\\n\'", "x": -0.0, "big": 123}\n',
    );
  });

  it("--output table (the default) aligns named columns with a record index", () => {
    const run = pybuf("unpack", "<i:n: ?:ok: 3s:tag: d:x: q:big:", file);
    expect(run.stdout).toBe(
      [
        "#   n  ok     tag            x                  big",
        "-  --  -----  ----------  ----  -------------------",
        "0  -1  True   b'a,b'       0.1  4611686018427387904",
        String.raw`1   7  False  b'q"\x00'    inf                   -5`,
        String.raw`2   0  True   b"\xff\n'"  -0.0                  123`,
        "",
      ].join("\n"),
    );
  });

  it("--output fields opens records up with dotted names", () => {
    const run = pybuf("unpack", "<T{i:n: ?:ok:}:head: 3s dq", file, "--count", "1", "-O", "fields");
    expect(run.stdout).toBe(
      "head.n = -1\nhead.ok = True\nf1 = b'a,b'\nf2 = 0.1\nf3 = 4611686018427387904\n",
    );
  });

  it("--offset and --count select data[offset:offset + count * size]", () => {
    const run = pybuf("unpack", FMT, file, "--offset", "24", "--count", "1", "-O", "tuple");
    expect(run.stdout).toBe(`(7, False, b'q"\\x00', inf, -5)\n`);
    expect(pybuf("unpack", FMT, file, "--offset", "999", "-O", "tuple").stdout).toBe("");
    expect(pybuf("unpack", FMT, file, "--count", "0", "-O", "csv").stdout).toBe(
      "f0,f1,f2,f3,f4\r\n",
    );
  });

  it("--abi changes native sizes", () => {
    const run = pybuf("unpack", "@l", file, "--abi", "llp64", "--count", "2", "-O", "tuple");
    expect(run.stdout).toBe("(-1,)\n(1647075585,)\n");
  });
});
