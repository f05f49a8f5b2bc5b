/**
 * The printed form of a buffer view and of an exporter: the view's layout in Python's
 * spelling and its first items, read item by item through `getPointer`, so nothing
 * outside the view's own items is ever read (a view over a pooled Node Buffer never
 * shows the rest of the pool).
 */
import { bytesRepr, describeError, elidedItems, summary } from "@pybuffer/struct/print";
import { exportCount, getBuffer, isReleased, releaseBuffer } from "../exporter.js";
import { PyBUF_FULL_RO } from "../flags.js";
import { getPointer } from "../pointer.js";
import { checkReach } from "../reach.js";
import type { BufferView } from "../view.js";
import { simpleReader } from "./simple-items.js";

/** Bytes shown of an item printed as bytes (never a megabyte `s` field in full). */
const WIDE_SHOWN = 32;

/**
 * The JavaScript class name of an object (`NDBuffer`, `Uint8Array`), or `object` for a
 * plain one.
 *
 * @example
 * className(new NDBuffer([1], { shape: [1] })); // "NDBuffer"
 */
export function className(obj: unknown): string {
  if (typeof obj !== "object" || obj === null) return typeof obj;
  const name = (obj as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "" && name !== "Object" ? name : "object";
}

/** A reader of one item's text at an index, or why the items cannot be read. */
function itemReader(
  view: BufferView,
  readAt: ((at: number) => string) | undefined,
): ((index: readonly number[]) => string) | string {
  try {
    checkReach(view);
  } catch (error) {
    return `(items unreadable: ${describeError(error)})`;
  }
  // Py_buffer's rule for no shape: len bytes in one dimension.
  const bytewise = view.shape === null && view.ndim !== 0;
  const width = bytewise ? 1 : view.itemsize;
  const read =
    (bytewise ? (at: number) => String(new Uint8Array(view.memory, at, 1)[0]) : null) ??
    readAt ??
    simpleReader(view, width) ??
    ((at: number) => {
      const bytes = new Uint8Array(view.memory, at, Math.min(width, WIDE_SHOWN));
      return width > bytes.length ? `${bytesRepr(bytes)}...` : bytesRepr(bytes);
    });
  return (index) => read(getPointer(view, index));
}

/**
 * `<name format='h' shape=(2, 3) strides=(6, 2) readonly=False … [[1, 2, 3], [4, 5, 6]]>`:
 * a view's layout, the `extra` parts, and its first items (elided with `...`). A view
 * given back with `releaseBuffer` prints `released=True` and no items. `readAt` gives the
 * text of the item at a byte address of `view.memory`; without it, single integer, float,
 * bool and char codes are read and other formats print each item's bytes.
 *
 * @example
 * describeView("memory", getBuffer(nd, PyBUF_FULL_RO));
 * // "<memory format='B' shape=(3,) strides=(1,) readonly=False [1, 2, 3]>"
 */
export function describeView(
  name: string,
  view: BufferView,
  extra: Readonly<Record<string, string | number | boolean | readonly number[] | undefined>> = {},
  readAt?: (at: number) => string,
): string {
  const released = isReleased(view);
  // A 0-d view may leave shape and strides out; Py_buffer's rule for no shape otherwise:
  // len bytes in one dimension.
  const scalar = view.ndim === 0;
  const shape = view.shape ?? (scalar ? [] : null);
  const parts = {
    format: view.format ?? "B",
    shape: shape ?? undefined,
    strides: view.strides ?? (scalar ? [] : undefined),
    suboffsets: view.suboffsets ?? undefined,
    readonly: view.readonly,
    ...(released ? { released: true } : {}),
    ...extra,
  };
  if (shape === null) Object.assign(parts, { len: view.len });
  if (released) return summary(name, parts);
  const read = itemReader(view, readAt);
  if (typeof read === "string") return summary(name, parts, read);
  try {
    return summary(name, parts, elidedItems(shape ?? [view.len], read));
  } catch (error) {
    return summary(name, parts, `(items unreadable: ${describeError(error)})`);
  }
}

/**
 * `<NDBuffer format='B' shape=(3,) strides=(1,) readonly=False exports=0 [1, 2, 3]>`:
 * an exporter printed through the view it gives for `PyBUF_FULL_RO` (given back at
 * once), or with the reason it refuses one.
 *
 * @example
 * describeExporter(new NDBuffer([1, 2, 3], { shape: [3] }));
 */
export function describeExporter(obj: object): string {
  const name = className(obj);
  const exports = exportCount(obj);
  let view: BufferView;
  try {
    view = getBuffer(obj, PyBUF_FULL_RO);
  } catch (error) {
    return summary(name, { exports }, `(no view: ${describeError(error)})`);
  }
  try {
    return describeView(name, view, { exports });
  } finally {
    releaseBuffer(view);
  }
}

/**
 * `<Py_buffer obj=NDBuffer format='B' shape=(3,) … [1, 2, 3]>`: a view `getBuffer` gave.
 *
 * @example
 * String(getBuffer(nd, PyBUF_FULL_RO));
 */
export function describeBufferView(view: BufferView): string {
  const obj = view.obj === null ? "None" : className(view.obj);
  return describeView(`Py_buffer obj=${obj}`, view);
}
