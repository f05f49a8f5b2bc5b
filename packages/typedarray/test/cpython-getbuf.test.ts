/**
 * What a TypedArray exporter fills for each request, against what CPython 3.13's
 * `array.array` (writable) and `bytes` (read-only) fill for the same request
 * (`fixtures/getbuf.json`, written by `fixtures/gen-getbuf.py` through `_testbuffer`).
 */
import { readFileSync } from "node:fs";
import { getBuffer, releaseBuffer } from "@pybuffer/core";
import { pythonErrorName } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { fromTypedArray } from "../src/from-typed-array.js";
import { KINDS } from "./kinds-table.js";

interface Answer {
  format?: string | null;
  itemsize?: number;
  ndim?: number;
  shape?: number[] | null;
  strides?: number[] | null;
  readonly?: boolean;
  len?: number;
  error?: string;
  message?: string;
}
interface Case {
  source: "array" | "bytes";
  format: string;
  count: number;
  answers: [number, Answer][];
}

const vectors = JSON.parse(
  readFileSync(new URL("./fixtures/getbuf.json", import.meta.url), "utf8"),
) as {
  python: string;
  cases: Case[];
};

function ours(exporter: object, flags: number): Answer {
  let view: ReturnType<typeof getBuffer>;
  try {
    view = getBuffer(exporter, flags);
  } catch (error) {
    return { error: pythonErrorName(error) as string, message: (error as Error).message };
  }
  const { format, itemsize, ndim, shape, strides, readonly, len } = view;
  releaseBuffer(view);
  return { format, itemsize, ndim, shape, strides, readonly, len };
}

describe(`request answers match CPython ${vectors.python}`, () => {
  for (const c of vectors.cases) {
    it(`${c.source} '${c.format}'`, () => {
      const ctor = c.source === "bytes" ? Uint8Array : KINDS.find(([, f]) => f === c.format)?.[0];
      expect(ctor).toBeDefined();
      const Ctor = ctor as NonNullable<typeof ctor>;
      const exporter = fromTypedArray(new Ctor(new ArrayBuffer(8 * c.count), 0, c.count), {
        readonly: c.source === "bytes",
      });
      for (const [flags, answer] of c.answers) {
        expect(ours(exporter, flags), `flags ${flags}`).toEqual(answer);
      }
    });
  }
});
