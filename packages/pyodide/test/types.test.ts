/**
 * The public types: what each entry point accepts and gives (checked by
 * `tsc -p tsconfig.test.json`: a `@ts-expect-error` whose line compiles fails the build),
 * and that Pyodide's own objects fit the structural types.
 */
import type { BufferView, Exporter } from "@pybuffer/core";
import type { PyodideAPI } from "pyodide";
import type { PyBufferView, PyProxy, PyProxyWithGet } from "pyodide/ffi";
import { describe, expect, it } from "vitest";
import { allocate } from "../src/allocate.js";
import { fromPyodide } from "../src/from-pyodide.js";
import type { PyodideExporter } from "../src/pyodide-exporter.js";
import { type PythonBuffer, toPyodide } from "../src/to-pyodide.js";
import type { PyBufferProxyLike, PyBufferViewLike, PyodideLike } from "../src/types.js";

// Compile-time only: never called.
function typeChecks(
  pyodide: PyodideAPI,
  proxy: PyProxy & PyBufferProxyLike,
  pb: PyBufferView,
): void {
  const fromProxy: PyodideExporter = fromPyodide(proxy);
  const fromView: PyodideExporter = fromPyodide(pb, { pyodide });
  const asExporter: Exporter = fromProxy;
  const shared: PythonBuffer = toPyodide(fromView, pyodide, { copy: true });
  const proxyOut: unknown = shared.proxy;
  const made: PyodideExporter = allocate(pyodide, "<d", [2, 3], { readonly: true });
  const viewLike: PyBufferViewLike = pb;
  const api: PyodideLike = pyodide;
  // @ts-expect-error a plain object is not a PyProxy
  fromPyodide({});
  // @ts-expect-error a TypedArray is not a PyProxy (use @pybuffer/typedarray)
  fromPyodide(new Uint8Array(2));
  // @ts-expect-error options take a Pyodide, not a string
  fromPyodide(proxy, { pyodide: "pyodide" });
  // @ts-expect-error the Pyodide instance is required
  toPyodide(fromProxy);
  // @ts-expect-error shape is a list of extents
  allocate(pyodide, "d", 3);
  // @ts-expect-error format first
  allocate(pyodide, [3], "d");
  const getter: PyProxyWithGet | undefined = undefined;
  const view: BufferView | undefined = undefined;
  void [fromProxy, fromView, asExporter, proxyOut, made, viewLike, api, getter, view];
}

describe("types", () => {
  it("compile (see tsc -p tsconfig.test.json)", () => {
    expect(typeof typeChecks).toBe("function");
  });
});
