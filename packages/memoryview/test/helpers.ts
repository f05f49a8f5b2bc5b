/**
 * Test helpers: exporters rebuilt from the vectors' descriptions (the same memory and
 * layout `_testbuffer.ndarray` had in CPython, PIL-style tables included), keys decoded
 * from JSON, and outcome comparison against CPython (value, or exception class and
 * message).
 */
import { type Abi, NDBuffer, writePointer } from "@pybuffer/core";
import { expect } from "vitest";
import { Ellipsis, type Key, MemoryView, pythonErrorName, Slice } from "../src/index.js";

/** An exporter as the vectors describe it (see internal/oracle/py/memoryview_common.py). */
export interface Desc {
  mem: Uint8Array;
  fmt: string;
  itemsize: number;
  shape: number[];
  strides: number[];
  offset: number;
  readonly: boolean;
  pil: boolean;
}

/** A CPython outcome: a value, or an exception. */
export type Outcome = { ok: unknown } | { error: string; message: string };

/**
 * `_testbuffer.ndarray(items, shape, strides, offset, format, flags)` over a copy of
 * `desc.mem`; with `pil`, the pointer table `ND_PIL` builds (init_suboffsets) in front.
 * `abi` is the exporter's (wasm32 for vectors from Pyodide; PIL tables are LP64's).
 */
export function exporterFrom(desc: Desc, abi: Abi = "lp64"): NDBuffer {
  const { shape, itemsize } = desc;
  if (shape.length === 0) {
    const memory = desc.mem.slice().buffer;
    return new NDBuffer(memory, { shape: [], format: desc.fmt, readonly: desc.readonly, abi });
  }
  if (!desc.pil) {
    return new NDBuffer(desc.mem.slice().buffer, {
      abi,
      shape,
      strides: desc.strides,
      offset: desc.offset,
      format: desc.fmt,
      itemsize,
      readonly: desc.readonly,
    });
  }
  const strides = desc.strides.slice();
  const table = 8 * Math.ceil(((shape[0] as number) * 8) / 8);
  const bytes = new Uint8Array(table + desc.mem.length);
  bytes.set(desc.mem, table);
  let imin = 0;
  let sub0 = 0;
  for (let n = 0; n < shape.length; n++) {
    if (shape[n] === 0) break;
    if ((strides[n] as number) <= 0) {
      const x = ((shape[n] as number) - 1) * (strides[n] as number);
      imin += x;
      if (n >= 1) sub0 -= x;
    }
  }
  const start = table + desc.offset + imin;
  const step = Math.abs(strides[0] as number);
  for (let n = 0; n < (shape[0] as number); n++) {
    // With an empty dimension CPython's pointers may point anywhere: they are never read.
    writePointer(bytes.buffer, n * 8, Math.max(0, start + n * step), "lp64");
  }
  let buf = 0;
  if ((strides[0] as number) >= 0) strides[0] = 8;
  else {
    strides[0] = -8;
    if ((shape[0] as number) > 0) buf = ((shape[0] as number) - 1) * 8;
  }
  const suboffsets = shape.map((_, i) => (i === 0 ? sub0 : -1));
  return new NDBuffer(bytes.buffer, {
    shape,
    strides,
    offset: buf,
    format: desc.fmt,
    itemsize,
    readonly: desc.readonly,
    suboffsets,
  });
}

/** A key from its JSON form: int, array (tuple), {slice: [a, b, c]}, {ellipsis: 1}. */
export function keyFrom(json: unknown): Key {
  if (Array.isArray(json)) return json.map(keyFrom) as unknown as Key;
  if (typeof json === "object" && json !== null) {
    if ("slice" in json) {
      const [a, b, c] = (json as { slice: [number | null, number | null, number | null] }).slice;
      return new Slice(a, b, c);
    }
    return Ellipsis;
  }
  return json as Key;
}

/** Our values in the vectors' form: bigints that fit a double become numbers. */
export function normalize(value: unknown): unknown {
  if (typeof value === "bigint") {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value;
  }
  if (Array.isArray(value)) return value.map(normalize);
  return value;
}

/** Runs `fn` and returns its outcome in the vectors' form. */
export function outcome(fn: () => unknown): Outcome {
  try {
    return { ok: normalize(fn()) };
  } catch (error) {
    const name = pythonErrorName(error);
    if (name === undefined) throw error;
    return { error: name, message: (error as Error).message };
  }
}

/** Asserts that `fn` does what CPython did. */
export function expectOutcome(fn: () => unknown, expected: Outcome, context = ""): void {
  expect(outcome(fn), context).toEqual(expected);
}

/** What the vectors record about a view (memoryview_common.summary). */
export function summary(value: unknown): unknown {
  if (!(value instanceof MemoryView)) return normalize(value);
  const m = value;
  return {
    view: {
      format: m.format,
      itemsize: m.itemsize,
      ndim: m.ndim,
      shape: m.shape,
      strides: m.strides,
      suboffsets: m.suboffsets,
      nbytes: m.nbytes,
      readonly: m.readonly,
      c_contiguous: m.cContiguous,
      f_contiguous: m.fContiguous,
      contiguous: m.contiguous,
      len: outcome(() => m.length),
      tolist: outcome(() => m.toList()),
      tobytes: outcome(() => m.toBytes()),
    },
  };
}

/** Like {@link outcome}, with views summarised. */
export function run(fn: () => unknown): Outcome {
  try {
    return { ok: summary(fn()) };
  } catch (error) {
    const name = pythonErrorName(error);
    if (name === undefined) throw error;
    return { error: name, message: (error as Error).message };
  }
}

/** A read-only `B` exporter over a copy of `bytes` (Python's `bytes`). */
export function bytesExporter(bytes: Uint8Array): NDBuffer {
  return new NDBuffer(bytes.slice().buffer, { shape: [bytes.length], format: "B", readonly: true });
}

function safeStride(x: unknown): number {
  return Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, Number(x)));
}

/**
 * A vectors outcome with strides as a view holds them: JavaScript numbers, and a stride
 * past 2^53 (from a huge slice step, on an extent of at most 1) clamped to ±(2^53 - 1)
 * so that the view stays a valid layout (the memoryview README says so).
 */
export function doubleStrides(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(doubleStrides);
  if (typeof value !== "object" || value === null || value instanceof Uint8Array) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === "strides" && Array.isArray(v) ? v.map(safeStride) : doubleStrides(v);
  }
  return out;
}

/**
 * CPython's outcome with every `NotImplementedError('memoryview: unsupported format …')`
 * replaced by what `extension` (the same operation on the native equivalent format)
 * gave at the same place: where CPython stops, this package goes on.
 */
export function mergeExtension(cpython: unknown, extension: unknown): unknown {
  if (typeof cpython !== "object" || cpython === null || cpython instanceof Uint8Array)
    return cpython;
  const record = cpython as Record<string, unknown>;
  if (
    record.error === "NotImplementedError" &&
    typeof record.message === "string" &&
    record.message.startsWith("memoryview: unsupported format ")
  ) {
    return extension;
  }
  if (typeof extension !== "object" || extension === null) return cpython;
  const ext = extension as Record<string, unknown>;
  if (Array.isArray(cpython))
    return cpython.map((x, i) => mergeExtension(x, (extension as unknown[])[i]));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = mergeExtension(v, ext[k]);
  return out;
}
