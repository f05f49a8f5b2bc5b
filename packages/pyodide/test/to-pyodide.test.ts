/**
 * JS → Python against the live interpreter: `memoryview()` of what toPyodide gives has
 * our format, shape and strides; zero-copy over the heap, a synced copy elsewhere; and
 * allocate's arrays are shared without a copy.
 */
import { toPyodideTests } from "./suites/to-pyodide.js";
import { loadTestPyodide } from "./support.js";

toPyodideTests(() => loadTestPyodide());
