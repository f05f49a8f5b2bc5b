/**
 * CPython 3.14 for wasm32, in this process, through the npm `pyodide` package (runs
 * offline): the live oracle for the wasm32 ABI. Same calling convention as
 * {@link LivePython}: `module.fn(*args)` from py/, answers as {@link Outcome}s, a whole
 * batch in one call into Python.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { encodeForPython, type Outcome, parseOracle } from "./values.js";

const PY_DIR = fileURLToPath(new URL("../py/", import.meta.url));
const HOME = "/home/pyodide/oracle";

interface Pyodide {
  runPython(code: string, options?: { globals?: unknown }): unknown;
  globals: { set(name: string, value: unknown): void };
  FS: { mkdirTree(path: string): void; writeFile(path: string, data: string): void };
}

// Reads _module, _fn and _args (a JSON list of argument lists) from the globals.
const BATCH = `
import json, importlib, oracle_json
_call = getattr(importlib.import_module(_module), _fn)
json.dumps([oracle_json.outcome(_call, *oracle_json.decode(a)) for a in json.loads(_args)],
           allow_nan=False)
`;

export class LivePyodide {
  readonly version: string;
  private readonly pyodide: Pyodide;

  private constructor(pyodide: Pyodide, version: string) {
    this.pyodide = pyodide;
    this.version = version;
  }

  /** Loads Pyodide with py/*.py importable (about 2 s), or `null` when it cannot. */
  static async start(): Promise<LivePyodide | null> {
    let pyodide: Pyodide;
    try {
      const { loadPyodide } = await import("pyodide");
      pyodide = (await loadPyodide()) as unknown as Pyodide;
    } catch {
      return null;
    }
    pyodide.FS.mkdirTree(HOME);
    for (const name of readdirSync(PY_DIR).filter((f) => f.endsWith(".py"))) {
      pyodide.FS.writeFile(`${HOME}/${name}`, readFileSync(`${PY_DIR}${name}`, "utf8"));
    }
    const version = pyodide.runPython(
      `import sys\nsys.path.insert(0, ${JSON.stringify(HOME)})\nsys.version.split()[0]`,
    ) as string;
    return new LivePyodide(pyodide, version);
  }

  /** Many calls of `module.fn`, run in one go. */
  batch(module: string, fn: string, argsList: readonly (readonly unknown[])[]): Outcome[] {
    this.pyodide.globals.set("_module", module);
    this.pyodide.globals.set("_fn", fn);
    this.pyodide.globals.set("_args", JSON.stringify(argsList.map((a) => encodeForPython(a))));
    return parseOracle<Outcome[]>(this.pyodide.runPython(BATCH) as string);
  }
}
