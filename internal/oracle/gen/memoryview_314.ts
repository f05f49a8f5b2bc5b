/**
 * memoryview.count / memoryview.index vectors from CPython 3.14 (they are new in 3.14):
 * the npm `pyodide` package, offline in Node. Loads py/memoryview_314.py with the
 * helper it imports into Pyodide's file system and prints the document it builds.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const PY_DIR = fileURLToPath(new URL("../py/", import.meta.url));
const MODULES = ["oracle_json.py", "memoryview_314.py"];
const HOME = "/home/pyodide/memoryview_oracle";

const pyodide = await loadPyodide();
pyodide.FS.mkdirTree(HOME);
for (const name of MODULES) {
  pyodide.FS.writeFile(`${HOME}/${name}`, readFileSync(`${PY_DIR}${name}`, "utf8"));
}
const text = pyodide.runPython(
  `import sys\nsys.path.insert(0, ${JSON.stringify(HOME)})\nimport memoryview_314\nmemoryview_314.main()`,
) as string;
process.stdout.write(text);
