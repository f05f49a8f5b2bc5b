/**
 * wasm32 ABI and 3.14 complex-code vectors from real wasm32 CPython: the npm `pyodide`
 * package (CPython 3.14, runs offline in Node). Runs py/struct_wasm32.py with the
 * helpers it imports and prints the document it builds.
 */
import { printFromPyodide } from "./_pyodide.js";

await printFromPyodide("struct_wasm32", ["oracle_json.py", "struct_oracle.py", "struct_values.py"]);
