/**
 * Test support: one Pyodide per test file (loading takes seconds), Python values and
 * ours in one comparable form, and a reader of any view item by item (core's getPointer
 * and struct's unpack on the wasm32 ABI: the reference our views are checked against).
 */
import { type BufferView, getPointer } from "@pybuffer/core";
import { Struct } from "@pybuffer/struct";
import type { PyodideLike } from "../src/types.js";

export interface TestPyodide extends PyodideLike {
  toPy(value: unknown): unknown;
  globals: { get(name: string): unknown; set(name: string, value: unknown): void };
}

/** Loads the lockfile's Pyodide from its package directory (offline). */
export async function loadTestPyodide(indexURL?: string): Promise<TestPyodide> {
  const { loadPyodide } = await import("pyodide");
  const pyodide = await loadPyodide(indexURL === undefined ? {} : { indexURL });
  return pyodide as unknown as TestPyodide;
}

/**
 * A value in a form Python and JavaScript agree on: ints as decimal strings, floats as
 * numbers (non-finite ones as text), bytes as hex, sequences as arrays.
 */
export function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value === "bigint") return `i${value}`;
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "nan";
    if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
    return value;
  }
  if (value instanceof Uint8Array) {
    return `b${Array.from(value, (b) => b.toString(16).padStart(2, "0")).join("")}`;
  }
  return value;
}

/**
 * Python's half of {@link comparable}, defined in Python as `comparable(value)`; ints
 * are strings only beyond 2^53 (ours are bigints only for 8-byte formats, so ints of
 * both sides become numbers when safe).
 */
export const PY_COMPARABLE = `
import math, json
def comparable(v):
    if isinstance(v, bool): return v
    if isinstance(v, int): return v if abs(v) <= 2**53 else f"i{v}"
    if isinstance(v, float):
        if math.isnan(v): return "nan"
        if math.isinf(v): return "inf" if v > 0 else "-inf"
        return v
    if isinstance(v, (bytes, bytearray)): return "b" + bytes(v).hex()
    if isinstance(v, (list, tuple)): return [comparable(x) for x in v]
    return repr(v)
def to_json(v):
    return json.dumps(comparable(v))
`;

/** Our value in the same form: 8-byte ints that fit in 2^53 become numbers. */
export function ours(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ours);
  if (typeof value === "bigint") {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : `i${value}`;
  }
  return comparable(value);
}

/** Every item of `view` as a nested list (`tolist()`), read through core's getPointer. */
export function readList(view: BufferView): unknown {
  const struct = new Struct(view.format ?? "B", { abi: view.abi });
  const item = (indices: number[]): unknown => {
    const values = struct.unpackFrom(view.memory, getPointer(view, indices));
    return values.length === 1 ? values[0] : values;
  };
  const shape = view.shape ?? [view.len / view.itemsize];
  const walk = (indices: number[]): unknown =>
    indices.length === view.ndim
      ? item(indices)
      : Array.from({ length: shape[indices.length] as number }, (_, i) => walk([...indices, i]));
  return walk([]);
}
