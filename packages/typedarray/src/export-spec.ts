/**
 * The checks `new MemoryExporter(spec)` makes: the class is public, so a hand-made spec
 * gets a clear `TypeError` (or the `BufferError` of core's layout check) instead of
 * failing at the first request. The package's own factories build specs from checked
 * parts and vouch for them (checking again cost ~100 ns per wrap, bench slice-release).
 */
import { isAbi, isMemory, pythonTypeName, verifyLayout } from "@pybuffer/core";
import type { Layout } from "./layout.js";
import type { ExportSpec } from "./memory-exporter.js";

const isIndex = (x: unknown): x is number =>
  typeof x === "number" && Number.isSafeInteger(x) && x >= 0;

function isIntArray(x: unknown): x is readonly number[] {
  return Array.isArray(x) && x.every((n) => typeof n === "number" && Number.isSafeInteger(n));
}

/** Throws unless `layout` is a consistent {@link Layout} (core verifies format, shape and strides). */
function checkLayout(layout: unknown, what: string): asserts layout is Layout {
  if (typeof layout !== "object" || layout === null) {
    throw new TypeError(`${what}: spec.layout must be an object, not '${pythonTypeName(layout)}'`);
  }
  const l = layout as Partial<Layout>;
  if (
    typeof l.format !== "string" ||
    !isIndex(l.itemsize) ||
    !isAbi(l.abi) ||
    !isIntArray(l.shape) ||
    !isIntArray(l.strides) ||
    !isIndex(l.offset) ||
    !isIndex(l.end) ||
    !isIndex(l.len) ||
    typeof l.c !== "boolean" ||
    typeof l.f !== "boolean"
  ) {
    throw new TypeError(
      `${what}: spec.layout needs format, itemsize, abi, shape, strides, offset, end, len, c and f`,
    );
  }
  const v = verifyLayout(
    { format: l.format, itemsize: l.itemsize, shape: l.shape, strides: l.strides, abi: l.abi },
    `${what}: spec.layout`,
  );
  const reach = v.hi === v.lo ? 0 : l.offset + v.hi;
  if (v.len !== l.len || v.c !== l.c || v.f !== l.f || l.offset + v.lo < 0 || l.end < reach) {
    throw new TypeError(`${what}: spec.layout's len, c, f or end disagree with its shape`);
  }
}

/**
 * Throws `TypeError` unless `spec` is a complete {@link ExportSpec}.
 *
 * @example
 * ```ts
 * checkExportSpec({ memory: new ArrayBuffer(4), base: 0, layout, readonly: false, what: "mine" });
 * ```
 */
export function checkExportSpec(spec: unknown): asserts spec is ExportSpec {
  if (typeof spec !== "object" || spec === null) {
    throw new TypeError(`MemoryExporter spec must be an object, not '${pythonTypeName(spec)}'`);
  }
  const s = spec as Partial<ExportSpec>;
  if (typeof s.what !== "string") throw new TypeError("MemoryExporter spec.what must be a string");
  const what = s.what;
  if (typeof s.memory !== "function" && !isMemory(s.memory)) {
    throw new TypeError(
      `${what}: spec.memory must be an ArrayBuffer, a SharedArrayBuffer or a function giving one`,
    );
  }
  if (!isIndex(s.base)) throw new TypeError(`${what}: spec.base must be a non-negative integer`);
  if (typeof s.readonly !== "boolean")
    throw new TypeError(`${what}: spec.readonly must be a boolean`);
  if (s.relayout !== undefined && typeof s.relayout !== "function") {
    throw new TypeError(`${what}: spec.relayout must be a function`);
  }
  const source = s.source;
  if (source !== undefined && (typeof source !== "object" || source === null)) {
    if (typeof source !== "function") throw new TypeError(`${what}: spec.source must be an object`);
  }
  checkLayout(s.layout, what);
}

let vouched = false;

/**
 * Marks the next `MemoryExporter` construction as one of this package's own (its spec is
 * built from checked parts). Call it right before `new MemoryExporter(spec)` or
 * `super(spec)`, with the spec already evaluated, so nothing can throw in between.
 *
 * @example
 * ```ts
 * const spec = { memory, base: 0, layout, readonly: false, what: "fromTypedArray" };
 * vouchForNextSpec();
 * return new MemoryExporter(spec);
 * ```
 */
export function vouchForNextSpec(): void {
  vouched = true;
}

/**
 * {@link checkExportSpec} unless the construction was vouched for; clears the mark.
 *
 * @example
 * ```ts
 * checkUnlessVouched(spec); // first statement of the constructor
 * ```
 */
export function checkUnlessVouched(spec: unknown): asserts spec is ExportSpec {
  if (vouched) {
    vouched = false;
    return;
  }
  checkExportSpec(spec);
}
