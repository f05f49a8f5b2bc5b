/**
 * `.npy` files (issue 16): reading 1M `<f8` into a view (loadNpy beside npyjs and
 * numpy-parser, and NumPy's `np.load`), opening a 1 GiB file and making its view (the
 * cost must not grow with the size: no copy, no pass over the data; NumPy's side maps the
 * file, `np.load(mmap_mode='r')`), and writing 1M `<f8` (saveNpy beside npyjs's `dump`
 * and `np.save`; the reference is the header plus one `Uint8Array.set`). Every row's
 * result is checked: the values of sampled items, every byte of a written file.
 */
import { getBuffer, NDBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { loadNpy, saveNpy } from "@pybuffer/npy";
import { dump as npyjsDump, parse as npyjsParse } from "npyjs";
import { fromArrayBuffer } from "numpy-parser";
import { check, type Row, type Section } from "../case.js";
import { checkBytes } from "../checks.js";
import { ITEMS, randomDoubles, sha256 } from "../data-memory.js";

/** The header np.save writes for a 1-d `<f8` array of n items (the bench's own copy). */
function header(n: number): Uint8Array<ArrayBuffer> {
  let text = `{'descr': '<f8', 'fortran_order': False, 'shape': (${n},), }`;
  text += " ".repeat(Math.max(0, 21 - String(n).length));
  const pad = 64 - ((10 + text.length + 1) % 64);
  const out = new Uint8Array(10 + text.length + pad + 1);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, text.length + pad + 1, true);
  for (let i = 0; i < text.length; i++) out[10 + i] = text.charCodeAt(i);
  out.fill(0x20, 10 + text.length, out.length - 1);
  out[out.length - 1] = 0x0a;
  return out;
}

interface LoadData {
  readonly n: number;
  readonly file: ArrayBuffer;
  /** The values at the sampled items. */
  readonly sample: ReadonlyMap<number, number>;
  /** SHA-256 of the data, for NumPy's check (the 1 GiB file: none, NumPy makes its own). */
  readonly sha: string;
}

function checkValues(out: unknown, d: LoadData): void {
  check(out instanceof Float64Array, () => `expected a Float64Array, got ${String(out)}`);
  check(out.length === d.n, () => `expected ${d.n} items, got ${out.length}`);
  for (const [i, want] of d.sample) {
    check(Object.is(out[i], want), () => `item ${i}: ${out[i]} != ${want}`);
  }
}

/** Our row: the exporter, a view, the items wrapped where they lie. */
function oursLoad(): Row<LoadData> {
  return {
    name: "loadNpy + getBuffer + Float64Array over the view",
    kind: "ours",
    output: "value",
    setup:
      ({ file, n }) =>
      () => {
        const view = getBuffer(loadNpy(file), PyBUF_FULL_RO);
        const out = new Float64Array(view.memory, view.buf, n);
        releaseBuffer(view);
        return out;
      },
  };
}

function loadRows(): Row<LoadData>[] {
  return [
    {
      name: "header length + Float64Array at the data (no parsing, no checks)",
      kind: "js",
      output: "value",
      setup:
        ({ file, n }) =>
        () =>
          new Float64Array(file, 10 + new DataView(file).getUint16(8, true), n),
    },
    oursLoad(),
    {
      name: "npyjs 1.2.0 parse",
      kind: "peer",
      output: "value",
      setup:
        ({ file }) =>
        () =>
          npyjsParse(file).data,
    },
    {
      name: "numpy-parser 1.2.3 fromArrayBuffer",
      kind: "peer",
      output: "value",
      setup:
        ({ file }) =>
        () =>
          fromArrayBuffer(file).data,
    },
  ];
}

