/**
 * `memoryview.cast(format[, shape])`: CPython's `memoryview_cast_impl`, `cast_to_1D` and
 * `cast_to_ND`, every check in CPython's order with its message. A cast never copies: it
 * is a new layout over the same bytes.
 */
import { type BufferView, OverflowError, PyBUF_MAX_NDIM, pythonTypeName } from "@pybuffer/core";
import { UnicodeEncodeError, ValueError } from "@pybuffer/struct";
import { nativeSize, ssizeLimit } from "./format.js";
import { asPyInt } from "./py-values.js";

/** Python's repr escape of one non-ASCII code point, as in UnicodeEncodeError messages. */
function escape(cp: number): string {
  if (cp < 0x100) return `\\x${cp.toString(16).padStart(2, "0")}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, "0")}`;
  return `\\U${cp.toString(16).padStart(8, "0")}`;
}

/** `str.encode('ascii')`: the text, or CPython's UnicodeEncodeError (a ValueError subclass). */
function asciiOnly(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) ascii = false;
  if (ascii) return text;
  const cps = [...text].map((c) => c.codePointAt(0) as number);
  const start = cps.findIndex((cp) => cp > 127);
  if (start < 0) return text;
  let end = start + 1;
  while (end < cps.length && (cps[end] as number) > 127) end++;
  const what =
    end - start === 1
      ? `character '${escape(cps[start] as number)}' in position ${start}`
      : `characters in position ${start}-${end - 1}`;
  throw new UnicodeEncodeError(`'ascii' codec can't encode ${what}: ordinal not in range(128)`);
}

/**
 * `get_native_fmtchar` on a C string (text after a NUL is not seen): the code, or `""`
 * when the format is not one native character with an optional `@`.
 */
function nativeChar(format: string, abi: BufferView["abi"]): string {
  const start = format.charCodeAt(0) === 64 ? 1 : 0;
  const end =
    format.length > start + 1 && format.charCodeAt(start + 1) === 0 ? start + 1 : format.length;
  if (end - start !== 1) return "";
  const code = format[start] as string;
  return nativeSize(code, abi) > 0 ? code : "";
}

function isByteCode(code: string): boolean {
  return code === "B" || code === "b" || code === "c";
}

/** `copy_shape` + the product check: the new shape, or CPython's errors. */
function readShape(
  shape: readonly unknown[],
  itemsize: number,
  len: number,
  abi: BufferView["abi"],
): number[] {
  const out = new Array<number>(shape.length);
  const limit = ssizeLimit(abi);
  let items = 1;
  for (let i = 0; i < shape.length; i++) {
    const value = shape[i];
    const int = asPyInt(value);
    if (int === null) throw new TypeError("memoryview.cast(): elements of shape must be integers");
    const x = Number(int);
    if (
      typeof int === "bigint"
        ? int >= BigInt(limit) || int < -BigInt(limit)
        : x >= limit || x < -limit
    ) {
      throw new OverflowError("Python int too large to convert to C ssize_t");
    }
    if (x <= 0) throw new ValueError("memoryview.cast(): elements of shape must be integers > 0");
    if (x > Math.floor((limit - 1) / items)) {
      throw new ValueError("memoryview.cast(): product(shape) > SSIZE_MAX");
    }
    items *= x;
    out[i] = x;
  }
  if (items * itemsize !== len) {
    throw new TypeError("memoryview: product(shape) * itemsize != buffer size");
  }
  return out;
}

/**
 * Checks `cast()`'s `format` argument type (done before anything else, by CPython's
 * argument parser).
 *
 * @example
 * checkCastFormat("B");
 */
export function checkCastFormat(format: unknown): asserts format is string {
  if (typeof format !== "string") {
    // CPython's argument parser names None itself, other values by their type.
    const what = format === null || format === undefined ? "None" : pythonTypeName(format);
    throw new TypeError(`cast() argument 'format' must be str, not ${what}`);
  }
}

/**
 * The layout of `view.cast(format, shape)` (shape `undefined` = not given). `cContiguous`
 * is the view's C-contiguity flag. The result shares `view`'s memory, `buf`, `len`,
 * `readonly` and `obj`.
 *
 * @example
 * castLayout(view, true, "I", [4, 4]);
 */
export function castLayout(
  view: BufferView,
  cContiguous: boolean,
  format: string,
  shape?: unknown,
): BufferView {
  if (!cContiguous) throw new TypeError("memoryview: casts are restricted to C-contiguous views");
  if (shape !== undefined || view.ndim !== 1) {
    const extents = view.shape ?? [];
    for (let d = 0; d < view.ndim; d++) {
      if (extents[d] === 0) {
        throw new TypeError("memoryview: cannot cast view with zeros in shape or strides");
      }
    }
  }
  let ndim = 1;
  if (shape !== undefined) {
    if (!Array.isArray(shape)) throw new TypeError("shape must be a list or a tuple");
    ndim = shape.length;
    if (ndim > PyBUF_MAX_NDIM) {
      throw new ValueError("memoryview: number of dimensions must not exceed 64");
    }
    if (view.ndim !== 1 && ndim !== 1) {
      throw new TypeError("memoryview: cast must be 1D -> ND or ND -> 1D");
    }
  }
  const code = nativeChar(asciiOnly(format), view.abi);
  if (code === "") {
    throw new ValueError(
      "memoryview: destination format must be a native single character format prefixed with an optional '@'",
    );
  }
  const itemsize = nativeSize(code, view.abi);
  if (!isByteCode(nativeChar(view.format ?? "B", view.abi)) && !isByteCode(code)) {
    throw new TypeError("memoryview: cannot cast between two non-byte formats");
  }
  if (view.len % itemsize !== 0)
    throw new TypeError("memoryview: length is not a multiple of itemsize");
  const fmt = format.charCodeAt(0) === 64 ? `@${code}` : code;
  if (shape === undefined) return castTo(view, fmt, itemsize, 1, [view.len / itemsize], [itemsize]);
  const extents = readShape(
    shape as unknown[],
    itemsize,
    ndim === 0 ? itemsize : view.len,
    view.abi,
  );
  if (ndim === 0) {
    if (view.len !== itemsize) {
      throw new TypeError("memoryview: product(shape) * itemsize != buffer size");
    }
    return castTo(view, fmt, itemsize, 0, null, null);
  }
  const strides = new Array<number>(ndim);
  let stride = itemsize;
  for (let d = ndim - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= extents[d] as number;
  }
  return castTo(view, fmt, itemsize, ndim, extents, strides);
}

/** `view` seen as `ndim` dimensions of `format` items (suboffsets dropped). */
function castTo(
  view: BufferView,
  format: string,
  itemsize: number,
  ndim: number,
  shape: number[] | null,
  strides: number[] | null,
): BufferView {
  return {
    obj: view.obj,
    memory: view.memory,
    buf: view.buf,
    len: view.len,
    readonly: view.readonly,
    itemsize,
    format,
    ndim,
    shape,
    strides,
    suboffsets: null,
    abi: view.abi,
    internal: null,
  };
}
