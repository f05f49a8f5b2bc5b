/**
 * `pybuf` on NumPy files (written by NumPy: internal/oracle/gen/npy_files.py, npy_npz.py):
 * view, layout and unpack read the header themselves; info says what a file holds.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadVectors } from "../../../internal/oracle/src/index.js";
import { fixtureDir, pybuf } from "./pybuf.js";

interface Named {
  readonly name: string;
  readonly npy?: Uint8Array;
  readonly npz?: Uint8Array;
}

const fixtures = fixtureDir();
afterAll(() => fixtures.remove());

function file(doc: string, name: string, ext: string): string {
  const found = loadVectors<{ cases: Named[] }>(doc).cases.find((c) => c.name === name);
  const path = join(fixtures.dir, `${name}.${ext}`);
  writeFileSync(path, (found?.npy ?? found?.npz) as Uint8Array);
  return path;
}

const grid = file("npy_files", "grid", "npy");
const fortran = file("npy_files", "fortran-ints", "npy");
const points = file("npy_files", "points", "npy");
const archive = file("npy_npz", "savez_compressed", "npz");

describe("pybuf on .npy files", () => {
  it("view: format, shape and order from the header, as np.load gives them", () => {
    // np.asfortranarray(np.arange(6).reshape(2, 3)).tolist()
    expect(pybuf("view", fortran).stdout).toBe("[[0, 1, 2],\n [3, 4, 5]]\n");
    expect(pybuf("view", grid, "--slice", "1:").stdout).toBe("[[3.0, 4.0, 5.0]]\n");
    expect(pybuf("view", points, "--info").stdout.split("\n")[0]).toBe(
      "format 'T{i:id:=d:value:}', itemsize 12, ndim 1, shape (2,), strides (12,), nbytes 24, readonly False",
    );
    // --format still means the bytes as given
    expect(pybuf("view", grid, "--format", "B", "--length", "6").stdout).toBe(
      "[147, 78, 85, 77, 80, 89]\n",
    );
  });

  it("layout: the format of the file's items", () => {
    const run = pybuf("layout", points);
    expect(run.stdout.split("\n")[0]).toBe(
      "'T{i:id:=d:value:}': 12 bytes, alignment 1, little-endian, native sizes and alignment (lp64)",
    );
  });

  it("unpack: the items from where the data starts", () => {
    expect(pybuf("unpack", points, "--output", "jsonl").stdout).toBe(
      '[{"id": 1, "value": 2.5}]\n[{"id": 2, "value": 3.5}]\n',
    );
    expect(pybuf("unpack", fortran, "--output", "tuple", "--count", "2").stdout).toBe(
      "(0,)\n(3,)\n",
    );
  });

  it("info: dtype, shape, order and both formats", () => {
    expect(pybuf("info", fortran).stdout).toBe(
      `${fortran}: NumPy .npy 1.0, 128-byte header
  descr:    '<i4'
  shape:    (2, 3)
  order:    F (fortran_order: True)
  itemsize: 4, items: 6, nbytes: 24
  format:   i
  struct:   <i
`,
    );
    const run = pybuf("info", archive);
    expect(run.stdout.split("\n").slice(0, 8)).toEqual([
      `${archive}: NumPy .npz, 8 members`,
      "weights:",
      "  descr:    '<f4'",
      "  shape:    (3, 4)",
      "  order:    C",
      "  itemsize: 4, items: 12, nbytes: 48",
      "  format:   f",
      "  struct:   <f",
    ]);
    expect(pybuf("info", join(fixtures.dir, "missing.npy")).stderr).toMatch(/^FileNotFoundError/);
  });
});
