/**
 * wasm32 ABI and 3.14 complex-code vectors from real wasm32 CPython: the npm `pyodide`
 * package (CPython 3.14, runs offline in Node). Loads py/struct_wasm32.py with the
 * helpers it imports into Pyodide's file system and prints the document it builds.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const PY_DIR = fileURLToPath(new URL("../py/", import.meta.url));
const MODULES = ["oracle_json.py", "struct_oracle.py", "struct_values.py", "struct_wasm32.py"];
const HOME = "/home/pyodide/struct_oracle";

const pyodide = await loadPyodide();
pyodide.FS.mkdirTree(HOME);
for (const name of MODULES) {
  pyodide.FS.writeFile(`${HOME}/${name}`, readFileSync(`${PY_DIR}${name}`, "utf8"));
}
const text = pyodide.runPython(
  `import sys\nsys.path.insert(0, ${JSON.stringify(HOME)})\nimport struct_wasm32\nstruct_wasm32.main()`,
) as string;
process.stdout.write(text);
