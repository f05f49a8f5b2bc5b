/**
 * How a memoryview prints (`String(m)`, `console.log(m)`): CPython's `<memory>` with the
 * view's format, shape, strides, read-only flag and first items, from core's
 * `describeView`, the items read as `m[i]` reads them (`unpack_single`) and shown as
 * Python's repr; `<released memory>` once released, as CPython's repr says.
 */
import { describeView } from "@pybuffer/core";
import { parseFormat } from "@pybuffer/struct";
import { bytesRepr, itemRepr } from "@pybuffer/struct/print";
import { RELEASED } from "./layout.js";
import type { ViewState } from "./view-state.js";

/**
 * The printed form of a memoryview.
 *
 * @example
 * memoryRepr(memoryview(new NDBuffer([1, 2, 3], { shape: [3] })));
 * // "<memory format='B' shape=(3,) strides=(1,) readonly=False [1, 2, 3]>"
 */
export function memoryRepr(m: ViewState): string {
  if ((m._flags & RELEASED) !== 0) return "<released memory>";
  const v = m._view;
  let codec: ReturnType<ViewState["_fmt"]>;
  try {
    codec = m._fmt();
  } catch {
    // A format memoryview cannot read: its items print as bytes.
    return describeView("memory", v, {}, (at) =>
      bytesRepr(new Uint8Array(v.memory, at, Math.min(v.itemsize, 32))),
    );
  }
  const layout = parseFormat(v.format as string, { abi: v.abi });
  return describeView("memory", v, {}, (at) => {
    const value = m._read(codec, at);
    return itemRepr(layout.length > 1 && Array.isArray(value) ? value : [value], layout);
  });
}