function loadData(n: number, seed: number, whole: boolean): LoadData {
  const head = header(n);
  const file = new ArrayBuffer(head.length + 8 * n);
  new Uint8Array(file).set(head);
  const data = new Float64Array(file, head.length, n);
  // a 1 GiB file holds values at the sampled items only: the rest stays zero, unwritten
  const values = randomDoubles(whole ? n : 4, seed);
  const sample = new Map<number, number>();
  if (whole) data.set(values);
  [0, 1, n >> 1, n - 1].forEach((i, k) => {
    if (!whole) data[i] = values[k] as number;
    sample.set(i, data[i] as number);
  });
  const sha = whole ? sha256(new Uint8Array(values.buffer)) : "";
  return { n, file, sample, sha };
}

export const npyLoad: Section<LoadData> = {
  id: "npy-load",
  title: "read a `.npy` of 1M `<f8` into a view (8 MiB)",
  unit: "file",
  python: "numpy",
  make: (scale) => loadData(ITEMS[scale], 16, true),
  items: () => 1,
  checks: { value: checkValues },
  rows: loadRows,
  pythonFiles: (d) => ({
    "npy-load.npy": new Uint8Array(d.file),
    "npy-load.json": JSON.stringify({ n: d.n, sha256: d.sha }),
  }),
};

const GIB: Record<"full" | "quick", number> = { full: 2 ** 27, quick: 2 ** 14 };

export const npyOpen1g: Section<LoadData> = {
  id: "npy-open-1g",
  title: "open a 1 GiB `.npy` (128 Mi `<f8`) and make its view",
  unit: "file",
  python: "numpy",
  make: (scale) => loadData(GIB[scale], 17, false),
  items: () => 1,
  checks: { value: checkValues },
  rows: loadRows,
  // NumPy maps the file it makes itself (a sparse 1 GiB file of the same header).
  pythonFiles: (d) => ({ "npy-open-1g.json": JSON.stringify({ n: d.n }) }),
};

interface SaveData {
  readonly values: Float64Array<ArrayBuffer>;
  readonly expected: Uint8Array;
}

export const npySave: Section<SaveData> = {
  id: "npy-save",
  title: "write 1M `<f8` as a `.npy` (8 MiB)",
  unit: "byte",
  python: "numpy",
  make: (scale) => {
    const values = randomDoubles(ITEMS[scale], 18);
    const head = header(values.length);
    const expected = new Uint8Array(head.length + values.byteLength);
    expected.set(head);
    expected.set(new Uint8Array(values.buffer), head.length);
    return { values, expected };
  },
  items: (d) => d.expected.length,
  checks: {
    bytes: (out, d) => checkBytes(out, d.expected),
    // npyjs writes another header (padded to 8, no spaces): read back as NumPy would
    value: (out, d) => {
      check(out instanceof ArrayBuffer, () => "npyjs dump: expected an ArrayBuffer");
      const view = getBuffer(loadNpy(out), PyBUF_FULL_RO);
      const got = new Uint8Array(view.memory, view.buf, view.len).slice();
      releaseBuffer(view);
      checkBytes(got, new Uint8Array(d.values.buffer));
    },
  },
  rows: () => [
    {
      name: "header + Uint8Array.set (incl. alloc)",
      kind: "js",
      output: "bytes",
      setup:
        ({ values }) =>
        () => {
          const head = header(values.length);
          const out = new Uint8Array(head.length + values.byteLength);
          out.set(head);
          out.set(new Uint8Array(values.buffer), head.length);
          return out;
        },
    },
    {
      name: "saveNpy(NDBuffer)",
      kind: "ours",
      output: "bytes",
      setup: ({ values }) => {
        const nd = new NDBuffer(values.buffer, { shape: [values.length], format: "<d" });
        return () => saveNpy(nd);
      },
    },
    {
      name: "npyjs 1.2.0 dump (its own header)",
      kind: "peer",
      output: "value",
      setup:
        ({ values }) =>
        () =>
          npyjsDump(values, [values.length]),
    },
  ],
  pythonFiles: (d) => ({
    "npy-save.bin": new Uint8Array(d.values.buffer),
    "npy-save.json": JSON.stringify({ sha256: sha256(d.expected) }),
  }),
};
