/**
 * Validation of a view handed over by an exporter (or built by hand): every field is
 * of the right kind, the fields agree with each other as `Py_buffer` requires
 * (`len == product(shape) * itemsize`, ndim ≤ 64, strides only with a shape,
 * suboffsets only with strides, `calcsize(format) == itemsize`), and every byte the layout reaches is inside its
 * memory. CPython trusts its exporters; we refuse an inconsistent view instead.
 */

import { BufferError } from "@pybuffer/struct";
import { isAbi } from "./abi.js";
import { PyBUF_MAX_NDIM } from "./flags.js";
import { isMemory } from "./memory.js";
import { checkReach } from "./reach.js";
import { sizeFromFormat } from "./size-from-format.js";
import { pythonTypeName } from "./type-name.js";
import type { Abi, BufferView } from "./view.js";
import { ViewRecord } from "./view-record.js";

type Fields = Record<string, unknown>;

/** The errors validation raised for a view of more than PyBUF_MAX_NDIM dimensions. */
const tooManyDimensions = new WeakSet<Error>();

/**
 * Whether `error` is the `BufferError` a view check threw because the view had more
 * than {@link PyBUF_MAX_NDIM} dimensions (memoryview turns exactly that one into
 * CPython's `ValueError`; no message matching).
 *
 * @example
 * try { getBuffer(deepExporter, PyBUF_FULL_RO); } catch (e) { exceedsMaxNdim(e); } // true
 */
export function exceedsMaxNdim(error: unknown): boolean {
  return typeof error === "object" && error !== null && tooManyDimensions.has(error as Error);
}

function isIndex(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value);
}

function readArray(
  fields: Fields,
  name: string,
  ndim: number,
  problem: (message: string) => never,
  nonNegative: boolean,
): number[] | null {
  const value = fields[name];
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) problem(`${name} must be an array or null`);
  if (value.length !== ndim) problem(`len(${name}) is ${value.length}, but ndim is ${ndim}`);
  const out = new Array<number>(ndim);
  for (let i = 0; i < ndim; i++) {
    const x: unknown = value[i];
    if (!isIndex(x) || (nonNegative && x < 0)) {
      problem(`${name}[${i}] must be ${nonNegative ? "a non-negative" : "an"} integer`);
    }
    out[i] = x;
  }
  return ndim === 0 ? null : out;
}

/** The format must describe items of exactly `itemsize` bytes (struct.calcsize). */
function checkFormat(
  format: string,
  itemsize: number,
  abi: Abi,
  problem: (message: string) => never,
): void {
  let size = -1;
  try {
    size = sizeFromFormat(format, abi);
  } catch (error) {
    problem(`format '${format}' is not a struct format (${(error as Error).message})`);
  }
  if (size !== itemsize)
    problem(`format '${format}' has items of ${size} bytes, but itemsize is ${itemsize}`);
}

/**
 * Checks the `context` argument of the validators: the prefix of their messages, as a
 * string or a function giving one (called only when there is an error to report).
 *
 * @example
 * checkContext("my view"); // fine
 * checkContext(42); // TypeError: context must be a string or a function returning one, not 'int'
 */
function checkContext(context: unknown): asserts context is string | (() => string) {
  if (typeof context !== "string" && typeof context !== "function") {
    throw new TypeError(
      `context must be a string or a function returning one, not '${pythonTypeName(context)}'`,
    );
  }
}

/**
 * Checks a view-like object and returns a fresh, normalised `BufferView` (own
 * copies of shape/strides/suboffsets, `null` arrays for ndim 0, `abi` defaulting to
 * `lp64`). Throws `BufferError("<context>: <problem>")` for an inconsistent view and
 * the memory check's `ValueError` for a layout reaching outside its memory.
 *
 * @example
 * const view = validateView({ memory: new ArrayBuffer(4), buf: 0, len: 4, itemsize: 1,
 *   ndim: 1, shape: [4], strides: [1], suboffsets: null, format: "B", readonly: false,
 *   obj: null, internal: null }, "my view"); // abi "lp64" added
 */
