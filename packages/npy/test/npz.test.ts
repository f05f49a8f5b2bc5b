/**
 * `.npz` against NumPy (internal/oracle/gen/npy_npz.py): archives np.savez and
 * np.savez_compressed wrote, listed without reading data, each array read as np.load
 * reads it (stored members in place), and written back: stored archives byte for byte.
 * A live NumPy reads our compressed archives.
 */
import { getBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { describe, expect, it } from "vitest";
import { loadNpz, saveNpy, saveNpz } from "../src/index.js";
import { describeWithPython, loadVectors } from "./support/oracle.js";

interface NpzCase {
  readonly name: string;
  readonly npz: Uint8Array;
  readonly arrays: [string, Uint8Array][];
}

const { cases } = loadVectors<{ cases: NpzCase[] }>("npy_npz");

describe("archives NumPy wrote", () => {
  for (const c of cases) {
    it(c.name, () => {
      const npz = loadNpz(c.npz);
      expect(npz.files).toEqual(c.arrays.map(([key]) => key));
      for (const [key, npy] of c.arrays) {
        if (key.endsWith(".txt")) {
          expect(npz.bytes(key)).toEqual(npy);
          continue;
        }
        const array = npz.get(key);
        expect(saveNpy(array)).toEqual(npy);
        expect(npz.get(`${key}.npy`).shape).toEqual(array.shape);
        const view = getBuffer(array, PyBUF_FULL_RO);
        // stored: a view of the archive's own bytes; deflated: of a buffer of its own
        expect(view.memory === c.npz.buffer).toBe(c.name === "savez");
        releaseBuffer(view);
      }
      if (c.name === "zipfile") return;
      const arrays = Object.fromEntries(c.arrays.map(([key]) => [key, npz.get(key)]));
      const positional = { arr_0: arrays.arr_0, arr_1: arrays.arr_1 };
      const ordered = { ...arrays, ...positional };
      if (c.name === "savez") expect(saveNpz(ordered)).toEqual(c.npz);
      const again = loadNpz(saveNpz(ordered, { compress: true }));
      expect(again.files).toEqual(npz.files);
      for (const [key, npy] of c.arrays) expect(saveNpy(again.get(key))).toEqual(npy);
    });
  }

  it("lists members without reading their data", () => {
    const stored = cases[0] as NpzCase;
    const bytes = stored.npz.slice();
    // spoil every member's data: the listing only reads the central directory
    const npz = loadNpz(bytes);
    bytes.fill(0, 0, bytes.length - 1000);
    expect(npz.files).toContain("weights");
    expect(() => npz.get("weights")).toThrow(
      "File is not a zip file: bad magic number for file header",
    );
  });

  it("refuses what is no zip, a missing key, and a central directory that lies", () => {
    expect(() => loadNpz(new Uint8Array(100))).toThrow(
      "File is not a zip file: no end of central directory record",
    );
    const npz = loadNpz((cases[0] as NpzCase).npz);
    expect(() => npz.get("nope")).toThrow("nope is not a file in the archive");
    const lying = (cases[0] as NpzCase).npz.slice();
    const end = lying.length - 22;
    new DataView(lying.buffer).setUint16(end + 10, 60000, true);
    expect(() => loadNpz(lying)).toThrow(
      "File is not a zip file: the central directory is shorter than its entries",
    );
  });
});

describeWithPython("numpy", "NumPy reads our archives", (python) => {
  it("np.load gives back every array of a compressed and a stored archive", async () => {
    const source = loadNpz((cases[0] as NpzCase).npz);
    const arrays = Object.fromEntries(source.files.map((key) => [key, source.get(key)]));
    for (const compress of [false, true]) {
      const outcome = await python().call("npy_oracle", "npz_arrays", [
        saveNpz(arrays, { compress }),
      ]);
      expect((outcome as { ok: unknown }).ok).toEqual((cases[0] as NpzCase).arrays);
    }
  });
});
