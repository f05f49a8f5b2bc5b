/**
 * memoryview.count / memoryview.index vectors from CPython 3.14 (they are new in 3.14):
 * the npm `pyodide` package, offline in Node. Runs py/memoryview_314.py with the
 * helper it imports and prints the document it builds.
 */
import { printFromPyodide } from "./_pyodide.js";

await printFromPyodide("memoryview_314", ["oracle_json.py"]);
