/**
 * The Pyodide heap as it is now. Pyodide does not expose its `WebAssembly.Memory`, and
 * growth replaces the heap's ArrayBuffer (detaching the old one), so the heap is found
 * through the public road: the `data` of a `getBuffer('u8')` of a small Python object
 * kept for the purpose, asked again only once the buffer known is detached.
 */
import type { Memory } from "@pybuffer/core";
import { fromPythonError } from "./python-error.js";
import type { PyBufferProxyLike, PyodideLike } from "./types.js";

interface Probe {
  readonly proxy: PyBufferProxyLike;
  memory: Memory;
}

const probes = new WeakMap<object, Probe>();

/** The heap seen through `proxy`'s buffer (which must be non-empty). */
export function heapThrough(proxy: PyBufferProxyLike): Memory {
  let pb: ReturnType<PyBufferProxyLike["getBuffer"]>;
  try {
    pb = proxy.getBuffer("u8");
  } catch (error) {
    throw fromPythonError(error);
  }
  const data = pb.data;
  pb.release();
  return (data as Uint8Array).buffer as Memory;
}

/**
 * `pyodide`'s heap now.
 *
 * @example
 * heapOf(pyodide) === pyodide.runPython("bytearray(1)").getBuffer("u8").data.buffer; // true
 */
export function heapOf(pyodide: PyodideLike): Memory {
  let probe = probes.get(pyodide);
  if (probe === undefined) {
    let proxy: PyBufferProxyLike;
    try {
      proxy = pyodide.runPython("bytearray(8)") as PyBufferProxyLike;
    } catch (error) {
      throw fromPythonError(error);
    }
    probe = { proxy, memory: heapThrough(proxy) };
    probes.set(pyodide, probe);
  } else if (probe.memory.byteLength === 0) {
    probe.memory = heapThrough(probe.proxy);
  }
  return probe.memory;
}
