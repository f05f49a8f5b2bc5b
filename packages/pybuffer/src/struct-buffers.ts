/**
 * The `struct` functions and `Struct` taking any exporter where CPython takes a buffer
 * (its `y*` and `w*` arguments): `unpack("<I", memoryview(data))`,
 * `packInto("<h", m, 0, 1)`, as Python's `struct.unpack('<I', memoryview(data))`.
 *
 * JavaScript's binary types go to `@pybuffer/struct` as they are. An exporter that is not
 * one of them is asked for its bytes as CPython asks: `PyBUF_SIMPLE` to read (a view that
 * is not C-contiguous raises the exporter's `BufferError`), `PyBUF_WRITABLE` to pack into
 * (any refusal is struct's `TypeError`, "argument must be read-write bytes-like object").
 * The bytes are read through a `Uint8Array` over the exporter's memory and the buffer is
 * released when the call returns; `iterUnpack`'s iterator holds it until the iteration
 * ends, as CPython's does (`held-iterator.ts`).
 */
import {
  type BufferView,
  checkBuffer,
  getBuffer,
  PyBUF_SIMPLE,
  PyBUF_WRITABLE,
  releaseBuffer,
} from "@pybuffer/core";
import type {
  BufferSource,
  Column,
  ColumnsOf,
  FormatArg,
  FormatSource,
  PackArgsOf,
  StructOptions,
  UnpackedOf,
  UnpackIterator,
} from "@pybuffer/struct";
import * as struct from "@pybuffer/struct";
// JS binary types never get here (struct reads them itself): only foreign buffers are looked up.
import { foreignOr } from "./as-exporter.js";
import { heldIterator } from "./held-iterator.js";
import { isNdarray } from "./ndarray-lookup.js";
import { isPyodideBuffer } from "./pyodide-lookup.js";
import { viewBytes } from "./view-bytes.js";

/** What the struct functions take here: a JavaScript binary type or any exporter. */
export type StructBuffer = BufferSource | object;

/** Whether `obj` is an exporter (or a scijs/stdlib array) `@pybuffer/struct` cannot read by itself. */
function exporterOnly(obj: unknown): boolean {
  return !ArrayBuffer.isView(obj) && (checkBuffer(obj) || isPyodideBuffer(obj) || isNdarray(obj));
}

/**
 * `use(bytes)` with the bytes of the exporter `obj`: a `Uint8Array` over its buffer,
 * released afterwards.
 */
function withBytes<T>(obj: unknown, writable: boolean, use: (bytes: BufferSource) => T): T {
  let view: BufferView;
  try {
    view = getBuffer(foreignOr(obj), writable ? PyBUF_WRITABLE : PyBUF_SIMPLE);
  } catch (error) {
    // CPython's `w*` turns any refusal into the TypeError struct raises for a non-buffer.
    if (writable) return use(obj as BufferSource);
    throw error;
  }
  try {
    return use(viewBytes(view));
  } finally {
    releaseBuffer(view);
  }
}

/** How a call gets an exporter's bytes: lent for the call, or held by what it returns. */
type Lend<T> = (obj: unknown, use: (bytes: BufferSource) => T) => T;

const reading = <T>(obj: unknown, use: (bytes: BufferSource) => T): T => withBytes(obj, false, use);
const writing = <T>(obj: unknown, use: (bytes: BufferSource) => T): T => withBytes(obj, true, use);

/**
 * `f` called on `self` with `args`, whose exporter at `args[at]` is replaced by its
 * bytes (`lend` gets them).
 */
function overBytes<T>(
  f: (...a: never) => T,
  self: unknown,
  args: unknown[],
  at: number,
  lend: Lend<T>,
): T {
  return lend(args[at], (bytes) => {
    args[at] = bytes;
    return Reflect.apply(f as (...a: unknown[]) => T, self, args);
  });
}

/**
 * `struct.Struct`, whose methods also take exporters (a `MemoryView`, an `NDBuffer`, …).
 * Each method hands anything else (JS binary types, and what struct refuses) straight to
 * struct's, and leaves exporters to `overBytes`. No closure in the methods themselves: V8
 * makes the context a closure captures at every call, whichever branch runs, and that
 * made `packInto` over a `Uint8Array` cost 3.2× struct's own (589 against 185
 * instructions per call, counted with callgrind; 1.9× now, the cost of a second call).
 *
 * @example
 * ```ts
 * new Struct("<h").unpack(memoryview(new Int16Array([-2]))); // [-2]
 * ```
 */
