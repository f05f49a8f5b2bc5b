/**
 * Whole backing stores as exporters: ArrayBuffer (fixed or resizable), SharedArrayBuffer
 * (fixed or growable) and `WebAssembly.Memory`. Without an explicit `shape`, an export
 * covers the store as it is at each request, so a resized ArrayBuffer, a grown
 * SharedArrayBuffer or a grown `WebAssembly.Memory` (whose `buffer` is replaced by a new
 * one, detaching the old) is followed; views handed out earlier keep their old memory
 * and fail cleanly once it is detached.
 */
import { vouchForNextSpec } from "./export-spec.js";
import { describe } from "./from-typed-array.js";
import type { ShapedSource } from "./kind-types.js";
import { type LayoutOptions, resolveLayout } from "./layout.js";
import { isMemory } from "./memory.js";
import { MemoryExporter } from "./memory-exporter.js";
import { checkOptions, itemSizeOf } from "./options.js";

/** Options of {@link fromArrayBuffer} and {@link fromWasmMemory}. */
export type BufferExportOptions = LayoutOptions;

function exporterOver(
  source: object,
  memory: ArrayBuffer | SharedArrayBuffer | (() => ArrayBuffer | SharedArrayBuffer),
  options: BufferExportOptions,
  what: string,
): MemoryExporter {
  const format = options.format ?? "B";
  const itemsize = options.format === undefined ? 1 : itemSizeOf(options, format);
  const layoutFor = (byteLength: number) =>
    resolveLayout(byteLength, format, itemsize, options, what);
  const tracks = options.shape === undefined && options.strides === undefined;
  const spec = {
    source,
    memory,
    base: 0,
    layout: layoutFor((typeof memory === "function" ? memory() : memory).byteLength),
    readonly: options.readonly === true,
    relayout: tracks ? layoutFor : undefined,
    what,
  };
  vouchForNextSpec();
  return new MemoryExporter(spec);
}

/**
 * `fromArrayBuffer(buffer, options?)`: an exporter over a whole ArrayBuffer or
 * SharedArrayBuffer, format `B` by default. Without `shape`, each export covers the
 * buffer's length at that moment (resizable and growable buffers are followed).
 *
 * @example
 * ```ts
 * const ab = new ArrayBuffer(4, { maxByteLength: 16 });
 * const exporter = fromArrayBuffer(ab);
 * ab.resize(8);
 * const view = getBuffer(exporter, PyBUF_SIMPLE);
 * view.len; // 8
 * releaseBuffer(view);
 * ```
 */
export function fromArrayBuffer<
  B extends ArrayBuffer | SharedArrayBuffer,
  const O extends BufferExportOptions = {},
>(buffer: B, options?: O): MemoryExporter & ShapedSource<B, O>;
export function fromArrayBuffer(
  buffer: ArrayBuffer | SharedArrayBuffer,
  options: BufferExportOptions = {},
): MemoryExporter {
  const what = "fromArrayBuffer";
  options = checkOptions(options, what);
  if (!isMemory(buffer)) {
    throw new TypeError(
      `${what}: expected an ArrayBuffer or SharedArrayBuffer, not '${describe(buffer)}'`,
    );
  }
  return exporterOver(buffer, buffer, options, what);
}

/**
 * Whether `value` is a `WebAssembly.Memory` (from any realm).
 *
 * @example
 * ```ts
 * isWasmMemory(new WebAssembly.Memory({ initial: 1 })); // true
 * ```
 */
export function isWasmMemory(value: unknown): value is WebAssembly.Memory {
  return Object.prototype.toString.call(value) === "[object WebAssembly.Memory]";
}

/**
 * `fromWasmMemory(memory, options?)`: an exporter over a `WebAssembly.Memory`, format
 * `B` by default, ABI `wasm32` by default (4-byte `l`, `L` and pointers). Its `buffer` is fetched again at each request, so exports made after
 * `grow()` see the new memory (the old buffer is detached by the growth, and views over it
 * fail cleanly).
 *
 * @example
 * ```ts
 * const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
 * const exporter = fromWasmMemory(memory);
 * memory.grow(1);
 * const view = getBuffer(exporter, PyBUF_SIMPLE);
 * view.len; // 131072
 * releaseBuffer(view);
 * ```
 */
export function fromWasmMemory(
  memory: WebAssembly.Memory,
  options: BufferExportOptions = {},
): MemoryExporter {
  const what = "fromWasmMemory";
  options = checkOptions(options, what);
  if (!isWasmMemory(memory)) {
    throw new TypeError(`${what}: expected a WebAssembly.Memory, not '${describe(memory)}'`);
  }
  return exporterOver(memory, () => memory.buffer, { abi: "wasm32", ...options }, what);
}