export function validateView(
  candidate: unknown,
  context: string | (() => string) = "validateView()",
): ViewRecord {
  const view = validateFields(candidate, context);
  checkReach(view);
  return view;
}

/**
 * {@link validateView} without the memory check: the fields agree with each other, but
 * whether the layout fits its memory is not looked at (`verifyLayout` checks a layout
 * once, before it has a memory).
 *
 * @example
 * validateFields({ ...view, buf: 0 }, "my layout").shape; // a checked copy
 */
export function validateFields(
  candidate: unknown,
  context: string | (() => string) = "validateFields()",
): ViewRecord {
  checkContext(context);
  const problem = (message: string): never => {
    throw new BufferError(`${typeof context === "string" ? context : context()}: ${message}`);
  };
  if (typeof candidate !== "object" || candidate === null) problem("not a buffer view object");
  const fields = candidate as Fields;
  const memory = fields.memory;
  if (!isMemory(memory)) problem("memory must be an ArrayBuffer or SharedArrayBuffer");
  const buf = fields.buf;
  if (!isIndex(buf) || buf < 0) problem("buf must be a non-negative integer");
  const itemsize = fields.itemsize;
  if (!isIndex(itemsize) || itemsize < 1) problem("itemsize must be a positive integer");
  const ndim = fields.ndim;
  if (!isIndex(ndim) || ndim < 0) problem("ndim must be a non-negative integer");
  if ((ndim as number) > PyBUF_MAX_NDIM) {
    try {
      problem(`ndim must not exceed ${PyBUF_MAX_NDIM}`);
    } catch (error) {
      tooManyDimensions.add(error as Error);
      throw error;
    }
  }
  const readonly = fields.readonly;
  if (typeof readonly !== "boolean") problem("readonly must be a boolean");
  const format = fields.format ?? null;
  if (format !== null && typeof format !== "string") problem("format must be a string or null");
  const abi = fields.abi ?? "lp64";
  if (!isAbi(abi)) problem("abi must be 'lp64', 'llp64' or 'wasm32'");
  const n = ndim as number;
  const shape = readArray(fields, "shape", n, problem, true);
  const strides = readArray(fields, "strides", n, problem, false);
  const suboffsets = readArray(fields, "suboffsets", n, problem, false);
  if (shape === null && n > 1) problem("shape is required when ndim > 1");
  if (strides !== null && shape === null) problem("strides given without shape");
  if (suboffsets !== null && strides === null) problem("suboffsets given without strides");
  const len = fields.len;
  if (!isIndex(len) || len < 0) problem("len must be a non-negative integer");
  const size = itemsize as number;
  if (shape !== null) {
    let items = 1;
    for (const extent of shape) items *= extent;
    if (!Number.isSafeInteger(items * size)) problem("product(shape) * itemsize is too large");
    if (items * size !== len)
      problem(`len is ${len}, but product(shape) * itemsize is ${items * size}`);
  } else if (n === 0 && len !== size) {
    problem(`len is ${len}, but a 0-dimensional view has len == itemsize (${size})`);
  }
  if (format !== null) checkFormat(format as string, size, abi as Abi, problem);
  return new ViewRecord(
    (fields.obj ?? null) as object | null,
    memory as BufferView["memory"],
    buf as number,
    len as number,
    readonly as boolean,
    size,
    format as string | null,
    n,
    shape,
    strides,
    suboffsets?.every((s) => s < 0) ? null : suboffsets,
    abi as Abi,
    fields.internal ?? null,
  );
}

/**
 * The layout check: throws unless `view` is a consistent `BufferView` whose every
 * reachable byte lies inside its memory as it is now (use it before trusting a view
 * you did not get from {@link getBuffer}).
 *
 * @example
 * checkLayout(view); // throws BufferError or ValueError, or returns nothing
 */
export function checkLayout(view: BufferView): void {
  validateView(view, "invalid buffer view");
}
