/**
 * Our `@pybuffer/core` rows, guarded like ours/struct.ts: `toContiguous` (CPython's
 * `PyBuffer_ToContiguous`) copying a strided view into C order.
 */
import type { Row } from "../case.js";

/** The fields of a view the copy sections describe; the rest are filled in here. */
export interface ViewShape {
  readonly memory: ArrayBuffer;
  readonly buf: number;
  readonly len: number;
  readonly itemsize: number;
  readonly format: string;
  readonly shape: number[];
  readonly strides: number[];
}

type ToContiguous = (view: object, order: "C" | "F" | "A") => unknown;

let api: ToContiguous | string = "not loaded";

export async function loadCore(): Promise<void> {
  try {
    const module = (await import("@pybuffer/core")) as Record<string, unknown>;
    api =
      typeof module.toContiguous === "function"
        ? (module.toContiguous as ToContiguous)
        : "@pybuffer/core has no toContiguous export yet";
  } catch (error) {
    api = `@pybuffer/core does not load (${(error as Error).message.split("\n")[0]})`;
  }
}

export function toContiguousRow<D>(shape: (data: D) => ViewShape): Row<D> {
  const name = "toContiguous(view, 'C')";
  if (typeof api === "string") return { name, kind: "ours", unavailable: api };
  const toContiguous = api;
  return {
    name,
    kind: "ours",
    output: "bytes",
    setup: (data: D) => {
      const s = shape(data);
      const view = {
        obj: null,
        readonly: true,
        ndim: s.shape.length,
        suboffsets: null,
        abi: "lp64",
        internal: null,
        ...s,
      };
      return () => toContiguous(view, "C");
    },
  };
}
