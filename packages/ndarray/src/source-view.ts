/**
 * The input of `toNdarray` and `toStdlib`: an exporter, asked for a view here and
 * released once the conversion is done (the result aliases memory, not an export), or a
 * view already obtained with `getBuffer`, checked against its memory and left to its owner.
 */
import {
  type BufferView,
  checkBuffer,
  type Exporter,
  getBuffer,
  isReleased,
  PyBUF_FULL,
  PyBUF_FULL_RO,
  pythonTypeName,
  releaseBuffer,
  validateView,
} from "@pybuffer/core";
import { ValueError } from "@pybuffer/struct";

/** What the `to*` functions convert: an exporter, or a view in hand. */
export type ViewSource = Exporter | BufferView;

const keep = (): void => {};

/**
 * The view of `source` and the function that gives it back. `writable` asks an exporter
 * for a writable view (`PyBUF_FULL`) and refuses a read-only view passed in.
 *
 * @example
 * ```ts
 * const [view, done] = viewOf(fromNdarray(x), false, "toStdlib");
 * done();
 * ```
 */
export function viewOf(
  source: ViewSource,
  writable: boolean,
  what: string,
): [BufferView, () => void] {
  if (checkBuffer(source)) {
    const view = getBuffer(source, writable ? PyBUF_FULL : PyBUF_FULL_RO);
    return [view, () => releaseBuffer(view)];
  }
  if (typeof source !== "object" || source === null || !("memory" in source)) {
    throw new TypeError(
      `${what}: expected an exporter or a buffer view, not '${pythonTypeName(source)}'`,
    );
  }
  if (isReleased(source))
    throw new ValueError(`${what}: operation forbidden on a released buffer view`);
  const view = validateView(source, `${what}: invalid buffer view`);
  if (writable && view.readonly) {
    throw new TypeError(`${what}: the view is read-only, but a writable result was asked for`);
  }
  return [view, keep];
}
