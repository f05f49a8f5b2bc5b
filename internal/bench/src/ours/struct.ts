/**
 * Our `@pybuffer/struct` rows, guarded: a row runs only when the built package exports
 * `Struct` with the method it needs; otherwise it says `not available yet` and why.
 */
import type { Output, Row } from "../case.js";

type Method = "iterUnpack" | "packInto" | "unpackColumns";

// biome-ignore lint/suspicious/noExplicitAny: the API is probed at run time, not typed here
export type StructInstance = Record<Method, (...args: any[]) => any>;
type StructClass = new (format: string) => StructInstance;

let api: StructClass | string = "not loaded";

/** Imports the built package once; afterwards `structRow` knows what exists. */
export async function loadStruct(): Promise<void> {
  try {
    const module = (await import("@pybuffer/struct")) as Record<string, unknown>;
    api =
      typeof module.Struct === "function"
        ? (module.Struct as StructClass)
        : "@pybuffer/struct has no Struct export yet";
  } catch (error) {
    api = `@pybuffer/struct does not load (${(error as Error).message.split("\n")[0]})`;
  }
}

/** A row timing `run(new Struct(format))`, or the reason it cannot run yet. */
export function structRow<D>(
  name: string,
  output: Output,
  format: string,
  method: Method,
  run: (s: StructInstance, data: D) => () => unknown,
): Row<D> {
  if (typeof api === "string") return { name, kind: "ours", unavailable: api };
  if (typeof api.prototype[method] !== "function") {
    return { name, kind: "ours", unavailable: `Struct has no ${method} method yet` };
  }
  const Struct = api;
  return { name, kind: "ours", output, setup: (data: D) => run(new Struct(format), data) };
}
