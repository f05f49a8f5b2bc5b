/**
 * PyBufferView-shaped objects whose fields are not what Pyodide gives (found by the
 * umbrella's fuzz suite): a clear `BufferError`, never an engine error from inside.
 * Pyodide's own views always have these fields; no interpreter is needed here.
 */
import { getBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { BufferError } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { fromPyodide, type PyBufferViewLike } from "../src/index.js";

/** The class name and own fields `isPyBufferView` recognises, with `fields` over them. */
function fakeView(fields: Record<string, unknown>): PyBufferViewLike {
  class PyBufferView {
    release(): void {}
  }
  return Object.assign(new PyBufferView(), {
    offset: 0,
    format: "B",
    itemsize: 1,
    shape: [4],
    strides: [1],
    data: new Uint8Array(8),
    readonly: false,
    ndim: 1,
    nbytes: 4,
    ...fields,
  }) as unknown as PyBufferViewLike;
}

describe("fromPyodide over a PyBufferView with wrong fields", () => {
  it("reads a well-formed one", () => {
    const view = getBuffer(fromPyodide(fakeView({})), PyBUF_FULL_RO);
    expect([view.len, view.shape, view.strides]).toEqual([4, [4], [1]]);
    releaseBuffer(view);
  });

  it("refuses shape or strides that are not arrays with a BufferError", () => {
    for (const fields of [{ strides: null }, { shape: null }, { shape: 4 }, { strides: "1" }]) {
      expect(() => getBuffer(fromPyodide(fakeView(fields)), PyBUF_FULL_RO)).toThrow(
        new BufferError("fromPyodide: the PyBufferView's shape and strides must be arrays"),
      );
    }
  });
});
