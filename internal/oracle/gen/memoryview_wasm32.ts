/**
 * memoryview vectors from wasm32 CPython 3.14 (the npm `pyodide` package, offline in
 * Node): py/memoryview_wasm32.py, replayed with the wasm32 ABI by
 * packages/memoryview/test/wasm32.test.ts.
 */
import { printFromPyodide } from "./_pyodide.js";

await printFromPyodide("memoryview_wasm32", ["oracle_json.py", "memoryview_common.py"]);
