/**
 * What an exporter can do when it knows its Pyodide instance (`fromPyodide(obj,
 * { pyodide })`): export through ctypes what Pyodide's `getBuffer` refuses (suboffsets),
 * and find the heap after a growth without a PyProxy of its own. Kept apart from the
 * exporter so that code which never passes the instance (the umbrella's lookup) does not
 * carry the Python helpers.
 */
import type { Memory } from "@pybuffer/core";
import { heapOf } from "./heap.js";
import { helpersFor } from "./helpers.js";
import { Hold, heldLayout } from "./hold.js";
import { fromPythonError } from "./python-error.js";
import type { PyBufferProxyLike, PyodideLike } from "./types.js";

/** The roads an exporter takes through its Pyodide instance. */
export interface InstanceRoad {
  /** A `PyBUF_FULL_RO` export of `proxy` through ctypes: the road for suboffsets. */
  fullExport(proxy: PyBufferProxyLike): Hold;
  /** The instance's heap as it is now. */
  heap(): Memory;
}

/** A `PyBUF_FULL_RO` export through ctypes, held until the hold is dropped. */
function fullExport(proxy: PyBufferProxyLike, pyodide: PyodideLike): Hold {
  const helpers = helpersFor(pyodide);
  let exported: ReturnType<typeof helpers.Export>;
  let fields: unknown[];
  try {
    exported = helpers.Export(proxy);
    const list = exported.fields;
    fields = list.toJs();
    list.destroy();
  } catch (error) {
    throw fromPythonError(error);
  }
  const [address, , itemsize, readonly, format, shape, strides, suboffsets] = fields as [
    number,
    number,
    number,
    boolean,
    string,
    number[] | null,
    number[] | null,
    number[] | null,
  ];
  const dims = shape ?? [];
  const layout = heldLayout(format, itemsize, dims, strides ?? [], suboffsets);
  const held = {
    release(): void {
      exported.release();
      exported.destroy();
    },
  };
  try {
    return new Hold(heapOf(pyodide), address, readonly, layout, held);
  } catch (error) {
    held.release();
    throw error;
  }
}

/**
 * The roads through `pyodide`.
 *
 * @example
 * const hold = instanceRoad(pyodide).fullExport(proxy);
 */
export function instanceRoad(pyodide: PyodideLike): InstanceRoad {
  return {
    fullExport: (proxy) => fullExport(proxy, pyodide),
    heap: () => heapOf(pyodide),
  };
}