export class Struct<
  F extends string = string,
  const O extends StructOptions = {},
> extends struct.Struct<F, O> {
  override packInto(
    buffer: StructBuffer,
    offset: number | bigint,
    ...values: PackArgsOf<F, O>
  ): void {
    if (!exporterOnly(buffer)) super.packInto(buffer as BufferSource, offset, ...values);
    else overBytes(super.packInto, this, [buffer, offset, ...values], 0, writing);
  }

  override packIntoArray(
    buffer: StructBuffer,
    offset: number | bigint,
    values: Readonly<PackArgsOf<F, O>>,
  ): void {
    if (!exporterOnly(buffer)) super.packIntoArray(buffer as BufferSource, offset, values);
    else overBytes(super.packIntoArray, this, [buffer, offset, values], 0, writing);
  }

  override packManyInto(
    buffer: StructBuffer,
    offset: number | bigint,
    rows: readonly Readonly<PackArgsOf<F, O>>[],
  ): void {
    if (!exporterOnly(buffer)) super.packManyInto(buffer as BufferSource, offset, rows);
    else overBytes(super.packManyInto, this, [buffer, offset, rows], 0, writing);
  }

  override unpack(buffer: StructBuffer): UnpackedOf<F, O> {
    if (!exporterOnly(buffer)) return super.unpack(buffer as BufferSource);
    return overBytes(super.unpack, this, [buffer], 0, reading);
  }

  override unpackFrom(buffer: StructBuffer, offset: number | bigint = 0): UnpackedOf<F, O> {
    if (!exporterOnly(buffer)) return super.unpackFrom(buffer as BufferSource, offset);
    return overBytes(super.unpackFrom, this, [buffer, offset], 0, reading);
  }

  override iterUnpack(buffer: StructBuffer): UnpackIterator<UnpackedOf<F, O>> {
    if (!exporterOnly(buffer)) return super.iterUnpack(buffer as BufferSource);
    return heldIterator(buffer, (b) => super.iterUnpack(b));
  }

  override unpackMany(buffer: StructBuffer): UnpackedOf<F, O>[] {
    if (!exporterOnly(buffer)) return super.unpackMany(buffer as BufferSource);
    return overBytes(super.unpackMany, this, [buffer], 0, reading);
  }

  override unpackColumns(buffer: StructBuffer): ColumnsOf<F, O> {
    if (!exporterOnly(buffer)) return super.unpackColumns(buffer as BufferSource);
    return overBytes(super.unpackColumns, this, [buffer], 0, reading);
  }
}

/**
 * `f(...args)` for a call whose buffer, `args[1]`, is an exporter: with its bytes in its
 * place (`lend` gets them); the format is checked first, as CPython converts it before
 * the buffer. Other arguments go to `f` as they are, so struct's arity errors count them
 * as given. Each function below hands every other call to struct itself,
 * `Reflect.apply` of its own `arguments`, which V8 forwards without making the arguments
 * object: passing them on to a helper here made a call over a `Uint8Array` cost up to
 * 2.4× struct's own (`packInto`: 656 against 275 instructions, counted with callgrind;
 * 1.7× now).
 */
function lendCall<T>(f: (...a: never) => T, args: IArguments, lend: Lend<T>): T {
  struct.calcSize(args[0]);
  return overBytes(f, undefined, Array.from(args), 1, lend);
}

/**
 * `struct.pack_into(fmt, buffer, offset, *v)`, `buffer` any writable exporter too.
 *
 * @example
 * ```ts
 * const data = new Int16Array(2);
 * packInto("<h", memoryview(data), 2, -1); // data is [0, -1]
 * ```
 */
export function packInto<F extends FormatSource>(
  fmt: FormatArg<F>,
  buffer: StructBuffer,
  offset: number | bigint,
  ...values: PackArgsOf<F>
): void;
export function packInto(
  _fmt: string | Uint8Array,
  _buffer: StructBuffer,
  _offset: number | bigint,
  ..._values: unknown[]
): void {
  // biome-ignore lint/complexity/noArguments: struct's arity errors count the real arguments
  const args = arguments;
  if (args.length < 2 || !exporterOnly(_buffer)) Reflect.apply(struct.packInto, undefined, args);
  else lendCall(struct.packInto, args, writing);
}

