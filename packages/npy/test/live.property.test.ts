/**
 * A live NumPy on fresh random record dtypes each run (seed in FC_SEED, else random):
 * the format NumPy exports, the file np.save writes and the descr NumPy reads back from
 * a format, against formatFromDescr, loadNpy + saveNpy and descrFromFormat.
 */
import { expect, it } from "vitest";
import { descrFromFormat, formatFromDescr, loadNpy, saveNpy } from "../src/index.js";
import {
  type Descr,
  describeWithPython,
  isOracleError,
  type OracleError,
} from "./support/oracle.js";

const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));

interface RandomCase {
  readonly descr: Descr;
  readonly format: string | OracleError;
  readonly itemsize: number;
  readonly npy: Uint8Array;
}

describeWithPython("numpy", "NumPy on random record dtypes", (python) => {
  it("formats, files and read-back descrs are NumPy's", async () => {
    const outcome = await python().call("npy_oracle", "random_descrs", [SEED, 200]);
    const cases = (outcome as { ok: RandomCase[] }).ok;
    expect(cases).toHaveLength(200);
    const wrong: unknown[] = [];
    const formats: string[] = [];
    for (const c of cases) {
      if (isOracleError(c.format)) {
        expect(() => formatFromDescr(c.descr, { style: "numpy" })).toThrow(c.format.message);
        continue;
      }
      formats.push(c.format);
      const ours = formatFromDescr(c.descr, { style: "numpy" });
      if (ours !== c.format) wrong.push(["format", c.descr, ours, c.format]);
      if (/'\|O'/.test(JSON.stringify(c.descr).replaceAll('"', "'"))) continue;
      const saved = saveNpy(loadNpy(c.npy));
      if (saved.length !== c.npy.length || saved.some((b, i) => b !== c.npy[i])) {
        wrong.push(["file", c.descr]);
      }
    }
    const back = await python().call("npy_oracle", "import_many", [formats]);
    (back as { ok: (Descr | OracleError)[] }).ok.forEach((expected, i) => {
      const format = formats[i] as string;
      try {
        const ours = descrFromFormat(format);
        if (isOracleError(expected) || JSON.stringify(ours) !== JSON.stringify(expected)) {
          wrong.push(["descr", format, ours, expected]);
        }
      } catch (error) {
        if (!isOracleError(expected) || expected.message !== (error as Error).message) {
          wrong.push(["descr", format, String(error), expected]);
        }
      }
    });
    expect(wrong.slice(0, 10), `FC_SEED=${SEED}`).toEqual([]);
  });
});
