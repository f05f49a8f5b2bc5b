/**
 * How a memoryview prints (`String(m)`, `console.log(m)`): CPython's `<memory>` with the
 * view's format, shape, strides, read-only flag and first items, from core's
 * `describeView`; `<released memory>` once released, as CPython's repr says.
 */
import { describeView } from "@pybuffer/core";
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
  return describeView("memory", m._view);
}
