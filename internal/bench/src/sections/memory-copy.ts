/**
 * Copies (perf-baseline 4a, 4b, 5): `m[::2].tobytes()` of 64 MiB, the C-order copy of a
 * 4096² `'I'` matrix seen in F order (`memoryview(a.T).tobytes()`), and a 64 MiB
 * contiguous copy into a warm destination. Every byte of each result is checked.
 */
import type { Section } from "../case.js";
import { checkBytes } from "../checks.js";
import { BIG, randomBytes, SIDE, sha256 } from "../data-memory.js";
import { toContiguousRow } from "../ours/core.js";

interface StridedData {
  readonly src: Uint8Array<ArrayBuffer>;
  readonly expected: Uint8Array;
}

export const tobytesStep2: Section<StridedData> = {
  id: "tobytes-step2",
  title: "`m[::2].tobytes()`, 64 MiB `'B'`",
  unit: "byte",
  make: (scale) => {
    const src = randomBytes(BIG[scale], 1);
    const expected = new Uint8Array(src.length >> 1);
    for (let i = 0; i < expected.length; i++) expected[i] = src[2 * i]!;
    return { src, expected };
  },
  items: (d) => d.expected.length,
  checks: { bytes: (out, d) => checkBytes(out, d.expected) },
  rows: () => [
    {
      name: "index loop, step 2 (incl. alloc)",
      kind: "js",
      output: "bytes",
      setup:
        ({ src }) =>
        () => {
          const out = new Uint8Array(src.length >> 1);
          for (let i = 0, j = 0; i < out.length; i++, j += 2) out[i] = src[j]!;
          return out;
        },
    },
    toContiguousRow((d: StridedData) => ({
      memory: d.src.buffer,
      buf: 0,
      len: d.src.length >> 1,
      itemsize: 1,
      format: "B",
      shape: [d.src.length >> 1],
      strides: [2],
    })),
  ],
  pythonFiles: (d) => ({
    "tobytes-step2.bin": d.src,
    "tobytes-step2.json": JSON.stringify({ sha256: sha256(d.expected) }),
  }),
};

interface MatrixData {
  readonly side: number;
  readonly src: Uint32Array<ArrayBuffer>;
  readonly expected: Uint8Array;
}

export const tobytesTranspose: Section<MatrixData> = {
  id: "tobytes-transpose",
  title: "C-order copy of a 4096² `'I'` matrix in F order (`a.T.tobytes()`)",
  unit: "byte",
  make: (scale) => {
    const side = SIDE[scale];
    const src = new Uint32Array(randomBytes(side * side * 4, 2).buffer);
    const out = new Uint32Array(side * side);
    for (let i = 0; i < side; i++)
      for (let j = 0; j < side; j++) out[i * side + j] = src[j * side + i]!;
    return { side, src, expected: new Uint8Array(out.buffer) };
  },
  items: (d) => d.expected.length,
  checks: { bytes: (out, d) => checkBytes(out, d.expected) },
  rows: () => [
    {
      name: "tiled 32×32 transpose loop (incl. alloc)",
      kind: "js",
      output: "bytes",
      setup:
        ({ side, src }) =>
        () => {
          const out = new Uint32Array(side * side);
          for (let i0 = 0; i0 < side; i0 += 32) {
            for (let j0 = 0; j0 < side; j0 += 32) {
              const iEnd = Math.min(i0 + 32, side);
              const jEnd = Math.min(j0 + 32, side);
              for (let i = i0; i < iEnd; i++) {
                for (let j = j0; j < jEnd; j++) out[i * side + j] = src[j * side + i]!;
              }
            }
          }
          return out;
        },
    },
    toContiguousRow((d: MatrixData) => ({
      memory: d.src.buffer,
      buf: 0,
      len: d.src.byteLength,
      itemsize: 4,
      format: "I",
      shape: [d.side, d.side],
      strides: [4, 4 * d.side],
    })),
  ],
  pythonFiles: (d) => ({
    "tobytes-transpose.bin": new Uint8Array(d.src.buffer),
    "tobytes-transpose.json": JSON.stringify({ side: d.side, sha256: sha256(d.expected) }),
  }),
};

interface CopyData {
  readonly src: Uint8Array<ArrayBuffer>;
}

export const copyContiguous: Section<CopyData> = {
  id: "copy-contiguous",
  title: "contiguous copy into a warm destination, 64 MiB",
  unit: "byte",
  make: (scale) => ({ src: randomBytes(BIG[scale], 3) }),
  items: (d) => d.src.length,
  checks: { bytes: (out, d) => checkBytes(out, d.src) },
  rows: () => [
    {
      name: "Uint8Array.prototype.set (prealloc)",
      kind: "js",
      output: "bytes",
      setup: ({ src }) => {
        const out = new Uint8Array(src.length);
        return () => {
          out.set(src);
          return out;
        };
      },
    },
    {
      name: "Uint8Array.prototype.slice() (alloc + copy)",
      kind: "js",
      output: "bytes",
      setup:
        ({ src }) =>
        () =>
          src.slice(),
    },
  ],
  pythonFiles: (d) => ({
    "copy-contiguous.bin": d.src,
    "copy-contiguous.json": JSON.stringify({ sha256: sha256(d.src) }),
  }),
};
