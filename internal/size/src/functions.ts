/**
 * Per-function size entries: what a bundle of one import weighs once tree-shaken
 * (`import { unpack } from "pybuffer"`), so that a function that starts to drag in code
 * it does not need fails CI. Budgets in `budgets.json` under `specifier {names}`.
 */
export interface FunctionEntry {
  /** A published entry, as in the report: `pybuffer`, `@pybuffer/struct`. */
  readonly specifier: string;
  /** What the user imports from it. */
  readonly names: readonly string[];
}

export const FUNCTION_ENTRIES: readonly FunctionEntry[] = [
  { specifier: "pybuffer", names: ["memoryview"] },
  { specifier: "pybuffer", names: ["pack"] },
  { specifier: "pybuffer", names: ["unpack"] },
  ...[
    "unpack",
    "pack",
    "calcSize",
    "unpackFrom",
    "packInto",
    "iterUnpack",
    "unpackColumns",
    "parseFormat",
    "Struct",
  ].map((name) => ({ specifier: "@pybuffer/struct", names: [name] })),
];
