/** Hostile arguments to each entry point: our errors with our messages, never a crash. */
import { NDBuffer } from "@pybuffer/core";
import { pythonErrorName } from "@pybuffer/struct";
import { beforeAll, describe, expect, it } from "vitest";
import { allocate } from "../src/allocate.js";
import { fromPyodide } from "../src/from-pyodide.js";
import { toPyodide } from "../src/to-pyodide.js";
import { loadTestPyodide, type TestPyodide } from "./support.js";

let pyodide: TestPyodide;
beforeAll(async () => {
  pyodide = await loadTestPyodide();
});

const values = (): unknown[] => [
  undefined,
  null,
  0,
  Number.NaN,
  "ab",
  1n,
  Symbol(),
  () => 0,
  {},
  [1],
  [-1],
  [2 ** 40, 2 ** 40],
  new Uint16Array(2),
  pyodide.runPython("{}"),
  pyodide.runPython("bytearray(2)"),
  { runPython: 1 },
];

describe("hostile arguments", () => {
  const calls: [string, (x: unknown) => unknown][] = [
    ["fromPyodide(x)", (x) => fromPyodide(x as never)],
    ["fromPyodide(bytes, x)", (x) => fromPyodide(pyodide.runPython("b'a'") as never, x as never)],
    ["toPyodide(x, pyodide)", (x) => toPyodide(x, pyodide)],
    [
      "toPyodide(nd, pyodide, x)",
      (x) => toPyodide(NDBuffer.fromItems([1], { shape: [1] }), pyodide, x as never).release(),
    ],
    ["allocate(pyodide, x, [2])", (x) => allocate(pyodide, x as never, [2])],
    ["allocate(pyodide, 'B', x)", (x) => allocate(pyodide, "B", x as never)],
    ["allocate(pyodide, 'B', [2], x)", (x) => allocate(pyodide, "B", [2], x as never)],
  ];
  it.each(calls)("%s", (_name, call) => {
    for (const value of values()) {
      try {
        call(value);
      } catch (error) {
        expect(pythonErrorName(error), String(error)).toBeDefined();
        expect((error as Error).message).not.toMatch(
          /Cannot read|is not a function|of undefined|of null|PythonError/,
        );
      }
    }
  });
});
