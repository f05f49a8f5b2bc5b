/**
 * Repeated records — `2T{…}` at the top level (two values, as `2h` is), `(2)T{…}` (one
 * list) and `2T{…}` inside a record (one list member) — laid out and unpacked.
 */
import { afterAll, describe, expect, it } from "vitest";
import { fixtureDir, pybuf } from "./pybuf.js";

const fixtures = fixtureDir();
afterAll(() => fixtures.remove());

describe("pybuf layout of repeated records", () => {
  it("marks every element's bytes in the strip, not only the first's", () => {
    const run = pybuf("layout", "<2T{hb}b");
    expect(run.stdout.split("\n").slice(1)).toEqual([
      "offset    size  byte  code   name",
      "     0       6        2T{…}  f0..f1", // two values, as unpack's f0 and f1
      "     0       2  a       h      f0",
      "     2       1  b       b      f1",
      "     6       1  c     b      f2", // unpack's third value, as the csv header names it
      "",
      "  0  aaba abc",
      "",
    ]);
    expect(
      pybuf("unpack", "<2T{hb}b", fixtures.file("z.bin", "00".repeat(7)), "-O", "csv").stdout,
    ).toBe('f0,f1,f2\r\n"(0, 0)","(0, 0)",0\r\n');
  });

  it("names a repeated code by the run of values unpack gives it", () => {
    const rows = pybuf("layout", "<2hI3s").stdout.split("\n");
    expect(rows.slice(2, 5)).toEqual([
      "     0       4  a     2h    f0..f1",
      "     4       4  b     I     f2",
      "     8       3  c     3s    f3", // a string is one value
    ]);
    const csv = pybuf("unpack", "<2hI3s", fixtures.file("v.bin", "00".repeat(11)), "-O", "csv");
    expect(csv.stdout.split("\r\n")[0]).toBe("f0,f1,f2,f3");
  });

  it("shows sub-arrays of records, and repeats nested in records", () => {
    const sub = pybuf("layout", "@(2,2)T{hb}:p: d").stdout.split("\n");
    expect(sub[2]).toBe("     0      16        (2,2)T{…}  p");
    expect(sub.slice(-3)).toEqual(["   0  aab. aab. aab. aab.", "  16  cccc cccc", ""]);
    const nested = pybuf("layout", "<T{2T{b:a: x}:in: h}:o:").stdout.split("\n");
    expect(nested.slice(-2)).toEqual(["  0  a.a. bb", ""]);
  });
});

describe("pybuf unpack of repeated records", () => {
  // 01 02 03 04 05 06 | 07 08 09 0a 0b 0c | 0d 0e 0f 10
  const FMT = "<T{2T{b:a: x}:in: h}:o: (2)T{hb} 2T{h}";
  const file = fixtures.file("rec.bin", "0102030405060708090a0b0c0d0e0f10");

  it("prints lists of records as lists, in every output", () => {
    const out = (o: string) => pybuf("unpack", FMT, file, "-O", o);
    expect(out("tuple").stdout).toBe(
      "({'in': [{'a': 1}, {'a': 3}], 'f0': 1541}, [(2055, 9), (2826, 12)], (3597,), (4111,))\n",
    );
    expect(out("jsonl").stdout).toBe(
      '[{"in": [{"a": 1}, {"a": 3}], "f0": 1541}, [[2055, 9], [2826, 12]], [3597], [4111]]\n',
    );
    expect(out("fields")).toEqual({
      status: 0,
      stderr: "",
      stdout: [
        "o.in[0].a = 1",
        "o.in[1].a = 3",
        "o.f0 = 1541", // NumPy's name: the first f<n> no member has
        "f1[0].f0 = 2055",
        "f1[0].f1 = 9",
        "f1[1].f0 = 2826",
        "f1[1].f1 = 12",
        "f2.f0 = 3597",
        "f3.f0 = 4111",
        "",
      ].join("\n"),
    });
  });
});