/**
 * `struct.unpack(fmt, buffer)`, `buffer` any exporter too.
 *
 * @example
 * ```ts
 * unpack("<I", memoryview(new Uint8Array([1, 0, 0, 0]))); // [1]
 * ```
 */
export function unpack<F extends FormatSource>(
  fmt: FormatArg<F>,
  buffer: StructBuffer,
): UnpackedOf<F>;
export function unpack(_fmt: string | Uint8Array, _buffer: StructBuffer): unknown[] {
  // biome-ignore lint/complexity/noArguments: struct's arity errors count the real arguments
  const args = arguments;
  if (args.length < 2 || !exporterOnly(_buffer))
    return Reflect.apply(struct.unpack, undefined, args);
  return lendCall(struct.unpack, args, reading);
}

/**
 * `struct.unpack_from(fmt, buffer, offset=0)`, `buffer` any exporter too.
 *
 * @example
 * ```ts
 * unpackFrom("<b", memoryview(new Int8Array([1, -2])), 1); // [-2]
 * ```
 */
export function unpackFrom<F extends FormatSource>(
  fmt: FormatArg<F>,
  buffer: StructBuffer,
  offset?: number | bigint,
): UnpackedOf<F>;
export function unpackFrom(
  _fmt: string | Uint8Array,
  _buffer: StructBuffer,
  _offset?: number | bigint,
): unknown[] {
  // biome-ignore lint/complexity/noArguments: struct's arity errors count the real arguments
  const args = arguments;
  if (args.length < 2 || !exporterOnly(_buffer))
    return Reflect.apply(struct.unpackFrom, undefined, args);
  return lendCall(struct.unpackFrom, args, reading);
}

/**
 * `struct.iter_unpack(fmt, buffer)`, `buffer` any exporter too.
 *
 * @example
 * ```ts
 * [...iterUnpack("<b", memoryview(new Int8Array([1, 2])))]; // [[1], [2]]
 * ```
 */
export function iterUnpack<F extends FormatSource>(
  fmt: FormatArg<F>,
  buffer: StructBuffer,
): UnpackIterator<UnpackedOf<F>>;
export function iterUnpack(_fmt: string | Uint8Array, _buffer: StructBuffer): UnpackIterator {
  // biome-ignore lint/complexity/noArguments: struct's arity errors count the real arguments
  const args = arguments;
  if (args.length < 2 || !exporterOnly(_buffer))
    return Reflect.apply(struct.iterUnpack, undefined, args);
  return lendCall(struct.iterUnpack, args, heldIterator);
}

/**
 * `list(struct.iter_unpack(fmt, buffer))` in one call, `buffer` any exporter too.
 *
 * @example
 * ```ts
 * unpackMany("<b", memoryview(new Int8Array([1, 2]))); // [[1], [2]]
 * ```
 */
export function unpackMany<F extends FormatSource>(
  fmt: FormatArg<F>,
  buffer: StructBuffer,
): UnpackedOf<F>[];
export function unpackMany(_fmt: string | Uint8Array, _buffer: StructBuffer): unknown[][] {
  // biome-ignore lint/complexity/noArguments: struct's arity errors count the real arguments
  const args = arguments;
  if (args.length < 2 || !exporterOnly(_buffer))
    return Reflect.apply(struct.unpackMany, undefined, args);
  return lendCall(struct.unpackMany, args, reading);
}

/**
 * One column per value position, `buffer` any exporter too.
 *
 * @example
 * ```ts
 * unpackColumns("<b", memoryview(new Int8Array([1, 2]))); // [Int8Array [1, 2]]
 * ```
 */
export function unpackColumns<F extends FormatSource>(
  fmt: FormatArg<F>,
  buffer: StructBuffer,
): ColumnsOf<F>;
export function unpackColumns(_fmt: string | Uint8Array, _buffer: StructBuffer): Column[] {
  // biome-ignore lint/complexity/noArguments: struct's arity errors count the real arguments
  const args = arguments;
  if (args.length < 2 || !exporterOnly(_buffer))
    return Reflect.apply(struct.unpackColumns, undefined, args);
  return lendCall(struct.unpackColumns, args, reading);
}
