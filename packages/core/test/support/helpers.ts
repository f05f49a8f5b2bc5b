/** Shared test helpers: outcomes in the oracle's shape, memory builders. */
import { pythonErrorName } from "@pybuffer/struct";
import { isContiguous } from "../../src/contiguity.js";
import type { BufferView } from "../../src/view.js";

/** `{ ok: value }` or `{ error: CPythonClassName, message }`, as the oracle records them. */
export function outcomeOf<T>(fn: () => T): { ok: T } | { error: string; message: string } {
  try {
    return { ok: fn() };
  } catch (error) {
    const name = pythonErrorName(error);
    if (name === undefined) throw error;
    return { error: name, message: (error as Error).message };
  }
}

/** A fresh ArrayBuffer holding `bytes`. */
export function memoryOf(bytes: ArrayLike<number>): ArrayBuffer {
  const memory = new ArrayBuffer(bytes.length);
  new Uint8Array(memory).set(Array.from(bytes));
  return memory;
}

/** Detaches `memory` (transfers it away). */
export function detach(memory: ArrayBuffer): void {
  structuredClone(memory, { transfer: [memory] });
}

type Transferable = ArrayBuffer & {
  transfer?(): ArrayBuffer;
  transferToFixedLength?(): ArrayBuffer;
};

/**
 * Every way this runtime has to detach an ArrayBuffer: `structuredClone` everywhere, and
 * `ArrayBuffer.prototype.transfer` / `transferToFixedLength` where they exist (Node 22+,
 * current browsers), so the detach tests run each road the platform offers.
 */
export const DETACHERS: [string, (memory: ArrayBuffer) => void][] = [
  ["structuredClone", detach],
  ...(["transfer", "transferToFixedLength"] as const)
    .filter((name) => typeof (ArrayBuffer.prototype as Transferable)[name] === "function")
    .map((name): [string, (memory: ArrayBuffer) => void] => [
      name,
      (memory) => void (memory as Transferable)[name]!(),
    ]),
];

/** A view's fields as `_testbuffer` reports them (missing arrays as `[]`, format `''`). */
export function viewFields(view: BufferView): Record<string, unknown> {
  return {
    ndim: view.ndim,
    shape: view.shape ?? [],
    strides: view.strides ?? [],
    suboffsets: view.suboffsets ?? [],
    format: view.format ?? "",
    itemsize: view.itemsize,
    readonly: view.readonly,
    len: view.len,
  };
}

/** {@link viewFields} plus `is_contiguous` for C, F and A. */
export function viewFieldsWithContiguity(view: BufferView): Record<string, unknown> {
  return {
    ...viewFields(view),
    contiguous: (["C", "F", "A"] as const).map((o) => isContiguous(view, o)),
  };
}
