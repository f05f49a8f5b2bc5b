/**
 * Python → JS against the live interpreter: for each object, our view's format, item
 * size, shape, strides, suboffsets and read-only flag equal `memoryview(obj)`'s inside
 * Pyodide, and what our view reads equals Python's `tolist()` (or, for records, the
 * values Python reads field by field).
 */
import { fromPyodideTests } from "./suites/from-pyodide.js";
import { loadTestPyodide } from "./support.js";

fromPyodideTests(() => loadTestPyodide());
