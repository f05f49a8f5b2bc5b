/**
 * What every Pyodide generator does: load CPython 3.14 for wasm32 (the npm `pyodide`
 * package, offline), copy the py/ modules it needs into Pyodide's file system, run
 * `<module>.main()` and print the document it returns. (A leading `_` keeps
 * src/regenerate.ts from running this file as a generator.)
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const PY_DIR = fileURLToPath(new URL("../py/", import.meta.url));

/** Runs py/`module`.py's `main()` in Pyodide with `helpers` (py/ file names) beside it. */
export async function printFromPyodide(module: string, helpers: readonly string[]): Promise<void> {
  const home = `/home/pyodide/${module}`;
  const pyodide = await loadPyodide();
  pyodide.FS.mkdirTree(home);
  for (const name of [...helpers, `${module}.py`]) {
    pyodide.FS.writeFile(`${home}/${name}`, readFileSync(`${PY_DIR}${name}`, "utf8"));
  }
  const text = pyodide.runPython(
    `import sys\nsys.path.insert(0, ${JSON.stringify(home)})\nimport ${module}\n${module}.main()`,
  ) as string;
  process.stdout.write(text);
}
