/**
 * NumPy 2.x as the oracle (internal/oracle/gen/npy_files.py, npy_dtypes.py): files of
 * every dtype kind read in place with NumPy's format, shape and order, and written back
 * byte for byte; strided views saved as NumPy saves them; dtype strings both ways.
 */
import { getBuffer, NDBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { calcSize, pythonErrorName } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { type Descr, descrFromFormat, formatFromDescr, loadNpy, saveNpy } from "../src/index.js";
import {
  type ExportCase,
  type FileCase,
  type ImportCase,
  isOracleError,
  loadVectors,
  type StridedCase,
} from "./support/oracle.js";

/** A descr with each `[title, name]` as its name: formats have no titles. */
function withoutTitles(descr: Descr): Descr {
  if (typeof descr === "string") return descr;
  return descr.map((entry) => {
    if (!Array.isArray(entry)) return entry;
    const [name, d, ...rest] = entry as unknown[];
    return [Array.isArray(name) ? name[1] : name, withoutTitles(d as Descr), ...rest];
  }) as unknown as Descr;
}

const files = loadVectors<{ cases: FileCase[]; strided: StridedCase[] }>("npy_files");
const dtypes = loadVectors<{ cases: ExportCase[]; imports: ImportCase[] }>("npy_dtypes");

function expectThrows(run: () => unknown, error: string, message: string): void {
  let thrown: unknown = null;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected ${error}: ${message}`).not.toBeNull();
  expect(pythonErrorName(thrown)).toBe(error);
  expect((thrown as Error).message).toBe(message);
}

describe(`files np.save wrote (${files.cases.length})`, () => {
  for (const c of files.cases) {
    it(c.name, () => {
      const options = { maxHeaderSize: 1 << 20 };
      if (isOracleError(c.format)) {
        expect(() => loadNpy(c.npy, options)).toThrow(c.format.message);
        return;
      }
      if (c.descr === "|O") {
        expect(() => loadNpy(c.npy, options)).toThrow(
          "Object arrays cannot be loaded when allow_pickle=False",
        );
        return;
      }
      const array = loadNpy(c.npy, options);
      expect(array.descr).toEqual(c.descr);
      expect(array.shape).toEqual(c.shape);
      expect(array.fortranOrder).toBe(c.fortran_order);
      const view = getBuffer(array, PyBUF_FULL_RO);
      try {
        // NumPy's own format; the view's has the same fields (NumPy reads it as the
        // file's dtype), and its size is the itemsize.
        expect(formatFromDescr(c.descr, { style: "numpy", shape: c.shape })).toBe(c.format);
        // (NumPy reads `Nx` back as an empty record: V is left out; formats are ASCII.)
        const plainVoid = typeof c.descr === "string" && c.descr.startsWith("|V");
        if (!plainVoid && !/[^ -~]/.test(JSON.stringify(c.descr))) {
          expect(descrFromFormat(view.format as string)).toEqual(withoutTitles(c.descr));
        }
        expect(calcSize(view.format as string)).toBe(c.itemsize);
        expect(view.itemsize).toBe(c.itemsize);
        expect(view.shape ?? []).toEqual(c.shape);
        // In place: the data starts where the header ends, inside the file's own bytes.
        expect(view.memory).toBe(c.npy.buffer);
        expect(view.buf).toBe(c.npy.byteOffset + array.header.dataOffset);
        expect(array.header.dataOffset % 64).toBe(0);
      } finally {
        releaseBuffer(view);
      }
      expect(saveNpy(array)).toEqual(c.npy);
    });
  }
});

describe(`strided views np.save copies (${files.strided.length})`, () => {
  for (const c of files.strided) {
    it(c.name, () => {
      const base = loadNpy(c.base);
      const data = c.base.slice(base.header.dataOffset);
      const view = new NDBuffer(data.buffer, {
        shape: c.shape,
        strides: c.strides,
        offset: c.offset,
        format: base.format,
      });
      expect(saveNpy(view)).toEqual(c.npy);
    });
  }
});

describe(`formatFromDescr: NumPy's exports (${dtypes.cases.length})`, () => {
  it("matches memoryview(np.zeros(shape, dtype)).format, or NumPy's error", () => {
    const wrong: unknown[] = [];
    for (const c of dtypes.cases) {
      const shape = c.shape ?? undefined;
      try {
        const numpy = formatFromDescr(c.descr, { style: "numpy", shape });
        if (numpy !== c.format) wrong.push([c, numpy]);
      } catch (e) {
        if (!isOracleError(c.format) || c.format.message !== (e as Error).message) {
          wrong.push([c, String(e)]);
        }
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it("the view style's size is the itemsize, and NumPy reads it back as the same dtype", () => {
    const wrong: unknown[] = [];
    for (const c of dtypes.cases) {
      // (A sub-array dtype's array has the base's items: its format is the base's.)
      const [, dims] = Array.isArray(c.descr) ? c.descr : [];
      const subarray = Array.isArray(dims) && dims.every((n) => typeof n === "number");
      if (isOracleError(c.format) || c.itemsize === 0 || subarray) continue;
      const format = formatFromDescr(c.descr, { shape: c.shape ?? undefined });
      if (calcSize(format) !== c.itemsize) wrong.push([c.descr, format, calcSize(format)]);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});

describe(`descrFromFormat: what NumPy reads (${dtypes.imports.length})`, () => {
  for (const c of dtypes.imports) {
    it(JSON.stringify(c.format), () => {
      if (!isOracleError(c.descr)) expect(descrFromFormat(c.format)).toEqual(c.descr);
      else expectThrows(() => descrFromFormat(c.format), c.descr.error, c.descr.message);
    });
  }
});
